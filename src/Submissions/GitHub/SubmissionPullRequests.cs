using Octokit;

namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// Opens one pull request per submission with the Git Data API: blobs, one tree, one commit and then the branch
/// ref, so a crash at any step leaves no half post on a branch. Idempotent: the branch name carries the submission
/// key, so a message processed again (a re-run, a crash between steps, two pollers) finds its branch and pull
/// request instead of making new ones.
/// </summary>
public sealed class SubmissionPullRequests(IGitHubClient client, GitHubTarget target, GitHubRetry retry)
{
    /// <summary>The bot as commit author (never the contributor, whose address is personal data).</summary>
    public static readonly (string Name, string Email) Bot = ("PPN blog bot", "ppn-blog-bot@users.noreply.github.com");

    private readonly ApiConnection _api = new(client.Connection);

    private string Owner => target.Owner;

    private string Repository => target.Repository;

    /// <summary>The submission's branch: submissions/&lt;date&gt;-&lt;slug&gt;-&lt;short key&gt;.</summary>
    public static string BranchFor(ConvertedPost post) => $"submissions/{post.FrontMatter.Date.ToIsoString()}-{post.Slug}-{post.IdempotencyKey[..8]}";

    /// <summary>The labels a submission's pull request carries.</summary>
    public static IReadOnlyList<string> LabelsFor(ConvertedPost post) =>
    [
        "submission",
        .. post.Commitments.Select(c => "commitment:" + c.Slug),
        .. post.PersonalData.Count > 0 ? ["personal-data"] : Array.Empty<string>(),
        .. post.Sender.Trusted ? Array.Empty<string>() : ["quarantine"],
    ];

    /// <summary>Opens the pull request for <paramref name="post"/>, or finds the one an earlier run opened.</summary>
    public async Task<SubmissionPullRequest> OpenAsync(ConvertedPost post, IReadOnlyList<string> validation, CancellationToken cancellation = default)
    {
        var branch = BranchFor(post);
        var pullRequest = await Find(branch, cancellation);
        var created = false;
        if (pullRequest is null)
        {
            if (!await BranchExists(branch, cancellation)) await CreateBranch(post, branch, cancellation);
            var body = PullRequestText.Body(post, validation, await Template(cancellation));
            try
            {
                pullRequest = await retry.Run(() => client.PullRequest.Create(Owner, Repository,
                    new NewPullRequest(PullRequestText.Title(post), branch, target.BaseBranch) { Body = body }), cancellation);
                created = true;
            }
            catch (ApiValidationException)
            {
                // Another run opened it between our look and our create.
                pullRequest = await Find(branch, cancellation) ?? throw new InvalidOperationException($"GitHub refused a pull request for {branch}");
            }
        }
        // Labels and reviewers are applied on every run, so a run that died after opening the pull request is completed.
        await Label(pullRequest.Number, LabelsFor(post), cancellation);
        if (target.Reviewers.Count > 0 && created)
            await retry.Run(() => client.PullRequest.ReviewRequest.Create(Owner, Repository, pullRequest.Number,
                new PullRequestReviewRequest(target.Reviewers.ToList(), [])), cancellation);
        return new SubmissionPullRequest(pullRequest.Number, pullRequest.HtmlUrl, branch, created);
    }

    /// <summary>Where GitHub looks for a repository's pull request template, in its order.</summary>
    private static readonly string[] TemplatePaths =
        [".github/pull_request_template.md", ".github/PULL_REQUEST_TEMPLATE.md", "pull_request_template.md", "docs/pull_request_template.md"];

    private string? _template;

    private bool _templateRead;

    private async Task<string?> Template(CancellationToken cancellation)
    {
        if (_templateRead) return _template;
        foreach (var path in TemplatePaths)
        {
            try
            {
                var files = await retry.Run(() => client.Repository.Content.GetAllContentsByRef(Owner, Repository, path, target.BaseBranch), cancellation);
                _template = files.FirstOrDefault()?.Content;
                if (_template is not null) break;
            }
            catch (NotFoundException)
            {
                // Not here; GitHub would look at the next place.
            }
        }
        _templateRead = true;
        return _template;
    }

