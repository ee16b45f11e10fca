using System.Text;
using Octokit;
using PPNBlog.Submissions.GitHub;

namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>Opening pull requests with Octokit against the local GitHub server, checked against GitHub's OpenAPI description.</summary>
public sealed class PullRequestTests : WithFakeGitHub
{
    private SubmissionPullRequests Bot(params string[] reviewers) => Bot(reviewers, localInput: null);

    /// <param name="attempts">
    /// The bot's own number is 6; a test injecting five faults into one step gives it two more, so that one ordinary
    /// answer slower than the client's second, on a loaded machine, does not use up the last try.
    /// </param>
    private SubmissionPullRequests Bot(string[] reviewers, string? localInput, int attempts = 6) => new(
        GitHub.Client(timeout: TimeSpan.FromSeconds(1)),
        new GitHubTarget("o", "r", "main", GitHub.BaseUrl, reviewers, TeamReviewers: reviewers.Length > 0 ? ["comms-editors"] : null),
        new GitHubRetry(attempts, firstDelay: TimeSpan.FromMilliseconds(20), maxDelay: TimeSpan.FromSeconds(2)), Emails.Labels, localInput: localInput);

    private static ConvertedPost Post(string fixture) => Emails.Convert(fixture).Post!;

    [Fact]
    public async Task A_submission_becomes_one_branch_with_one_commit_of_its_bundle_and_one_labelled_pull_request()
    {
        var post = Post("outlook-html-inline-image.eml");
        var opened = await Bot("editor-one").OpenAsync(post, []);

        Assert.True(opened.Created);
        Assert.Matches(@"^submissions/\d{4}-\d{2}-\d{2}-[a-z0-9-]+-[0-9a-f]{20}$", opened.Branch);
        Assert.EndsWith("-" + post.IdempotencyKey, opened.Branch);
        var commits = GitHub.CommitsOnlyOn(opened.Branch);
        // Nothing from the email in the commit: a title saying "Fixes #12" would close issue 12 when merged.
        Assert.Equal(($"Add blog submission {post.BundlePath}/", SubmissionPullRequests.Bot.Name), Assert.Single(commits));
        var added = GitHub.FilesOn(opened.Branch).Where(f => f.Key != "README.md").ToDictionary();
        Assert.All(added.Keys, path => Assert.StartsWith(post.BundlePath + "/", path));
        Assert.Equal(SubmissionWriter.PostText(post), Encoding.UTF8.GetString(added[post.BundlePath + "/index.md"]));
        Assert.Equal(post.Images.Count + 1, added.Count);
        Assert.All(post.Images, image => Assert.Equal(image.Bytes, added[$"{post.BundlePath}/{image.FileName}"]));

        var pull = Assert.Single(GitHub.PullRequests);
        Assert.Equal("Blog submission: " + PullRequestText.Neutralise(post.FrontMatter.Title), pull["title"]!.GetValue<string>());
        Assert.Equal(opened.Branch, pull["head"]!["ref"]!.GetValue<string>());
        Assert.Equal("main", pull["base"]!["ref"]!.GetValue<string>());
        var labels = pull["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(SubmissionPullRequests.LabelsFor(post), labels);
        Assert.Contains("submission", labels);
        Assert.Contains(labels, l => l.StartsWith("commitment:", StringComparison.Ordinal));
        Assert.Equal("editor-one", Assert.Single(pull["requested_reviewers"]!.AsArray())!["login"]!.GetValue<string>());
        Assert.Equal("comms-editors", Assert.Single(pull["requested_teams"]!.AsArray())!["slug"]!.GetValue<string>());
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task An_ignored_attachment_whose_name_holds_personal_data_is_named_by_its_type_alone()
    {
        var post = Post("outlook-html-inline-image.eml") with { IgnoredAttachments = ["Leaflet.pdf", "Consent - Sarah Jones DOB 14-02-1990.pdf", "Jane Smith 07700900123.vcf"] };

        await Bot().OpenAsync(post, []);

        var body = Assert.Single(GitHub.PullRequests)["body"]!.GetValue<string>();
        Assert.Contains("Leaflet.pdf", body);
        Assert.DoesNotContain("Sarah Jones", body);
        Assert.DoesNotContain("07700900123", body);
        Assert.Contains(@"\[name left out: it looks like personal data\].vcf", body);
    }

    [Fact]
    public async Task A_post_whose_folder_holds_another_post_on_main_goes_beside_it_and_never_replaces_it()
    {
        var bot = Bot();
        var post = Post("outlook-html-inline-image.eml");
        Assert.Same(post, await bot.InFolderOfItsOwnAsync(post));
        // Another post of the same title and year, already published.
        const string published = "---\ntitle: An older post\n---\n\nPublished text.\n";
        GitHub.PutOnMain(post.BundlePath + "/index.md", published);

        var placed = await bot.InFolderOfItsOwnAsync(post);
        Assert.Equal(post.Slug + "-2", placed.Slug);
        Assert.Contains($"{post.BundlePath}/ already holds another post, which is left as it is: this one is {post.BundlePath}-2/.", placed.Warnings);
        Assert.Equal(placed.Slug, (await bot.InFolderOfItsOwnAsync(post)).Slug); // a retry chooses the same folder
        var opened = await bot.OpenAsync(placed, []);

        var files = GitHub.FilesOn(opened.Branch);
        Assert.Equal(published, Encoding.UTF8.GetString(files[post.BundlePath + "/index.md"]));
        Assert.Equal(SubmissionWriter.PostText(placed), Encoding.UTF8.GetString(files[placed.BundlePath + "/index.md"]));
        Assert.Contains("already holds another post", Assert.Single(GitHub.PullRequests)["body"]!.GetValue<string>());

        // The same post already on main (merged, unchanged) is its own folder, not another post.
        GitHub.PutOnMain(post.BundlePath + "/index.md", SubmissionWriter.PostText(post));
        Assert.Equal(post.Slug, (await bot.InFolderOfItsOwnAsync(post)).Slug);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_post_of_the_same_title_as_one_under_review_goes_beside_it_and_a_retry_of_either_keeps_its_folder()
    {
        var bot = Bot();
        var first = Post("outlook-html-inline-image.eml");
        var opened = await bot.OpenAsync(await bot.InFolderOfItsOwnAsync(first), []);
        // The same post sent again (a new message, so a new key), still under review.
        var again = first with { IdempotencyKey = new string('f', first.IdempotencyKey.Length) };

        var placed = await bot.InFolderOfItsOwnAsync(again);

        Assert.Equal(first.Slug + "-2", placed.Slug);
        Assert.Contains($"/posts/{first.Slug}/ is already the address of another submission under review (branch {opened.Branch}), which is left as it is: " +
            $"this one is {first.BundlePath}-2/.", placed.Warnings);
        Assert.Equal(first.Slug, (await bot.InFolderOfItsOwnAsync(first)).Slug);
        Assert.Empty(GitHub.Violations);
    }

    [Theory]
    [InlineData("{0}/index.md")]
    [InlineData("{0}.md")]
    [InlineData("2025-06-01-{0}.md")]
    public async Task A_post_whose_address_another_years_post_has_goes_beside_it_so_its_pull_request_passes_the_check(string published)
    {
        var bot = Bot();
        var post = Post("outlook-html-inline-image.eml");
        // A post of an earlier year at /posts/<slug>/: the same slug again would fail the build as a duplicate (PPN007).
        var earlier = $"input/posts/2019/{string.Format(published, post.Slug)}";
        GitHub.PutOnMain(earlier, "---\ntitle: An older post\n---\n\nPublished text.\n");

        var placed = await bot.InFolderOfItsOwnAsync(post);
        Assert.Equal(post.Slug + "-2", placed.Slug);
        Assert.Equal($"{post.BundlePath}-2", placed.BundlePath);
        Assert.Contains($"/posts/{post.Slug}/ is already the address of {earlier}, which is left as it is: this one is {post.BundlePath}-2/.", placed.Warnings);
        await bot.OpenAsync(placed, []);
        Assert.Contains($"/posts/{post.Slug}/ is already the address of {earlier}", Assert.Single(GitHub.PullRequests)["body"]!.GetValue<string>());

        // Merged, the post is its own: a retry of the same message still chooses its folder.
        GitHub.PutOnMain(placed.BundlePath + "/index.md", SubmissionWriter.PostText(placed));
        Assert.Equal(placed.BundlePath, (await bot.InFolderOfItsOwnAsync(post)).BundlePath);
        Assert.Empty(GitHub.Violations);
    }

    [Theory]
    [InlineData("letters.md", true)]            // its front matter gives it the new post's address
    [InlineData("{0}/index.md", false)]         // its front matter moves it from the address its folder gives it
    public async Task A_slug_set_in_front_matter_is_an_address_the_bot_reads_from_the_working_copy(string published, bool takesTheAddress)
    {
        var post = Post("outlook-html-inline-image.eml");
        var path = $"input/posts/2019/{string.Format(published, post.Slug)}";
        var text = $"---\ntitle: An older post\nslug: {(takesTheAddress ? post.Slug : "an-older-post")}\n---\n\nPublished text.\n";
        GitHub.PutOnMain(path, text);
        var workingCopy = Path.Combine(Path.GetTempPath(), "ppnblog-working-copy-" + Guid.NewGuid().ToString("N"));
        try
        {
            var local = Path.Combine(workingCopy, path);
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            File.WriteAllText(local, text);

            var placed = await Bot([], Path.Combine(workingCopy, "input")).InFolderOfItsOwnAsync(post);

            Assert.Equal(takesTheAddress ? post.Slug + "-2" : post.Slug, placed.Slug);
            if (takesTheAddress) Assert.Contains($"/posts/{post.Slug}/ is already the address of {path}, which is left as it is: this one is {post.BundlePath}-2/.", placed.Warnings);
            else Assert.Same(post, placed);
            // Without the working copy only paths are known: the same post goes by its folder's name.
            Assert.Equal(takesTheAddress ? post.Slug : post.Slug + "-2", (await Bot().InFolderOfItsOwnAsync(post)).Slug);
            Assert.Empty(GitHub.Violations);
        }
        finally { Directory.Delete(workingCopy, recursive: true); }
    }

    [Fact]
    public async Task A_markdown_file_inside_another_posts_bundle_takes_no_address()
    {
        var bot = Bot();
        var post = Post("outlook-html-inline-image.eml");
        // Notes kept inside a bundle are not a post (the build reads only the bundle's index.md).
        GitHub.PutOnMain("input/posts/2019/other-post/index.md", "---\ntitle: Other\n---\n\nText.\n");
        GitHub.PutOnMain($"input/posts/2019/other-post/{post.Slug}.md", "Editor's notes.\n");

        Assert.Same(post, await bot.InFolderOfItsOwnAsync(post));
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task An_email_with_thousands_of_attachments_still_opens_a_pull_request_whose_lists_are_cut_short()
    {
        var builder = new MimeKit.BodyBuilder();
        var html = new StringBuilder("<p>Our team worked with people who use the service to redesign the first appointment, so that everyone can say " +
            "what matters to them before any assessment begins. Staff now have time to listen, and feedback from people and families has been very positive since the change.</p>");
        html.Append(string.Concat(Enumerable.Repeat("<img src=\"https://tracker.example.com/pixel.gif\">", 200)));
        for (var i = 0; i < 5_000; i++)
        {
            builder.Attachments.Add($"notes-{i}.txt", Encoding.UTF8.GetBytes("not an image")).ContentId = $"part{i}@example.org";
            html.Append($"<img src=\"cid:part{i}@example.org\">");
        }
        builder.HtmlBody = html.ToString();
        var message = new MimeKit.MimeMessage();
        message.From.Add(new MimeKit.MailboxAddress("Jo Evans", "jo.evans@nhs.net"));
        message.Subject = "Many attachments";
        message.Body = builder.ToMessageBody();
        var result = Emails.Converter().Convert(message, 1_000_000, Emails.Now);
        var post = result.Post ?? throw new InvalidOperationException(string.Join(" | ", result.Reasons));
        // Each is shown by the body as a picture, and none is one: each is a picture left out, said once.
        Assert.Equal(5_000, post.PicturesLeftOut.Count);
        Assert.Empty(post.IgnoredAttachments);

        var opened = await Bot().OpenAsync(post, []);

        Assert.True(opened.Created);
        var body = Assert.Single(GitHub.PullRequests)["body"]!.GetValue<string>();
        Assert.True(body.Length < 65_536, $"the body is {body.Length} characters");
        // The editor's list: the remote picture's warning (once, with its count), then one per picture left out.
        Assert.Contains($"- … and {1 + 5_000 - ShortList.MaxItems} more", body);
        Assert.Contains("not downloaded. (×200)", body);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task The_same_message_processed_again_finds_its_pull_request_instead_of_opening_another()
    {
        var post = Post("apple-plain-text.eml");
        var first = await Bot().OpenAsync(post, []);
        var again = await Bot().OpenAsync(Post("apple-plain-text.eml"), []);

        Assert.False(again.Created);
        Assert.Equal((first.Number, first.Branch), (again.Number, again.Branch));
        Assert.Single(GitHub.PullRequests);
        Assert.Single(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task Two_runs_at_once_still_give_one_branch_and_one_pull_request()
    {
        var post = Post("apple-plain-text.eml");
        var both = await Task.WhenAll(Bot().OpenAsync(post, []), Bot().OpenAsync(post, []));

        Assert.Equal(both[0].Number, both[1].Number);
        Assert.Single(GitHub.PullRequests);
        Assert.Single(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "/git/blobs")]
    [InlineData("POST", "/git/trees")]
    [InlineData("POST", "/git/commits")]
    [InlineData("POST", "/git/refs")]
    [InlineData("POST", "/pulls")]
    [InlineData("POST", "/labels")]
    public async Task Bad_gateways_rate_limits_timeouts_and_dropped_connections_at_each_step_are_retried(string method, string step)
    {
        // "slow" answers after the client gave up, but still does the work: the retry must not duplicate it.
        foreach (var kind in new[] { "502", "secondary-rate-limit", "rate-limit", "slow", "drop" }) GitHub.Inject(new Fault(method, step, kind, 1));
        var opened = await Bot([], localInput: null, attempts: 8).OpenAsync(Post("outlook-html-inline-image.eml"), []);

        Assert.True(opened.Created);
        Assert.Single(GitHub.PullRequests);
        Assert.Single(GitHub.CommitsOnlyOn(opened.Branch));
        Assert.True(GitHub.Requests.Count(r => r.StartsWith(method, StringComparison.Ordinal) && r.EndsWith(step, StringComparison.Ordinal)) >= 6);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_run_that_died_after_making_the_branch_is_completed_by_the_next_run()
    {
        var post = Post("apple-plain-text.eml");
        GitHub.Inject(new Fault("POST", "/pulls", "502", 100));
        await Assert.ThrowsAnyAsync<ApiException>(() => Bot().OpenAsync(post, []));
        Assert.Empty(GitHub.PullRequests);
        var branch = Assert.Single(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));

        GitHub.ClearFaults();
        var blobsBefore = GitHub.Requests.Count(r => r.EndsWith("/git/blobs", StringComparison.Ordinal));
        var opened = await Bot().OpenAsync(post, []);

        Assert.True(opened.Created);
        Assert.Equal(branch, opened.Branch);
        Assert.Single(GitHub.CommitsOnlyOn(branch));
        Assert.Equal(blobsBefore, GitHub.Requests.Count(r => r.EndsWith("/git/blobs", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Text_from_the_email_cannot_mention_people_link_or_close_issues_or_hide_html_in_the_pull_request()
    {
        var post = Post("apple-plain-text.eml");
        post = post with { FrontMatter = post.FrontMatter with { Title = "Fixes #1 for @everyone <!-- hidden --> [click](javascript:x)",
            Summary = "closes #2 @org/team <img src=x onerror=alert(1)>; Resolves https://github.com/org/repo/issues/3" } };
        await Bot().OpenAsync(post, []);

        var pull = Assert.Single(GitHub.PullRequests);
        foreach (var text in new[] { pull["title"]!.GetValue<string>(), pull["body"]!.GetValue<string>() })
        {
            Assert.DoesNotMatch(@"@[A-Za-z]", text);
            Assert.DoesNotMatch(@"#\d", text);
            // Closing keywords, even before a full issue address, close nothing on merge.
            Assert.DoesNotMatch(@"(?i)\b(fixes|closes|resolves)\b", text);
            Assert.DoesNotContain("<!--", text);
            Assert.DoesNotContain("<img", text);
            Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", text); // an escaped \] starts no link
        }
    }

    [Fact]
    public async Task A_title_escaping_makes_longer_is_cut_to_what_github_takes()
    {
        var post = Post("apple-plain-text.eml");
        post = post with { FrontMatter = post.FrontMatter with { Title = string.Concat(Enumerable.Repeat("<_> ", 37)) + "\U0001F600 end" } };
        await Bot().OpenAsync(post, []);

        var title = Assert.Single(GitHub.PullRequests)["title"]!.GetValue<string>();
        Assert.InRange(title.Length, 200, 255);
        Assert.EndsWith("…", title);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_description_longer_than_github_takes_is_cut_with_a_note()
    {
        var post = Post("apple-plain-text.eml");
        post = post with { FrontMatter = post.FrontMatter with { Summary = string.Concat(Enumerable.Repeat("A long summary <with> *marks*. ", 3_000)) } };
        await Bot().OpenAsync(post, []);

        var body = Assert.Single(GitHub.PullRequests)["body"]!.GetValue<string>();
        Assert.InRange(body.Length, 60_000, 65_536);
        Assert.EndsWith("The post itself is whole in the files._\n", body);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task Untrusted_senders_and_personal_data_are_labelled_and_no_sender_address_reaches_github()
    {
        var post = Post("personal-data.eml");
        Assert.NotEmpty(post.PersonalData);
        var gmail = Post("gmail-alternative-attachment.eml");
        Assert.False(gmail.Sender.Trusted);
        await Bot().OpenAsync(post, []);
        await Bot().OpenAsync(gmail, []);

        var pulls = GitHub.PullRequests;
        Assert.Contains("personal-data", pulls[0]["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Contains("quarantine", pulls[1]["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        var published = string.Join('\n', pulls.Select(p => p.ToJsonString()))
            + string.Join('\n', GitHub.Branches.SelectMany(b => GitHub.FilesOn(b).Values).Select(Encoding.UTF8.GetString));
        Assert.DoesNotContain("sam.patel@", published, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jo.evans@", published, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task Labels_are_created_and_corrected_from_the_labels_file_with_one_per_commitment()
    {
        GitHub.AddLabel("quarantine", "ffffff", "an old description");
        var changes = await Bot().SyncLabelsAsync(Emails.Commitments.Select(c => c.Slug));

        Assert.Contains("updated quarantine", changes);
        Assert.Contains("created commitment:put-people-first", changes);
        // Every label of the file, the "commitment:*" pattern once per commitment.
        Assert.Equal(Emails.Labels.Definitions.Count - 1 + Emails.Commitments.Count, changes.Count);
        var details = GitHub.LabelDetails;
        Assert.Equal(("d5281b", Emails.Labels.For("quarantine").Description), details["quarantine"]);
        Assert.Equal("005eb8", details["commitment:transform-and-innovate"].Color);
        Assert.Empty(await Bot().SyncLabelsAsync(Emails.Commitments.Select(c => c.Slug)));
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public void The_fake_serves_only_routes_that_github_has_and_knows_their_query_parameters()
    {
        Assert.Empty(GitHub.Violations);
        Assert.NotNull(GitHubOpenApi.Load().TemplateFor("POST", "/repos/o/r/git/blobs"));
        Assert.Null(GitHubOpenApi.Load().TemplateFor("POST", "/repos/o/r/git/blobz"));
        Assert.Equal(["GET /repos/{owner}/{repo}/pulls: no query parameter 'bogus' in GitHub's API"],
            GitHubOpenApi.Load().UnknownQueryParameters("GET", "/repos/{owner}/{repo}/pulls", ["head", "state", "per_page", "bogus"]));
    }
}
