using MimeKit;
using PPNBlog.Submissions.GitHub;

namespace PPNBlog.Submissions.Bot;

/// <summary>What became of one message.</summary>
/// <param name="Post">The converted post, when accepted.</param>
/// <param name="PullRequest">Its pull request, when accepted.</param>
/// <param name="Reasons">Why it was rejected (empty when accepted), for the reply to the contributor.</param>
public sealed record SubmitOutcome(ConvertedPost? Post, SubmissionPullRequest? PullRequest, IReadOnlyList<string> Reasons)
{
    /// <summary>The message became (or already was) a pull request.</summary>
    public bool Accepted => PullRequest is not null;
}

/// <summary>One message → a validated post → its pull request: the path shared by <c>submit</c> and <c>poll</c>.</summary>
/// <param name="converter">Turns the message into a post.</param>
/// <param name="commitmentSlugs">The site's commitments, for validation.</param>
/// <param name="checkBody">The generator's Markdown check.</param>
/// <param name="pullRequests">Opens (or finds) the pull request.</param>
public sealed class SubmissionBot(SubmissionConverter converter, IReadOnlyCollection<string> commitmentSlugs,
    Func<string, string?> checkBody, SubmissionPullRequests pullRequests)
{
    /// <summary>
    /// Converts and validates <paramref name="message"/> and opens its pull request. A rejection is an outcome; GitHub
    /// failures that outlast the retries throw, so the caller leaves the message for the next run.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(MimeMessage message, long size, DateTimeOffset now, CancellationToken cancellation = default)
    {
        var converted = converter.Convert(message, size, now);
        if (converted.Post is not { } post) return new SubmitOutcome(null, null, converted.Reasons);
        var validation = SubmissionWriter.Validate(post, commitmentSlugs, checkBody);
        if (validation.Any(d => d.IsError))
            return new SubmitOutcome(null, null, [.. validation.Where(d => d.IsError).Select(d => "The converted post did not pass validation: " + d.Message)]);
        return new SubmitOutcome(post, await pullRequests.OpenAsync(post, [.. validation.Select(d => d.ToString())], cancellation), []);
    }
}
