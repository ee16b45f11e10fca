using PPNBlog.Content.FrontMatter;
using PPNBlog.Generator.Cli;

namespace PPNBlog.Generator.Tests.Cli;

public class CliTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] SiteArgs(TestSite site) => ["--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output];

    [Fact]
    public void Build_exits_0_and_reports_what_it_wrote()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var (code, output, _) = Run(["build", .. SiteArgs(site), "--base-url", "https://ppn.example/x"]);
        Assert.Equal(0, code);
        Assert.Matches(@"Built \d+ pages", output);
        Assert.Contains("href=\"https://ppn.example/x/posts/one/\"", site.ReadOutput("posts/one/index.html"));
    }

    [Fact]
    public void Content_errors_exit_1_with_one_line_each()
    {
        using var site = new TestSite();
        site.WritePost("one", commitments: "[put-people-frist]");
        site.WritePost("two", date: "someday");
        var (code, _, error) = Run(["build", .. SiteArgs(site)]);
        Assert.Equal(1, code);
        Assert.Matches(@"posts/2021/one\.md:5:15: error PPN006: unknown commitment 'put-people-frist' \(hint: Did you mean 'put-people-first'\?", error);
        Assert.Matches(@"posts/2021/two\.md:3:7: error PPN005:", error);
        Assert.Contains("2 error(s)", error);
    }

    [Theory]
    [InlineData("build", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("build", "--input", "/does/not/exist")]
    [InlineData("build", "--base-url", "not-a-url")]
    [InlineData("serve", "--port", "70000")]
    [InlineData("serve", "--port", "0")]
    [InlineData("new")]
    public void Usage_errors_exit_2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Theory]
    [InlineData("--output", "", "--output is empty: give the folder to build into, such as _site")]
    [InlineData("--output", "afile", "the output folder '{root}/afile' is a file; a build replaces its output folder whole, so choose a folder, such as _site")]
    [InlineData("--input", "", "--input is empty: give the content folder")]
    [InlineData("--input", "input/site.yml", "the content folder '{root}/input/site.yml' is a file, not a folder (pass the folder that holds it with --input)")]
    [InlineData("--theme", " ", "--theme is empty: give the theme folder")]
    public void An_empty_folder_option_or_a_file_given_as_a_folder_is_a_usage_error_that_says_so(string option, string value, string message)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "afile"), "not a folder");
        var args = SiteArgs(site);
        args[Array.IndexOf(args, option) + 1] = value.Contains('/') || value == "afile" ? Path.Combine(site.Root, value) : value;
        foreach (var command in new[] { "build", "serve" })
        {
            var (code, _, error) = Run([command, .. args]);
            Assert.Equal(2, code);
            Assert.Equal($"ppnblog: {message.Replace("{root}", site.Root, StringComparison.Ordinal)}", error.Trim());
        }
    }

    [Theory]
    [InlineData("input", "overlaps the content folder")]
    [InlineData(".", "overlaps the content folder")]
    [InlineData("input/_site", "overlaps the content folder")]
    [InlineData("theme", "overlaps the theme folder")]
    [InlineData("notes", "holds files but no site ppnblog built (no index.html and api/posts.json and api/commitments.json)")]
    [InlineData("docs", "holds files but no site ppnblog built")]
    [InlineData("link-to-input", "overlaps the content folder")]
    public void An_output_folder_whose_replacement_would_delete_other_files_is_refused(string output, string problem)
    {
        using var site = new TestSite();
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "link-to-input"), site.Input);
        site.WritePost("one");
        var theme = Path.Combine(site.Root, "theme");
        Repository.CopyDirectory(Path.Combine(TestSite.RepositoryRoot, "theme", "layouts"), Path.Combine(theme, "layouts"));
        Directory.CreateDirectory(Path.Combine(site.Root, "notes"));
        File.WriteAllText(Path.Combine(site.Root, "notes", "minutes.txt"), "kept");
        // A folder of one's own with a home page: a project's hand-written docs.
        Directory.CreateDirectory(Path.Combine(site.Root, "docs", "guides"));
        File.WriteAllText(Path.Combine(site.Root, "docs", "index.html"), "<h1>Project docs</h1>");
        File.WriteAllText(Path.Combine(site.Root, "docs", "guides", "install.md"), "kept");
        var before = Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var (code, _, error) = Run("build", "--input", site.Input, "--theme", theme, "--output", Path.Combine(site.Root, output));

        Assert.Equal(2, code);
        Assert.Contains(problem, error);
        Assert.Equal(before, Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_built_site_folder_is_replaced_by_the_next_build()
    {
        using var site = new TestSite();
        site.WritePost("one");
        Assert.Equal(0, Run(["build", .. SiteArgs(site)]).Code);
        site.WritePost("two");
        Assert.Equal(0, Run(["build", .. SiteArgs(site)]).Code);
        Assert.True(site.OutputExists("posts/two/index.html"));
    }

    [Fact]
    public void An_output_folder_that_is_a_link_stays_a_link_to_the_new_site()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var served = Path.Combine(site.Root, "www", "site");
        Directory.CreateDirectory(served);
        var link = Path.Combine(site.Root, "_linked");
        Directory.CreateSymbolicLink(link, served);

        foreach (var post in new[] { "one", "two" })
        {
            site.WritePost(post);
            Assert.Equal(0, Run("build", "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", link, "--no-search").Code);
            Assert.Equal(served, new DirectoryInfo(link).LinkTarget);
            Assert.True(File.Exists(Path.Combine(served, "posts", post, "index.html")), $"the build with {post} is where the link leads");
        }
    }

    [Fact]
    public void A_base_url_with_a_password_is_refused_before_anything_is_built()
    {
        using var site = new TestSite();
        var (code, _, error) = Run(["build", .. SiteArgs(site), "--base-url", "https://editor:secret@ppn.example/"]);
        Assert.Equal(2, code);
        Assert.Contains("--base-url 'https://editor:secret@ppn.example/' holds a user name or password", error);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("build")]
    [InlineData("serve")]
    [InlineData("check")]
    [InlineData("new")]
    public void Every_command_has_help(string command)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
    }

    [Fact]
    public void Check_prints_github_annotations_and_writes_nothing()
    {
        using var site = new TestSite();
        site.WritePost("one", commitments: "[nope]");
        var (code, output, _) = Run("check", "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--format", "github");
        Assert.Equal(1, code);
        Assert.Matches(@"::error file=.*posts/2021/one\.md,line=5,col=15,title=PPN006 Unknown commitment::unknown commitment 'nope'", output);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Check_passes_a_valid_site_including_its_built_links()
    {
        using var site = new TestSite();
        site.WritePost("one", extra: "tags: [a-tag]\n");
        var (code, output, _) = Run("check", "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"));
        Assert.True(code == 0, output);
        Assert.Contains("no errors", output);
    }

    [Fact]
    public void Check_holds_a_later_dated_post_to_the_build_of_its_day_and_leaves_drafts_to_the_change_that_publishes_them()
    {
        using var site = new TestSite();
        var day = DateTimeOffset.Now.AddMonths(2);
        site.WritePost("scheduled", date: day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body: "See [the plan](/posts/no-such-post/).");
        site.WritePost("half-written", extra: "draft: true\n", body: "See [later](/posts/not-written-yet/).");
        site.WritePost("today");
        var theme = Path.Combine(TestSite.RepositoryRoot, "theme");

        var (code, output, _) = Run("check", "--input", site.Input, "--theme", theme);

        Assert.Equal(1, code);
        var error = Assert.Single(output.Split('\n'), l => l.Contains("PPN0", StringComparison.Ordinal));
        Assert.Contains("posts/2021/scheduled.md:9:5: error PPN009: link '/posts/no-such-post/' points at no page of the site; the post appears on " +
            $"{day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, and that day's build would fail", error);
        // Today's site still builds: the post is not on it yet.
        Assert.Equal(0, Run(["build", .. SiteArgs(site)]).Code);
    }

    [Fact]
    public void Check_fails_a_later_dated_post_that_links_one_appearing_after_it()
    {
        using var site = new TestSite();
        var (first, second) = (DateTimeOffset.Now.AddDays(10), DateTimeOffset.Now.AddDays(20));
        static string Day(DateTimeOffset day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        site.WritePost("part-one", date: Day(first), body: "Next week: [part two](part-two.md).");
        site.WritePost("part-two", date: Day(second), body: "Back to [part one](part-one.md).");
        site.WritePost("today");

        var (code, output, _) = Run("check", "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"));

        // Between the two days the daily build would fail: part one is told, on its own day; part two's link is good by then.
        Assert.Equal(1, code);
        var error = Assert.Single(output.Split('\n'), l => l.Contains("PPN0", StringComparison.Ordinal));
        Assert.Contains("part-one.md:9:12: error PPN009: link 'part-two.md' points at a post that is not published", error);
        Assert.Contains($"the post appears on {first.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, and that day's build would fail", error);
    }

    [Fact]
    public void New_writes_a_post_that_builds_once_its_placeholders_are_replaced()
    {
        using var site = new TestSite();
        var (code, output, error) = Run("new", "Our team's \"small acts\": a year on", "--commitment", "put-people-first", "--kind", "keynote", "--input", site.Input);
        Assert.True(code == 0, error);
        var path = output.Trim();
        Assert.EndsWith("our-teams-small-acts-a-year-on.md", path);
        Assert.Contains("kind: keynote", File.ReadAllText(path));
        // Left as written, the placeholders would be published as the post's words: each is told where it is.
        var unchanged = Run(["build", .. SiteArgs(site), "--drafts"]);
        Assert.Equal(1, unchanged.Code);
        Assert.Equal([$"{path}:8:10: error PPN040: the summary is still the placeholder 'ppnblog new' wrote (hint: Write one or two sentences that sum the post up: cards, feeds and search results show them.)",
                      $"{path}:11:1: error PPN040: the body still holds the placeholder 'ppnblog new' wrote (hint: Replace that line with the post's text.)"],
            unchanged.Error.Split('\n').Where(l => l.Contains("PPN040", StringComparison.Ordinal)));
        FillIn(path);
        var build = Run(["build", .. SiteArgs(site), "--drafts"]);
        Assert.True(build.Code == 0, build.Error);
        Assert.Equal(2, Run("new", "Another", "--commitment", "put-people-frist", "--input", site.Input).Code);
        // No content folder there: said as such, not as an unknown commitment with an empty list of known ones.
        var nowhere = Run("new", "Another", "--commitment", "put-people-first", "--input", Path.Combine(site.Root, "no-such-folder"));
        Assert.Equal(2, nowhere.Code);
        Assert.Contains("the content folder '" + Path.Combine(site.Root, "no-such-folder") + "' does not exist", nowhere.Error);
        Assert.DoesNotContain("unknown commitment", nowhere.Error);
    }

    /// <summary>Replaces the placeholders of a post 'ppnblog new' wrote, as its writer does.</summary>
    private static void FillIn(string post) =>
        File.WriteAllText(post, File.ReadAllText(post).Replace(PostSkeleton.Summary, "What a year of small acts changed.", StringComparison.Ordinal)
            .Replace(PostSkeleton.Body, "A year ago our team began with one letter.", StringComparison.Ordinal));

    [Fact]
    public void New_takes_its_options_before_the_title_and_a_title_beginning_with_an_at_sign()
    {
        using var site = new TestSite();
        var (code, output, error) = Run("new", "--commitment", "put-people-first", "--commitment", "transform-and-innovate", "--input", site.Input, "@PPN at the conference");

        Assert.True(code == 0, error);
        var text = File.ReadAllText(output.Trim());
        Assert.EndsWith("ppn-at-the-conference.md", output.Trim());
        Assert.Contains("title: '@PPN at the conference'\n", text);
        Assert.Contains("commitments:\n  - put-people-first\n  - transform-and-innovate\n", text);
    }

    [Fact]
    public void New_makes_a_pasted_title_one_line_a_feed_can_carry_and_refuses_an_empty_one()
    {
        using var site = new TestSite();
        var (code, output, error) = Run("new", " Pasted\u0007 title\nover\vlines ", "--commitment", "put-people-first", "--author", "A\u001B Writer", "--input", site.Input);
        Assert.True(code == 0, error);
        var text = File.ReadAllText(output.Trim());
        Assert.Contains("title: Pasted title over lines\n", text);
        Assert.Contains("author: A Writer\n", text);
        FillIn(output.Trim());
        var build = Run(["build", .. SiteArgs(site), "--drafts"]);
        Assert.True(build.Code == 0, build.Error);
        // A pasted paragraph as the title: the file name (the post's address) is cut at a word, so the post builds.
        var paragraph = string.Join(' ', Enumerable.Repeat("Supporting the wellbeing of staff", 12));
        var (longCode, longOutput, longError) = Run("new", paragraph, "--commitment", "put-people-first", "--input", site.Input);
        Assert.True(longCode == 0, longError);
        Assert.Equal("supporting-the-wellbeing-of-staff-supporting-the-wellbeing-of-staff-supporting", Path.GetFileNameWithoutExtension(longOutput.Trim()));
        FillIn(longOutput.Trim());
        Assert.True(Run(["build", .. SiteArgs(site), "--drafts"]).Code == 0);
        // Another post has the address already (a post of another year, here): the build would fail on both.
        site.WritePost("small-acts", folder: "2019");
        var taken = Run("new", "Small acts", "--commitment", "put-people-first", "--input", site.Input);
        Assert.Equal(1, taken.Code);
        Assert.Matches("^ppnblog: /posts/small-acts/ is already the address of .*posts/2019/small-acts.md; choose another title$", taken.Error.Trim());
        // Or had it once: an alias is an address the build keeps for the post that moved.
        site.WritePost("moved-on", extra: "aliases: [/posts/fresh-idea/]\n");
        Assert.Matches("is already the address of .*posts/2021/moved-on.md", Run("new", "Fresh idea", "--commitment", "put-people-first", "--input", site.Input).Error);
        var empty = Run("new", "\u0001 \t", "--commitment", "put-people-first", "--input", site.Input);
        Assert.Equal(2, empty.Code);
        Assert.Contains("the title is empty", empty.Error);
    }

    [Fact]
    public void Preview_prints_the_changed_posts_rendered_and_ignores_other_files()
    {
        using var site = new TestSite();
        var changed = site.WritePost("walking-groups", body: "Our **walking groups** meet on Thursdays.", title: "Walking together");
        site.WritePost("unchanged", title: "Not in this pull request");
        var future = site.WritePost("next-year", date: "2030-01-01", title: "Coming later");
        Assert.Equal(0, Run(["build", .. SiteArgs(site)]).Code);

        var (code, output, _) = Run("preview", changed, future, Path.Combine(site.Input, "site.yml"), "--input", site.Input, "--site", site.Output);

        Assert.Equal(0, code);
        Assert.StartsWith("## 2 new or changed posts", output);
        Assert.Contains("### Walking together", output);
        Assert.Contains("<strong>walking groups</strong>", output);
        Assert.Contains("### Coming later\n\n**Scheduled**: it appears on the site on 1 January 2030, with that day's build.", output);
        Assert.Contains("_Not rendered: this preview was built without drafts and later-dated posts", output);
        Assert.DoesNotContain("Not in this pull request", output);

        // An emailed post's title is its sender's: in the summary it is text, never markup, a link or a picture.
        var hostile = site.WritePost("hostile", title: "<img src=x onerror=alert(1)> [click](https://evil.example)");
        Assert.Equal(0, Run(["build", .. SiteArgs(site)]).Code);
        Assert.Contains("### \\<img src\\=x onerror\\=alert\\(1\\)\\> \\[click\\]\\(https\\:\\/\\/evil\\.example\\)\n",
            Run("preview", hostile, "--input", site.Input, "--site", site.Output).Output);

        // The pull request's preview is built with drafts: the scheduled post and a draft are rendered, each with its status.
        var draft = site.WritePost("half-written", title: "Still a draft", extra: "draft: true\n", body: "A *first* go.");
        Assert.Equal(0, Run(["build", .. SiteArgs(site), "--drafts"]).Code);
        var withDrafts = Run("preview", future, draft, "--input", site.Input, "--site", site.Output).Output;
        Assert.Contains("### Coming later\n\n**Scheduled**: it appears on the site on 1 January 2030", withDrafts);
        Assert.Contains("### Still a draft\n\n**Draft**: not published while its front matter says `draft: true`.", withDrafts);
        Assert.Contains("<em>first</em>", withDrafts);
        Assert.DoesNotContain("_Not rendered", withDrafts);
    }

    [Fact]
    public void Preview_shows_changed_pages_and_commitments_from_the_api_too()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var page = site.Write("pages/about.md", "---\ntitle: About the network\n---\n\nWe are **practitioners** across England.\n");
        var commitment = Path.Combine(site.Input, "commitments", "put-people-first.md");
        Assert.Equal(0, Run(["build", .. SiteArgs(site)]).Code);

        var (code, output, _) = Run("preview", page, commitment, "--input", site.Input, "--site", site.Output);

        Assert.Equal(0, code);
        Assert.DoesNotContain("new or changed post", output);
        Assert.Contains("## Pages\n\n### About the network\n\n`", output);
        Assert.Contains("<strong>practitioners</strong>", output);
        Assert.Contains("## Commitments\n\n### Put people first\n\n`", output);
        Assert.Equal("No posts, pages or commitments changed in this pull request.", Run("preview", Path.Combine(site.Input, "site.yml"), "--input", site.Input, "--site", site.Output).Output.Trim());
    }

    [Fact]
    public void Preview_without_a_built_site_says_to_build_first()
    {
        using var site = new TestSite();
        var (code, _, error) = Run("preview", "--input", site.Input, "--site", site.Output);
        Assert.Equal(2, code);
        Assert.Contains("run ppnblog build first", error);
    }
}