    private async Task<PullRequest?> Find(string branch, CancellationToken cancellation)
    {
        var open = await retry.Run(() => client.PullRequest.GetAllForRepository(Owner, Repository,
            new PullRequestRequest { Head = $"{Owner}:{branch}", State = ItemStateFilter.All }, new ApiOptions { PageSize = 10, PageCount = 1 }), cancellation);
        return open.FirstOrDefault(p => p.Head?.Ref == branch);
    }

    private async Task<bool> BranchExists(string branch, CancellationToken cancellation)
    {
        try
        {
            await GetReference($"heads/{branch}", cancellation);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    // Octokit's Reference.Get calls the legacy git/refs/{ref}, which answers a prefix with a list of refs; the
    // documented git/ref/{ref} finds exactly one ref or answers 404.
    private Task<Reference> GetReference(string name, CancellationToken cancellation) =>
        retry.Run(() => _api.Get<Reference>(RepositoryUri($"git/ref/{name}")), cancellation);

    private Uri RepositoryUri(string path) => new($"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Repository)}/{path}", UriKind.Relative);

    private async Task CreateBranch(ConvertedPost post, string branch, CancellationToken cancellation)
    {
        var baseRef = await GetReference($"heads/{target.BaseBranch}", cancellation);
        var baseCommit = await retry.Run(() => client.Git.Commit.Get(Owner, Repository, baseRef.Object.Sha), cancellation);
        var tree = new NewTree { BaseTree = baseCommit.Tree.Sha };
        var files = new List<(string Name, byte[] Bytes)> { ("index.md", System.Text.Encoding.UTF8.GetBytes(SubmissionWriter.PostText(post))) };
        files.AddRange(post.Images.Select(i => (i.FileName, i.Bytes)));
        foreach (var (name, bytes) in files)
        {
            var blob = await retry.Run(() => client.Git.Blob.Create(Owner, Repository,
                new NewBlob { Content = Convert.ToBase64String(bytes), Encoding = EncodingType.Base64 }), cancellation);
            // Only ever under input/posts/: every path segment here is generated, none comes from the email.
            tree.Tree.Add(new NewTreeItem { Path = $"{post.BundlePath}/{name}", Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        }
        var newTree = await retry.Run(() => client.Git.Tree.Create(Owner, Repository, tree), cancellation);
        var commit = await retry.Run(() => client.Git.Commit.Create(Owner, Repository,
            new NewCommit($"Add blog submission: {post.FrontMatter.Title}", newTree.Sha, baseCommit.Sha)
            {
                Author = new Committer(Bot.Name, Bot.Email, DateTimeOffset.UtcNow),
            }), cancellation);
        try
        {
            await retry.Run(() => client.Git.Reference.Create(Owner, Repository, new NewReference($"refs/heads/{branch}", commit.Sha)), cancellation);
        }
        catch (ApiValidationException)
        {
            // Another run created the branch first (its commit holds the same files); anything else is a real refusal.
            if (!await BranchExists(branch, cancellation)) throw;
        }
    }

    private async Task Label(int number, IReadOnlyList<string> labels, CancellationToken cancellation)
    {
        foreach (var label in labels)
        {
            try
            {
                await retry.Run(() => client.Issue.Labels.Get(Owner, Repository, label), cancellation);
            }
            catch (NotFoundException)
            {
                try
                {
                    await retry.Run(() => client.Issue.Labels.Create(Owner, Repository, new NewLabel(label, LabelColour(label))), cancellation);
                }
                catch (ApiValidationException)
                {
                    // Created meanwhile by another run.
                }
            }
        }
        // Octokit's AddToIssue posts a bare array, which GitHub's current description no longer documents.
        await retry.Run(() => _api.Post<IReadOnlyList<Label>>(RepositoryUri($"issues/{number}/labels"), new { labels }), cancellation);
    }

    private static string LabelColour(string label) => label switch
    {
        "quarantine" => "d5281b",
        "personal-data" => "ffb81c",
        _ when label.StartsWith("commitment:", StringComparison.Ordinal) => "005eb8",
        _ => "007f3b",
    };
}
