namespace PPNBlog.Submissions.GitHub;

/// <summary>Where submissions become pull requests.</summary>
/// <param name="Owner">The repository's owner.</param>
/// <param name="Repository">The repository's name.</param>
/// <param name="BaseBranch">The branch posts are merged into.</param>
/// <param name="ApiUrl">The REST API's base URL (api.github.com, a GitHub Enterprise server, or a test server).</param>
/// <param name="Reviewers">Users asked to review each pull request.</param>
/// <param name="Attempts">How many times a failing call is tried before the run gives up.</param>
/// <param name="WritesPerMinute">Most content-creating calls a minute.</param>
/// <param name="WritesPerHour">Most content-creating calls an hour.</param>
/// <param name="TeamReviewers">Teams (their slugs) asked to review each pull request.</param>
public sealed record GitHubTarget(string Owner, string Repository, string BaseBranch, Uri ApiUrl, IReadOnlyList<string> Reviewers,
    int Attempts = 6, int WritesPerMinute = 80, int WritesPerHour = 500, IReadOnlyList<string>? TeamReviewers = null)
{
    /// <summary>The public GitHub API.</summary>
    public static readonly Uri PublicApi = new("https://api.github.com/");
}

/// <summary>A pull request opened (or found) for a submission.</summary>
/// <param name="Number">Its number.</param>
/// <param name="Url">Its page.</param>
/// <param name="Branch">Its head branch.</param>
/// <param name="Created">False when the pull request already existed (the same message processed again).</param>
public sealed record SubmissionPullRequest(int Number, string Url, string Branch, bool Created);
