using PPNBlog.Generator.Build;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>
/// One folder per kind of bad content under Fixtures/invalid/: its input/ files are laid over a valid site, and the
/// build must print exactly the lines of its expected.txt, fail, and write nothing. Adding a case = adding a folder.
/// </summary>
public class InvalidSiteTests
{
    public static TheoryData<string> Cases() => new(Directory.GetDirectories(Path.Combine(TestSite.FixturesRoot, "invalid")).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_content_gives_its_diagnostics_and_leaves_the_output_alone(string name)
    {
        using var site = new TestSite();
        var folder = Path.Combine(TestSite.FixturesRoot, "invalid", name);
        Repository.CopyDirectory(Path.Combine(folder, "input"), site.Input);
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "index.html"), "previous site");

        var result = site.Build();

        Assert.False(result.Succeeded);
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, site.Lines(result));
        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(site.Output).Select(Path.GetFileName));
        Assert.Equal("previous site", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.DoesNotContain(Directory.GetDirectories(site.Root), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_without_commitments_is_told_so_once_not_at_every_post()
    {
        using var site = new TestSite();
        site.WritePost("one");
        site.WritePost("two", body: "More in [the commitment's archive](/commitments/put-people-first/).");
        Directory.Delete(Path.Combine(site.Input, "commitments"), recursive: true);
        var result = site.Build();
        Assert.False(result.Succeeded);
        var lines = site.Lines(result);
        Assert.StartsWith("input/commitments:1:1: error PPN019: there are no commitments", Assert.Single(lines));
    }

    [Fact]
    public void A_huge_file_is_refused_without_exhausting_memory()
    {
        using var site = new TestSite();
        site.WritePost("huge", body: new string('x', 3 * 1024 * 1024));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.StartsWith("input/posts/2021/huge.md:1:1: error PPN012: file is 3072 KiB; the limit is 2048 KiB", Assert.Single(site.Lines(result)));
    }

    [Fact]
    public void Raw_html_nested_deeper_than_browsers_nest_fails_its_file_quickly()
    {
        using var site = new TestSite();
        // 180,000 nested elements (under the 2 MB file limit): parsed, they would take minutes.
        site.WritePost("nested", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("<div>", 180_000)) + "x\n");
        site.WritePost("fine", body: "<div><div>Nested a little.</div></div>\n");
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(["input/posts/2021/nested.md:11:1: error PPN021: the body cannot be rendered: its HTML nests elements more than 512 deep " +
            Hint], site.Lines(result));
    }

    private const string Hint = "(hint: Simplify the body: remove the long run of '>', '*', '[', the nested lists, the nested HTML elements, " +
        "or the thousands of headings or bare web addresses the message points at.)";

    [Fact]
    public void Thousands_of_bare_web_addresses_fail_their_file_before_Markdig_checks_each_against_the_others()
    {
        using var site = new TestSite();
        var limit = Generator.Markdown.MarkdownLimits.MaxBareLinks;
        site.WritePost("many", body: string.Concat(Enumerable.Repeat("mailto:a@b.org ", limit + 1)));
        // Phone numbers too: 30,000 of them took 18 s.
        site.WritePost("phones", body: string.Concat(Enumerable.Repeat("tel:+441 ", limit + 1)));
        // And addresses with no colon, counted from their full stops.
        site.WritePost("sites", body: string.Concat(Enumerable.Repeat("www.nhs.uk ", limit + 1)));
        // Addresses written as links, or inside a link's own brackets, are not bare: these render.
        site.WritePost("most", body: string.Concat(Enumerable.Repeat("(https://nhs.uk/x) ", limit)) + string.Concat(Enumerable.Repeat("[NHS](https://nhs.uk/) <https://nhs.uk/y> ", limit)));
        var result = site.Build();
        Assert.False(result.Succeeded);
        var message = $"error PPN021: the body cannot be rendered: it has {limit + 1} bare web, email or phone addresses; a body may have at most {limit}, " +
            $"or write them as [text](address) links {Hint}";
        Assert.Equal([$"input/posts/2021/many.md:8:1: {message}", $"input/posts/2021/phones.md:9:1: {message}", $"input/posts/2021/sites.md:8:1: {message}"],
            site.Lines(result));
    }

    [Fact]
    public void A_paragraph_of_thousands_of_unclosed_links_fails_its_file_before_Markdig_reads_it_again_for_each()
    {
        using var site = new TestSite();
        site.WritePost("unclosed", body: string.Concat(Enumerable.Repeat("[a](", 20_000)));
        // The same links split into paragraphs, and thousands of closed links in a list, are ordinary work.
        site.WritePost("split", body: string.Join("\n\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat("[a](", 100)), 200)));
        site.WritePost("listed", body: string.Concat(Enumerable.Repeat("- [NHS](https://www.nhs.uk/)\n", 3_000)));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(["input/posts/2021/unclosed.md:9:1: error PPN021: the body cannot be rendered: it has so many links left without their ')' that " +
            $"Markdig cannot read it in reasonable time; close each link's '(' with ')', or split long paragraphs with blank lines {Hint}"], site.Lines(result));
    }

    [Fact]
    public void Raw_html_of_tens_of_thousands_of_tags_fails_its_file_before_the_dom_is_written_out()
    {
        using var site = new TestSite();
        var limit = Generator.Html.DomRewriter.MaxTags;
        // The bold tags and the two paragraphs' four: just over the limit; the other post is just under it.
        site.WritePost("many", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("<b></b>", limit / 2 + 1)));
        site.WritePost("most", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("<b>x</b>", limit / 2 - 10)));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal([$"input/posts/2021/many.md:11:1: error PPN021: the body cannot be rendered: its HTML has {limit + 6} tags; " +
            $"a body with HTML in it may have at most {limit} {Hint}"], site.Lines(result).Where(l => l.Contains("PPN021")));
    }

    [Fact]
    public void Thousands_of_unclosed_html_comments_fail_their_file_before_Markdig_searches_on_from_each()
    {
        using var site = new TestSite();
        site.WritePost("unclosed", body: "</" + string.Concat(Enumerable.Repeat("<!--", 60_000)));
        site.WritePost("closed", body: string.Concat(Enumerable.Repeat("Text <!-- a note --> more.\n", 3_000)));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal(["input/posts/2021/unclosed.md:9:1: error PPN021: the body cannot be rendered: it has so many HTML comments left without their '-->' that " +
            $"Markdig cannot read it in reasonable time; close each '<!--' with '-->', or delete them {Hint}"], site.Lines(result).Where(l => l.Contains("PPN021")));
    }

    [Fact]
    public void Thousands_of_link_reference_definitions_fail_their_file_before_Markdig_takes_each_out()
    {
        using var site = new TestSite();
        var limit = Generator.Markdown.MarkdownLimits.MaxReferenceDefinitions;
        site.WritePost("many", body: string.Concat(Enumerable.Range(0, limit + 1).Select(i => $"See [page {i}][p{i}].\n\n[p{i}]: /posts/p{i}/\n\n")));
        site.WritePost("most", body: string.Concat(Enumerable.Range(0, limit).Select(i => $"See [NHS {i}][n{i}].\n\n[n{i}]: https://www.nhs.uk/{i}\n\n")));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal([$"input/posts/2021/many.md:8:1: error PPN021: the body cannot be rendered: it has {limit + 1} link reference definitions " +
            $"('[label]: address' lines); a body may have at most {limit} {Hint}"], site.Lines(result).Where(l => l.Contains("PPN021")));
    }

    [Fact]
    public void A_line_of_thousands_of_list_markers_fails_its_file_before_Markdig_opens_a_list_for_each()
    {
        using var site = new TestSite();
        var limit = Generator.Markdown.MarkdownLimits.MaxMarkersOnALine;
        site.WritePost("many", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("- ", 50_000)) + "a");
        site.WritePost("mixed", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("* - 1. ", limit)) + "a");
        site.WritePost("tabbed", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("-\t*\t", 20_000)) + "a");
        // Nested lists as people write them, a long list, and a thematic break of spaced dashes are ordinary.
        site.WritePost("most", body: "Intro.\n\n" + string.Concat(Enumerable.Repeat("- ", 20)) + "deep\n\n" + string.Concat(Enumerable.Repeat("- item\n", 3_000))
            + "\n" + string.Concat(Enumerable.Repeat("- ", 300)) + "\n\nEnd.");
        var result = site.Build();
        Assert.False(result.Succeeded);
        var message = $"error PPN021: the body cannot be rendered: a line starts with more than {limit} list or quote markers ('- ', '* ', '> ', '1. '), " +
            $"each a list inside the one before; start each list item on a line of its own {Hint}";
        Assert.Equal([$"input/posts/2021/many.md:11:1: {message}", $"input/posts/2021/mixed.md:11:1: {message}", $"input/posts/2021/tabbed.md:11:1: {message}"], site.Lines(result));
    }

    [Fact]
    public void Thousands_of_headings_fail_their_file_before_Markdig_numbers_them_one_by_one()
    {
        using var site = new TestSite();
        var limit = Generator.Markdown.MarkdownLimits.MaxHeadings;
        site.WritePost("many", body: string.Concat(Enumerable.Repeat("## Same\n\ntext\n\n", limit + 1)));
        site.WritePost("most", body: string.Concat(Enumerable.Repeat("Same\r\n===\r\n\r\ntext\r\n\r\n", limit)));
        var result = site.Build();
        Assert.False(result.Succeeded);
        Assert.Equal([$"input/posts/2021/many.md:8:1: error PPN021: the body cannot be rendered: it has {limit + 1} heading lines; a body may have at most {limit} " +
            Hint],
            site.Lines(result));
    }

    [Fact]
    public void Hidden_files_and_folders_are_not_content_nor_theme_and_only_liquid_files_are_partials()
    {
        using var site = new TestSite();
        const string post = "---\ntitle: T\ndate: 2021-01-01\nauthor: A\ncommitments: [put-people-first]\n---\n\nText.\n";
        site.Write("posts/2021/visible.md", post);
        // Emacs's lock file while a post is edited (a link to nowhere), macOS's metadata beside a file on a shared drive, a hidden folder.
        File.CreateSymbolicLink(Path.Combine(site.Input, "posts", "2021", ".#visible.md"), "editor@host.1234:1700000000");
        File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "._visible.md"), [0x00, 0x05, 0x16, 0x07, 0xFF, 0xFE]);
        site.Write("posts/.drafts/old.md", "not front matter");
        site.Write("commitments/._put-people-first.md", "\u0000binary");
        var theme = site.CopyTheme();
        File.WriteAllBytes(Path.Combine(theme, "partials", ".DS_Store"), [0x00, 0x00, 0x00, 0x01, .. "Bud1{% if"u8]);
        File.WriteAllBytes(Path.Combine(theme, "partials", "Thumbs.db"), [0xD0, 0xCF, 0x11, 0xE0, .. "{{"u8]);

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.True(File.Exists(Path.Combine(site.Output, "posts", "visible", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "posts", "old")));
    }

    [Fact]
    public void Symbolic_links_cannot_publish_files_from_outside_the_content()
    {
        using var site = new TestSite();
        site.Write("posts/2021/bundle/index.md", "---\ntitle: T\ndate: 2021-01-01\nauthor: A\ncommitments: [put-people-first]\n---\n\n![A secret](secret.png)\n");
        File.CreateSymbolicLink(Path.Combine(site.Input, "posts", "2021", "bundle", "secret.png"), "/etc/hostname");
        File.CreateSymbolicLink(Path.Combine(site.Input, "posts", "2021", "linked.md"), "/etc/hostname");
        // A linked folder is not entered: one leading outside holds a valid post, one leads back round in a loop.
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "private.md"), "---\ntitle: Private\ndate: 2021-01-01\nauthor: A\ncommitments: [put-people-first]\n---\n\nNot for publishing.\n");
        Directory.CreateSymbolicLink(Path.Combine(site.Input, "posts", "elsewhere"), outside);
        Directory.CreateSymbolicLink(Path.Combine(site.Input, "posts", "2021", "loop"), "..");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["input/posts/2021/bundle/index.md:8:1: error PPN020: image 'secret.png' is a symbolic link (hint: Replace the link with the file (or folder) itself.)",
             "input/posts/2021/linked.md:1:1: error PPN020: the file is a symbolic link to '/etc/hostname' (hint: Replace the link with the file (or folder) itself.)",
             "input/posts/2021/loop:1:1: error PPN020: the folder is a symbolic link to '..' (hint: Replace the link with the file (or folder) itself.)",
             "input/posts/elsewhere:1:1: error PPN020: the folder is a symbolic link to 'outside' (hint: Replace the link with the file (or folder) itself.)"],
            site.Lines(result));
    }

    [Fact]
    public async Task A_named_pipe_as_a_post_or_page_is_an_error_not_a_build_that_waits_forever()
    {
        using var site = new TestSite();
        // Opening a pipe for reading waits for a writer that never comes.
        Directory.CreateDirectory(Path.Combine(site.Input, "posts", "2021"));
        Directory.CreateDirectory(Path.Combine(site.Input, "pages"));
        Assert.Equal(0, mkfifo(Path.Combine(site.Input, "posts", "2021", "pipe.md"), 0b110_100_100));
        Assert.Equal(0, mkfifo(Path.Combine(site.Input, "pages", "about.md"), 0b110_100_100));

        var result = await Task.Run(() => site.Build()).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["input/pages/about.md:1:1: error PPN002: the file is empty, or not an ordinary file (a named pipe, a device): it has no front matter " +
             "(hint: Start the file with a '---' line, the fields (title, date, author, commitments), and another '---' line.)",
             "input/posts/2021/pipe.md:1:1: error PPN002: the file is empty, or not an ordinary file (a named pipe, a device): it has no front matter " +
             "(hint: Start the file with a '---' line, the fields (title, date, author, commitments), and another '---' line.)"],
            site.Lines(result));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    [Fact]
    public void A_theme_template_or_partial_linked_to_a_file_outside_the_theme_is_refused_and_one_linked_inside_is_read()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var theme = site.CopyTheme();
        File.Move(Path.Combine(theme, "partials", "footer.liquid"), Path.Combine(theme, "footer-real.liquid"));
        File.CreateSymbolicLink(Path.Combine(theme, "partials", "footer.liquid"), Path.Combine(theme, "footer-real.liquid"));
        File.CreateSymbolicLink(Path.Combine(theme, "partials", "secret.liquid"), "/etc/hostname");
        File.Delete(Path.Combine(theme, "templates", "page.liquid"));
        File.CreateSymbolicLink(Path.Combine(theme, "templates", "page.liquid"), "/etc/hostname");

        var result = SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.False(result.Succeeded);
        const string Hint = " (hint: Replace the link with the file itself: what a template shows is published, and a link could show any file of the machine that builds.)";
        Assert.Equal(["theme/partials/secret.liquid:1:1: error PPN016: theme file 'partials/secret.liquid' is a link to a file outside the theme folder" + Hint,
                      "theme/templates/page.liquid:1:1: error PPN016: theme file 'templates/page.liquid' is a link to a file outside the theme folder" + Hint],
            site.Lines(result));
        Assert.False(Directory.Exists(site.Output));
    }
}
