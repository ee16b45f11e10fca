using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using MimeKit;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;
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

    /// <summary>A rejection with reasons.</summary>
    public static SubmitOutcome Rejected(params IReadOnlyList<string> reasons) => new(null, null, reasons);

    /// <summary>A message that is only a note ("Thanks!"), not a post: as a reply about a submission, it changes nothing.</summary>
    public bool IsNote { get; init; }
}

/// <summary>
/// The GitHub side of the bot, shared by <c>submit</c> and <c>poll</c>: a message → a validated post → its pull
/// request; a reply → a revision or a withdrawal; merged pull requests → contributors to tell.
/// </summary>
/// <param name="converter">Turns a message into a post.</param>
/// <param name="commitmentSlugs">The site's commitments, for validation.</param>
/// <param name="checkBody">The generator's Markdown check.</param>
/// <param name="pullRequests">The repository's submission pull requests.</param>
public sealed partial class SubmissionBot(SubmissionConverter converter, IReadOnlyCollection<string> commitmentSlugs,
    Func<string, string?> checkBody, SubmissionPullRequests pullRequests)
{
    /// <summary>The pull requests this bot works on.</summary>
    public SubmissionPullRequests PullRequests => pullRequests;

    /// <summary>
    /// Converts and validates <paramref name="message"/> and opens its pull request. A rejection is an outcome; GitHub
    /// failures that outlast the retries throw, so the caller leaves the message for the next run.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(MimeMessage message, long size, DateTimeOffset now, CancellationToken cancellation = default)
    {
        var (converted, validation, reasons, note) = Prepare(message, size, now);
        if (converted is null) return SubmitOutcome.Rejected(reasons) with { IsNote = note };
        var post = await pullRequests.InFolderOfItsOwnAsync(converted, cancellation);
        // Moved beside another post: validated again, so the pull request's notes name the file it has.
        if (post != converted) validation = [.. SubmissionWriter.Validate(post, commitmentSlugs, checkBody).Select(d => d.ToString())];
        return new SubmitOutcome(post, await pullRequests.OpenAsync(post, validation, cancellation), []);
    }

    /// <summary>
    /// Replaces the post of the open submission <paramref name="key"/> with the one in <paramref name="message"/>
    /// (a reply to its acknowledgement). The post keeps its address and date.
    /// </summary>
    public async Task<SubmitOutcome> ReviseAsync(string key, MimeMessage message, long size, DateTimeOffset now, CancellationToken cancellation = default)
    {
        if (await pullRequests.FindAsync(key, cancellation) is not { } pull) return SubmitOutcome.Rejected(NotUnderReview);
        var (revision, validation, reasons, note) = Prepare(message, size, now);
        if (revision is null) return SubmitOutcome.Rejected(reasons) with { IsNote = note };
        if (SubmissionPullRequests.ParseBranch(pull.Branch) is { } original)
            revision = revision with { Slug = original.Slug, FrontMatter = revision.FrontMatter with { Date = PostDate.Day(original.Date) } };
        await pullRequests.ReviseAsync(pull, revision, validation, cancellation);
        return new SubmitOutcome(revision, pull, []);
    }

    /// <summary>Closes the open submission <paramref name="key"/>; false when none is under review.</summary>
    public async Task<bool> WithdrawAsync(string key, CancellationToken cancellation = default)
    {
        if (await pullRequests.FindAsync(key, cancellation) is not { } pull) return false;
        await pullRequests.WithdrawAsync(pull, cancellation);
        return true;
    }

    /// <summary>Whether a reply asks to withdraw: its first line of new text is the word WITHDRAW.</summary>
    public static bool AsksToWithdraw(MimeMessage message)
    {
        var text = message.TextBody ?? (message.HtmlBody is { } html && !HtmlNesting.IsTooDeep(html) ? new HtmlParser().ParseDocument(html).Body?.TextContent : null) ?? "";
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return Withdraw().IsMatch(first);
    }

    /// <summary>The reason given when a reply about a submission comes from someone other than its contributor.</summary>
    public const string NotTheContributor = "Only the person who sent a post can change or withdraw it, by replying from the same address. Nothing was changed.";

    /// <summary>The reason given when a reply refers to a submission that is no longer open.</summary>
    public const string NotUnderReview = "This post is no longer under review (it has been published, withdrawn or closed), so your reply could not change it. To send a new post, please write a new email rather than a reply.";

    private (ConvertedPost? Post, IReadOnlyList<string> Validation, IReadOnlyList<string> Reasons, bool IsNote) Prepare(MimeMessage message, long size, DateTimeOffset now)
    {
        var converted = converter.Convert(message, size, now);
        if (converted.Post is not { } post) return (null, [], converted.Reasons, converted.IsNote);
        var validation = SubmissionWriter.Validate(post, commitmentSlugs, checkBody);
        if (validation.Any(d => d.IsError))
            return (null, [], [.. validation.Where(d => d.IsError).Select(d => "The converted post did not pass validation: " + d.Message)], false);
        return (post, [.. validation.Select(d => d.ToString())], [], false);
    }

    [GeneratedRegex(@"^\W*withdraw\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Withdraw();
}
