using System.Diagnostics;
using System.Text.RegularExpressions;
using Octokit;

namespace PPNBlog.Submissions.GitHub;

/// <summary>A submission the editors have decided on (merged, or closed as not publishing) whose contributor has not yet been told.</summary>
/// <param name="Number">The pull request.</param>
/// <param name="Key">The submission key's first 8 characters (from the branch name).</param>
/// <param name="Slug">The post's slug (from the branch name).</param>
/// <param name="Title">The pull request's title.</param>
/// <param name="Date">The post's date (from the branch name): the day the message was sent.</param>
/// <param name="Merged">True when merged (the post goes live); false when closed with <see cref="SubmissionPullRequests.NotPublishingLabel"/>.</param>
public sealed record DecidedSubmission(int Number, string Key, string Slug, string Title, DateOnly Date, bool Merged);

/// <summary>
/// One pull request per submission, built with the Git Data API: blobs, the post's folder as one tree, the
/// repository tree, one commit and then the branch ref, so a crash at any step leaves no half post on a branch.
/// Idempotent: the branch name carries the submission key, so a message processed again (a re-run, a crash between
/// steps, two pollers) finds its branch and pull request instead of making new ones. Writes are paced and retried.
/// </summary>
/// <param name="client">Octokit, authenticated as the App's installation.</param>
/// <param name="target">The repository, its base branch and the reviewers.</param>
/// <param name="retry">How GitHub's refusals are retried.</param>
/// <param name="catalogue">The labels the bot may create.</param>
/// <param name="pacer">How writes are paced (GitHub's secondary limits by default).</param>
/// <param name="localInput">The working copy's <c>input/</c>, where the slugs posts set in their front matter are read.</param>
public sealed partial class SubmissionPullRequests(IGitHubClient client, GitHubTarget target, GitHubRetry retry, LabelCatalogue catalogue,
    GitHubPacer? pacer = null, string? localInput = null)
{
    /// <summary>The bot as commit author (never the contributor, whose address is personal data).</summary>
    public static readonly (string Name, string Email) Bot = ("PPN blog bot", "ppn-blog-bot@users.noreply.github.com");

    /// <summary>The label put on a decided pull request once its contributor has been told: the post is live, or will not be published.</summary>
    public const string NotifiedLabel = "contributor-notified";

    /// <summary>
    /// The label editors put on a pull request they close without merging to have its contributor told, kindly, that the
    /// post will not be published (editors cannot write to them: their address is kept out of GitHub). A pull request
    /// closed without it (to be remade, say) tells nobody.
    /// </summary>
    public const string NotPublishingLabel = "not-publishing";

    /// <summary>The label on an issue telling the editors of an email the bot held after failing on it.</summary>
    public const string HeldLabel = "held-email";

    private const string BranchPrefix = "submissions/";

    /// <summary>Where GitHub looks for a repository's pull request template, in its order.</summary>
    private static readonly string[] TemplatePaths =
        [".github/pull_request_template.md", ".github/PULL_REQUEST_TEMPLATE.md", "pull_request_template.md", "docs/pull_request_template.md"];

    private readonly ApiConnection _api = new(client.Connection);
    private readonly GitHubPacer _pacer = pacer ?? new GitHubPacer();
    private readonly HashSet<string> _knownLabels = new(StringComparer.Ordinal);
    private string? _template;
    private bool _templateRead;

    private string Owner => target.Owner;

    private string Repository => target.Repository;

    /// <summary>Content-creating calls made so far (for the load report).</summary>
    public int Writes => _pacer.Writes;

    /// <summary>The submission's branch: submissions/&lt;date&gt;-&lt;slug&gt;-&lt;short key&gt;.</summary>
    public static string BranchFor(ConvertedPost post) => $"{BranchPrefix}{post.FrontMatter.Date.ToIsoString()}-{post.Slug}-{post.IdempotencyKey}";

    /// <summary>The date, slug and short key in a submission's branch name; null for any other branch.</summary>
    public static (DateOnly Date, string Slug, string Key)? ParseBranch(string branch) =>
        SubmissionBranch().Match(branch) is { Success: true } match
            ? (DateOnly.ParseExact(match.Groups["date"].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), match.Groups["slug"].Value, match.Groups["key"].Value)
            : null;

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
            if (await BranchHead(branch, cancellation) is null)
            {
                var baseHead = await BaseHead(cancellation);
                var commit = await CommitBundle(post, baseHead, $"Add blog submission {post.BundlePath}/", cancellation);
                try
                {
                    await Write(() => client.Git.Reference.Create(Owner, Repository, new NewReference($"refs/heads/{branch}", commit)), cancellation);
                }
                catch (ApiValidationException)
                {
                    // Another run created the branch first (its commit holds the same files); anything else is a real refusal.
                    if (await BranchHead(branch, cancellation) is null) throw;
                }
            }
            var body = PullRequestText.Body(post, validation, await Template(cancellation));
            try
            {
                pullRequest = await Write(() => client.PullRequest.Create(Owner, Repository,
                    new NewPullRequest(PullRequestText.Title(post), branch, target.BaseBranch) { Body = body }), cancellation);
                created = true;
            }
            catch (ApiValidationException)
            {
                // Another run opened it between our look and our create.
                pullRequest = await Find(branch, cancellation) ?? throw new GitHubRefusedException($"GitHub refused a pull request for {branch}");
            }
        }
        // Labels and reviewers are (re)applied on every run, so a run that died after opening the pull request is completed.
        await Label(pullRequest.Number, LabelsFor(post).Except(pullRequest.Labels?.Select(l => l.Name) ?? []).ToList(), cancellation);
        var teams = target.TeamReviewers ?? [];
        if ((target.Reviewers.Count > 0 || teams.Count > 0) && (pullRequest.RequestedReviewers?.Count ?? 0) == 0 && (pullRequest.RequestedTeams?.Count ?? 0) == 0)
            await Write(() => client.PullRequest.ReviewRequest.Create(Owner, Repository, pullRequest.Number,
                new PullRequestReviewRequest(target.Reviewers.ToList(), teams.ToList())), cancellation);
        return new SubmissionPullRequest(pullRequest.Number, pullRequest.HtmlUrl, branch, created);
    }

    /// <summary>The open pull request of the submission with <paramref name="key"/>, or null.</summary>
    public async Task<SubmissionPullRequest?> FindAsync(string key, CancellationToken cancellation = default)
    {
        // The whole key: branch names are public, and a sender who made a message whose key shared a short prefix
        // with another's (2^32 tries) could otherwise revise or withdraw that other post.
        var suffix = "-" + key;
        foreach (var branch in (await SubmissionBranches(cancellation)).Where(b => b.EndsWith(suffix, StringComparison.Ordinal)))
        {
            if (await Find(branch, cancellation) is { State.Value: ItemState.Open } pull)
                return new SubmissionPullRequest(pull.Number, pull.HtmlUrl, branch, Created: false);
        }
        return null;
    }

    /// <summary>
    /// Replaces the post on an open submission's branch with <paramref name="revision"/> (one new commit; the post
    /// keeps its folder, so its address does not change) and refreshes the pull request's description.
    /// </summary>
    public async Task ReviseAsync(SubmissionPullRequest pull, ConvertedPost revision, IReadOnlyList<string> validation, CancellationToken cancellation = default)
    {
        var head = await BranchHead(pull.Branch, cancellation) ?? throw new GitHubRefusedException($"the branch {pull.Branch} is gone");
        var commit = await CommitBundle(revision, head, $"Revise blog submission {revision.BundlePath}/", cancellation);
        await Write(() => client.Git.Reference.Update(Owner, Repository, $"heads/{pull.Branch}", new ReferenceUpdate(commit)), cancellation);
        var body = PullRequestText.Body(revision, validation, await Template(cancellation));
        await Write(() => client.PullRequest.Update(Owner, Repository, pull.Number,
            new PullRequestUpdate { Title = PullRequestText.Title(revision), Body = body }), cancellation);
        // What the revision brings is labelled as a new post's would be (personal data added, a sender unchecked, a new commitment).
        await Label(pull.Number, LabelsFor(revision), cancellation);
        await Write(() => client.Issue.Comment.Create(Owner, Repository, pull.Number,
            "The contributor sent a revised version by email; it replaces the earlier one (see the latest commit)."), cancellation);
    }

    /// <summary>Closes a submission's pull request because the contributor withdrew it.</summary>
    public async Task WithdrawAsync(SubmissionPullRequest pull, CancellationToken cancellation = default)
    {
        await Write(() => client.Issue.Comment.Create(Owner, Repository, pull.Number,
            "The contributor withdrew this post by email, so it is closed without merging."), cancellation);
        await Write(() => client.PullRequest.Update(Owner, Repository, pull.Number, new PullRequestUpdate { State = ItemState.Closed }), cancellation);
    }

    /// <summary>
    /// Submissions merged, or closed with <see cref="NotPublishingLabel"/>, whose contributors have not been told (among
    /// the 100 most recently updated closed pull requests).
    /// </summary>
    public async Task<IReadOnlyList<DecidedSubmission>> DecidedUntoldAsync(CancellationToken cancellation = default)
    {
        var closed = await retry.Run(() => client.PullRequest.GetAllForRepository(Owner, Repository,
            new PullRequestRequest { State = ItemStateFilter.Closed, Base = target.BaseBranch, SortProperty = PullRequestSort.Updated, SortDirection = SortDirection.Descending },
            new ApiOptions { PageSize = 100, PageCount = 1 }), cancellation);
        bool Labelled(PullRequest pull, string label) => pull.Labels?.Any(l => l.Name == label) == true;
        return closed
            .Select(p => (Pull: p, Merged: p.Merged || p.MergedAt is not null))
            .Where(p => (p.Merged || Labelled(p.Pull, NotPublishingLabel)) && !Labelled(p.Pull, NotifiedLabel))
            .Select(p => (p.Pull, p.Merged, Branch: ParseBranch(p.Pull.Head?.Ref ?? "")))
            .Where(p => p.Branch is not null)
            .Select(p => new DecidedSubmission(p.Pull.Number, p.Branch!.Value.Key, p.Branch.Value.Slug, p.Pull.Title, p.Branch.Value.Date, p.Merged))
            .ToList();
    }

    /// <summary>Records on the pull request that its contributor has been told the editors' decision.</summary>
    public Task MarkNotifiedAsync(int number, CancellationToken cancellation = default) => Label(number, [NotifiedLabel], cancellation);

    /// <summary>
    /// Opens an issue (labelled <see cref="HeldLabel"/>) telling the editors that an email was held, or finds the open one
    /// an earlier run opened for it: <paramref name="title"/> carries the message's reference, so a run that dies after
    /// opening it opens no second one. One the editors closed is not reused: held again, the email gets a new issue.
    /// Returns the issue's address.
    /// </summary>
    public async Task<string> ReportHeldAsync(string title, string body, CancellationToken cancellation = default)
    {
        // GitHub lists pull requests among issues; the label and the exact title single the issue out.
        var labelled = await retry.Run(() => _api.GetAll<Issue>(RepositoryUri("issues"), new Dictionary<string, string> { ["labels"] = HeldLabel, ["state"] = "open" }), cancellation);
        if (labelled.FirstOrDefault(i => i.PullRequest is null && i.Title == title) is { } earlier) return earlier.HtmlUrl;
        await EnsureLabels([HeldLabel], cancellation);
        var issue = await Write(() => client.Issue.Create(Owner, Repository, new NewIssue(title) { Body = body, Labels = { HeldLabel } }), cancellation);
        return issue.HtmlUrl;
    }

    /// <summary>
    /// Tells the editors of a held meeting invitation (<paramref name="reference"/>, listed as <paramref name="entry"/>) in
    /// the one open issue for them (<see cref="HeldEmailIssue.InvitationsTitle"/>): opens it when none is open, else adds a
    /// comment; the invitations of one run after the first are added to the issue or comment it wrote (<paramref name="notice"/>),
    /// so a burst of invitations makes one issue or one comment, not one each. An invitation already listed (a run that
    /// stopped before moving it) is not listed again. Returns the issue's address.
    /// </summary>
    public async Task<string> ReportInvitationAsync(string reference, string entry, InvitationNotice notice, string folder, string inbox, CancellationToken cancellation = default)
    {
        if (notice.References.Contains(reference) && notice.Url is { } told) return told;
        if (notice.Entries.Count >= InvitationNotice.MaxEntries) notice.Restart();
        if (notice.Comment is { } comment)
        {
            notice.Add(reference, entry);
            await Write(() => client.Issue.Comment.Update(Owner, Repository, comment, HeldEmailIssue.InvitationsComment(notice.Entries)), cancellation);
            return notice.Url!;
        }
        if (notice.OpenedIssue is { } opened)
        {
            notice.Add(reference, entry);
            await Write(() => client.Issue.Update(Owner, Repository, opened, new IssueUpdate { Body = HeldEmailIssue.InvitationsBody(notice.Entries, folder, inbox) }), cancellation);
            return notice.Url!;
        }
        var labelled = await retry.Run(() => _api.GetAll<Issue>(RepositoryUri("issues"), new Dictionary<string, string> { ["labels"] = HeldLabel, ["state"] = "open" }), cancellation);
        if (labelled.FirstOrDefault(i => i.PullRequest is null && i.Title == HeldEmailIssue.InvitationsTitle) is { } open)
        {
            if (open.Body?.Contains(reference, StringComparison.Ordinal) == true) return open.HtmlUrl;
            // Octokit's own listing asks for a sort GitHub's route does not take.
            var comments = await retry.Run(() => _api.GetAll<IssueComment>(RepositoryUri($"issues/{open.Number}/comments")), cancellation);
            if (comments.Any(c => c.Body?.Contains(reference, StringComparison.Ordinal) == true)) return open.HtmlUrl;
            notice.Add(reference, entry);
            var written = await Write(() => client.Issue.Comment.Create(Owner, Repository, open.Number, HeldEmailIssue.InvitationsComment(notice.Entries)), cancellation);
            (notice.Comment, notice.Url) = (written.Id, open.HtmlUrl);
            return open.HtmlUrl;
        }
        await EnsureLabels([HeldLabel], cancellation);
        notice.Add(reference, entry);
        var issue = await Write(() => client.Issue.Create(Owner, Repository,
            new NewIssue(HeldEmailIssue.InvitationsTitle) { Body = HeldEmailIssue.InvitationsBody(notice.Entries, folder, inbox), Labels = { HeldLabel } }), cancellation);
        (notice.OpenedIssue, notice.Url) = (issue.Number, issue.HtmlUrl);
        return issue.HtmlUrl;
    }

    /// <summary>
    /// Removes submission branches that have no pull request (a run that died before opening one, for a message no
    /// longer waiting in the inbox); returns their names.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveOrphanBranchesAsync(CancellationToken cancellation = default)
    {
        var removed = new List<string>();
        foreach (var branch in await SubmissionBranches(cancellation))
        {
            if (await Find(branch, cancellation) is not null) continue;
            await Write(async () => { await client.Git.Reference.Delete(Owner, Repository, $"heads/{branch}"); return true; }, cancellation);
            removed.Add(branch);
        }
        return removed;
    }

    /// <summary>
    /// Brings the repository's labels in line with the catalogue (one per commitment for "commitment:*"): creates
    /// the missing ones and updates colours and descriptions. Returns what changed, as "created NAME" or "updated NAME".
    /// </summary>
    public async Task<IReadOnlyList<string>> SyncLabelsAsync(IEnumerable<string> commitmentSlugs, CancellationToken cancellation = default)
    {
        var changes = new List<string>();
        foreach (var wanted in catalogue.Expand(commitmentSlugs))
        {
            Label? existing;
            try
            {
                existing = await retry.Run(() => client.Issue.Labels.Get(Owner, Repository, wanted.Name), cancellation);
            }
            catch (NotFoundException)
            {
                existing = null;
            }
            if (existing is null)
            {
                await Write(() => client.Issue.Labels.Create(Owner, Repository, new NewLabel(wanted.Name, wanted.Color) { Description = wanted.Description }), cancellation);
                changes.Add("created " + wanted.Name);
            }
            else if (!string.Equals(existing.Color, wanted.Color, StringComparison.OrdinalIgnoreCase) || (existing.Description ?? "") != wanted.Description)
            {
                // Octokit's Labels.Update posts to the route; GitHub's description documents PATCH.
                await Write(() => _api.Patch<Label>(RepositoryUri($"labels/{Uri.EscapeDataString(wanted.Name)}"), new { color = wanted.Color, description = wanted.Description }), cancellation);
                changes.Add("updated " + wanted.Name);
            }
            _knownLabels.Add(wanted.Name);
        }
        return changes;
    }

    /// <summary>The names of the bot's branches (submissions/…).</summary>
    private async Task<IEnumerable<string>> SubmissionBranches(CancellationToken cancellation) =>
        (await retry.Run(() => _api.GetAll<Reference>(RepositoryUri($"git/matching-refs/heads/{BranchPrefix}")), cancellation))
            .Select(r => r.Ref["refs/heads/".Length..]);

    private Task<T> Write<T>(Func<Task<T>> call, CancellationToken cancellation) => retry.Run(() => _pacer.Write(call, cancellation), cancellation);

    /// <summary>
    /// Commits the post's folder on top of <paramref name="parent"/>: the folder is one new tree (so a revision
    /// drops files the old version had), set into the parent's tree at input/posts/&lt;yyyy&gt;/&lt;slug&gt;.
    /// </summary>
    private async Task<string> CommitBundle(ConvertedPost post, Commit parent, string message, CancellationToken cancellation)
    {
        var folder = new NewTree();
        folder.Tree.Add(new NewTreeItem { Path = "index.md", Mode = "100644", Type = TreeType.Blob, Sha = await Blob(System.Text.Encoding.UTF8.GetBytes(SubmissionWriter.PostText(post)), cancellation) });
        foreach (var image in post.Images)
            folder.Tree.Add(new NewTreeItem { Path = image.FileName, Mode = "100644", Type = TreeType.Blob, Sha = await Blob(image.Bytes, cancellation) });
        var folderTree = await Write(() => client.Git.Tree.Create(Owner, Repository, folder), cancellation);
        // Only ever under input/posts/: every path segment here is generated, none comes from the email.
        var root = new NewTree { BaseTree = parent.Tree.Sha };
        root.Tree.Add(new NewTreeItem { Path = post.BundlePath, Mode = "040000", Type = TreeType.Tree, Sha = folderTree.Sha });
        var rootTree = await Write(() => client.Git.Tree.Create(Owner, Repository, root), cancellation);
        var commit = await Write(() => client.Git.Commit.Create(Owner, Repository,
            new NewCommit(message, rootTree.Sha, parent.Sha) { Author = new Committer(Bot.Name, Bot.Email, DateTimeOffset.UtcNow) }), cancellation);
        return commit.Sha;
    }

    private async Task<string> Blob(byte[] bytes, CancellationToken cancellation) =>
        (await Write(() => client.Git.Blob.Create(Owner, Repository, new NewBlob { Content = Convert.ToBase64String(bytes), Encoding = EncodingType.Base64 }), cancellation)).Sha;

    /// <summary>
    /// <paramref name="post"/> in a bundle folder of its own on the base branch, at an address of its own
    /// (<see cref="ConvertedPost.FolderChoices"/>): a different post already at input/posts/&lt;yyyy&gt;/&lt;slug&gt;/ would be
    /// replaced by the pull request, and one of another year at /posts/&lt;slug&gt;/ would fail its check. Addresses come
    /// from the posts' paths, or their front matter where it sets a slug (read from the working copy, as the bot runs in
    /// one; a post merged since it was checked out is left to the pull request's check). The choice depends only on the
    /// base branch, so a run that retries the same message finds the pull request it opened.
    /// </summary>
    public async Task<ConvertedPost> InFolderOfItsOwnAsync(ConvertedPost post, CancellationToken cancellation = default)
    {
        var text = SubmissionWriter.PostText(post);
        var taken = await PostsBySlug(cancellation);
        // Other submissions under review hold their addresses too: two posts of one title (or one sent twice) would
        // otherwise add the same file, and the second to be merged would fail.
        foreach (var branch in await SubmissionBranches(cancellation))
            if (ParseBranch(branch) is { } other && other.Key != post.IdempotencyKey) taken.TryAdd(other.Slug, $"another submission under review (branch {branch})");
        foreach (var choice in post.FolderChoices(taken))
        {
            try
            {
                var existing = await retry.Run(() => client.Repository.Content.GetAllContentsByRef(Owner, Repository, choice.BundlePath + "/index.md", target.BaseBranch), cancellation);
                // The same post already merged (its text unchanged) is its own folder; anything else there is another post.
                if (existing.FirstOrDefault()?.Content == text) return choice;
            }
            catch (NotFoundException)
            {
                return choice;
            }
        }
        throw new UnreachableException("the folder choices never end");
    }

    /// <summary>The base branch's posts, from its tree, by slug (the one a post's front matter sets, from the working copy).</summary>
    private async Task<Dictionary<string, string>> PostsBySlug(CancellationToken cancellation)
    {
        const string posts = "input/posts";
        var head = await BaseHead(cancellation);
        var tree = await retry.Run(() => client.Git.Tree.GetRecursive(Owner, Repository, head.Tree.Sha), cancellation);
        var markdown = tree.Tree.Where(item => item.Type.Value == TreeType.Blob && item.Path.StartsWith(posts + "/", StringComparison.Ordinal)
            && item.Path.EndsWith(".md", StringComparison.Ordinal)).Select(item => item.Path);
        return PostAddresses.BySlug(Content.Sources.PostFiles.Select(markdown, posts), localInput);
    }

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
        var pulls = await retry.Run(() => client.PullRequest.GetAllForRepository(Owner, Repository,
            new PullRequestRequest { Head = $"{Owner}:{branch}", State = ItemStateFilter.All }, new ApiOptions { PageSize = 10, PageCount = 1 }), cancellation);
        return pulls.FirstOrDefault(p => p.Head?.Ref == branch);
    }

    /// <summary>The commit a branch points at, or null when there is no such branch.</summary>
    private async Task<Commit?> BranchHead(string branch, CancellationToken cancellation)
    {
        Reference reference;
        try
        {
            // Octokit's Reference.Get calls the legacy git/refs/{ref}, which answers a prefix with a list of refs; the
            // documented git/ref/{ref} finds exactly one ref or answers 404.
            reference = await retry.Run(() => _api.Get<Reference>(RepositoryUri($"git/ref/heads/{branch}")), cancellation);
        }
        catch (NotFoundException)
        {
            return null;
        }
        return await retry.Run(() => client.Git.Commit.Get(Owner, Repository, reference.Object.Sha), cancellation);
    }

    private async Task<Commit> BaseHead(CancellationToken cancellation) =>
        await BranchHead(target.BaseBranch, cancellation) ?? throw new GitHubRefusedException($"the base branch '{target.BaseBranch}' does not exist");

    private Uri RepositoryUri(string path) => new($"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Repository)}/{path}", UriKind.Relative);

    private async Task Label(int number, IReadOnlyList<string> labels, CancellationToken cancellation)
    {
        if (labels.Count == 0) return;
        await EnsureLabels(labels, cancellation);
        // Octokit's AddToIssue posts a bare array, which GitHub's current description no longer documents.
        await Write(() => _api.Post<IReadOnlyList<Label>>(RepositoryUri($"issues/{number}/labels"), new { labels }), cancellation);
    }

    /// <summary>Creates those of <paramref name="labels"/> the repository lacks, as the catalogue defines them (GitHub would make them grey).</summary>
    private async Task EnsureLabels(IReadOnlyList<string> labels, CancellationToken cancellation)
    {
        foreach (var label in labels.Where(l => !_knownLabels.Contains(l)))
        {
            try
            {
                await retry.Run(() => client.Issue.Labels.Get(Owner, Repository, label), cancellation);
            }
            catch (NotFoundException)
            {
                try
                {
                    var definition = catalogue.For(label);
                    await Write(() => client.Issue.Labels.Create(Owner, Repository, new NewLabel(label, definition.Color) { Description = definition.Description }), cancellation);
                }
                catch (ApiValidationException)
                {
                    // Created meanwhile by another run.
                }
            }
            _knownLabels.Add(label);
        }
    }

    [GeneratedRegex(@"^submissions/(?<date>\d{4}-\d{2}-\d{2})-(?<slug>[a-z0-9-]+)-(?<key>[0-9a-f]{20})$")]
    private static partial Regex SubmissionBranch();
}

/// <summary>
/// What one run of the bot has written about the meeting invitations it held (see
/// <see cref="SubmissionPullRequests.ReportInvitationAsync"/>): the issue it opened or the comment it added, and what
/// that lists, so the run's next invitations are added there.
/// </summary>
public sealed class InvitationNotice
{
    /// <summary>The most invitations one issue or comment lists (GitHub refuses a body over 65,536 characters); past it, another comment.</summary>
    public const int MaxEntries = 200;

    internal List<string> Entries { get; } = [];

    internal HashSet<string> References { get; } = new(StringComparer.Ordinal);

    internal int? OpenedIssue { get; set; }

    internal long? Comment { get; set; }

    internal string? Url { get; set; }

    internal void Add(string reference, string entry)
    {
        References.Add(reference);
        Entries.Add(entry);
    }

    /// <summary>Starts a new comment for the invitations after these.</summary>
    internal void Restart()
    {
        Entries.Clear();
        (OpenedIssue, Comment) = (null, null);
    }
}
