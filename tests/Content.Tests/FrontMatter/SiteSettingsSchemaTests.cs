using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;

namespace PPNBlog.Content.Tests.FrontMatter;

public class SiteSettingsSchemaTests
{
    private static (Uri? BaseUrl, List<string> Lines) Read(string baseUrl)
    {
        var diagnostics = new DiagnosticList();
        var settings = SiteSettingsSchema.Read($"title: PPN blog\nbaseUrl: \"{baseUrl}\"\n", "site.yml", diagnostics);
        return (settings?.BaseUrl, diagnostics.Sorted().Select(d => d.ToString()).ToList());
    }

    [Theory]
    [InlineData("https://example.org/blog", "https://example.org/blog/")]
    [InlineData("https://example.org/blog/", "https://example.org/blog/")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080/")]
    public void A_base_url_gets_its_closing_slash(string text, string expected)
    {
        var (baseUrl, lines) = Read(text);
        Assert.Empty(lines);
        Assert.Equal(expected, baseUrl!.AbsoluteUri);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "is not an absolute http(s) URL")]
    [InlineData("/blog/", "is not an absolute http(s) URL")]
    [InlineData("https://example.org/blog?utm=x", "has a query or fragment ('?…' or '#…'), which page addresses cannot follow")]
    [InlineData("https://example.org/blog#top", "has a query or fragment ('?…' or '#…'), which page addresses cannot follow")]
    [InlineData("https://editor:secret@example.org/", "holds a user name or password, which every page, feed and API file would publish")]
    public void A_base_url_pages_cannot_be_published_under_is_refused_with_the_reason(string text, string problem) =>
        Assert.Equal([$"site.yml:2:10: error PPN015: baseUrl '{text}' {problem} (hint: Write the published address, e.g. baseUrl: \"https://example.org/blog/\".)"],
            Read(text).Lines);

    [Theory]
    // A link's address copied from a page: the footer's link adds its own "mailto:".
    [InlineData("mailto:ppn.blog@nhs.net", "ppn.blog@nhs.net", null)]
    [InlineData("MAILTO: ppn.blog@nhs.net", "ppn.blog@nhs.net", null)]
    [InlineData("ppn blog team", null, "'ppn blog team'")]
    [InlineData("PPN blog <ppn.blog@nhs.net>", null, "'PPN blog <ppn.blog@nhs.net>'")]
    [InlineData("a@nhs.net, b@nhs.net", null, "'a@nhs.net, b@nhs.net'")]
    [InlineData("mailto:ppn.blog@nhs.net?subject=Blog", null, "'ppn.blog@nhs.net?subject=Blog'")]
    public void The_contact_address_is_one_plain_address(string written, string? address, string? refused)
    {
        var diagnostics = new DiagnosticList();
        var settings = SiteSettingsSchema.Read($"title: PPN blog\nbaseUrl: https://example.org/\ncontactEmail: \"{written}\"\n", "site.yml", diagnostics);
        Assert.Equal(address, settings?.ContactEmail);
        Assert.Equal(refused is null ? [] : [$"site.yml:3:15: error PPN015: contactEmail {refused} is not an email address (hint: Write the blog team's shared address alone, e.g. contactEmail: ppn.blog@nhs.net (the footer links it).)"],
            diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void Each_hashtag_that_is_not_one_word_is_reported_where_it_is()
    {
        var diagnostics = new DiagnosticList();
        var settings = SiteSettingsSchema.Read("title: PPN blog\nbaseUrl: https://example.org/\nhashtags: [PPNWeek, \"#ok_tag\", \"#Two words\"]\n", "site.yml", diagnostics);
        Assert.Null(settings);
        Assert.Equal(["site.yml:3:32: error PPN015: hashtag '#Two words' is not one word of letters, digits or _ (hint: Write each as one word of 3 to 61 characters, e.g. PPNWeek.)"],
            diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("[20]", "site.yml:3:15: error PPN004: 'postsPerPage' should be a whole number, not a list (hint: Write it as one value, not a list: postsPerPage: 20)")]
    [InlineData("twenty", "site.yml:3:15: error PPN004: 'postsPerPage' should be a whole number, not 'twenty' (hint: Write a whole number in figures, e.g. postsPerPage: 10.)")]
    [InlineData("[twenty]", "site.yml:3:15: error PPN004: 'postsPerPage' should be a whole number, not a list (hint: Write a whole number in figures, e.g. postsPerPage: 10.)")]
    public void Posts_per_page_that_is_no_number_is_told_so_with_a_hint_that_fixes_it(string value, string expected)
    {
        var diagnostics = new DiagnosticList();
        Assert.Null(SiteSettingsSchema.Read($"title: PPN blog\nbaseUrl: https://example.org/\npostsPerPage: {value}\n", "site.yml", diagnostics));
        Assert.Equal([expected], diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void A_hashtag_indented_under_the_one_above_is_refused_where_it_is()
    {
        var diagnostics = new DiagnosticList();
        Assert.Null(SiteSettingsSchema.Read("title: PPN blog\nbaseUrl: https://example.org/\nhashtags:\n  - PPNWeek\n   - PPW2025\n", "site.yml", diagnostics));
        Assert.Equal([
            "site.yml:4:5: error PPN015: hashtag 'PPNWeek - PPW2025' is not one word of letters, digits or _ (hint: Write each as one word of 3 to 61 characters, e.g. PPNWeek.)",
            "site.yml:5:4: error PPN004: 'PPNWeek - PPW2025' joins two items of 'hashtags': the line '   - PPW2025' is indented one space more than the item above it, so YAML reads it as the same item (hint: Line the '-' up under the one above.)",
        ], diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("en-GB", true)]
    [InlineData("cy", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("English", false)]
    [InlineData("en_GB", false)]
    [InlineData("en-GB\\\"><script>", false)]
    public void The_language_is_a_language_tag_screen_readers_can_use(string language, bool valid)
    {
        var diagnostics = new DiagnosticList();
        var settings = SiteSettingsSchema.Read($"title: PPN blog\nbaseUrl: https://example.org/\nlanguage: \"{language}\"\n", "site.yml", diagnostics);
        if (valid)
        {
            Assert.Equal(language, settings!.Language);
            Assert.Empty(diagnostics.Sorted());
            return;
        }
        Assert.Null(settings);
        Assert.StartsWith("site.yml:3:11: error PPN015: language '", Assert.Single(diagnostics.Sorted()).ToString());
        Assert.Contains("is not a language tag (hint: Write a language tag such as en-GB", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Theory]
    // Lines and columns of the intro's Markdown (0-based, as Markdig gives them) and where they are written in the file, however the intro is written.
    [InlineData("intro: |\n\n    Welcome.\n    Two [lines](/x/).\n", "0:0=5:5 1:4=6:9")]
    [InlineData("intro: >-\n  Welcome to\n  the [blog](/x/),\n\n  [read on](/y/).\n", "0:0=4:3 0:15=5:7 1:0=7:3")]
    [InlineData("intro: \"Welcome \\\"all\\\" to\n  the [blog](/x/).\"\n", "0:0=3:9 0:21=4:7")]
    [InlineData("intro: 'It''s the\n   [blog](/x/)'\n", "0:0=3:9 0:9=4:4")]
    [InlineData("intro:   Welcome\n  to [x](/x/).\n", "0:0=3:10 0:11=4:6")]
    [InlineData("intro: \"Caf\\u00e9 [blog](/x/).\"\n", "0:0=3:9 0:5=3:19")]
    public void The_intro_is_placed_where_its_text_is_written_so_its_diagnostics_point_there(string intro, string places)
    {
        var diagnostics = new DiagnosticList();
        var settings = SiteSettingsSchema.Read("title: PPN blog\nbaseUrl: https://example.org/\n" + intro, "site.yml", diagnostics);
        Assert.Empty(diagnostics.Sorted());
        var placement = settings!.IntroPlacement!;
        Assert.Equal(places, string.Join(' ', places.Split(' ').Select(place => place.Split('=')[0]).Select(p => p.Split(':').Select(int.Parse).ToArray())
            .Select(p => $"{p[0]}:{p[1]}={placement.At(p[0], p[1]).Line}:{placement.At(p[0], p[1]).Column}")));
    }

    [Theory]
    // The description (meta tags, feeds) and the footer's note are shown as written: markup in them is told where it is, however the value is written.
    [InlineData("description: Keynotes and *blogs* from the professions.\n",
        "site.yml:3:27: warning PPN041: 'description' is shown as plain text, so readers would see '*blogs*' as written (hint: Write it without Markdown or HTML: description: \"Keynotes and blogs from the professions.\")")]
    [InlineData("description: >\n  Keynotes and blogs\n  from the [professions](https://x.org).\n",
        "site.yml:5:12: warning PPN041: 'description' is shown as plain text, so readers would see '[professions](https://x.org)' as written (hint: Write it without Markdown or HTML: description: \"Keynotes and blogs from the professions.\")")]
    [InlineData("footerNote: \"The network connects\n  professionals &amp; <b>teams</b>.\"\n",
        "site.yml:4:17: warning PPN041: 'footerNote' is shown as plain text, so readers would see '&amp;', '<b>' and '</b>' as written (hint: Write it without Markdown or HTML: footerNote: \"The network connects professionals & teams.\")")]
    [InlineData("footerNote: 'It''s **ours**'\n", "site.yml:3:20: warning PPN041: 'footerNote' is shown as plain text, so readers would see '**ours**' as written (hint: Write it without Markdown or HTML: footerNote: \"It's ours\")")]
    // A symbol in plain text is no markup.
    [InlineData("description: Mind & body, 5 * 3 and < 18s.\nfooterNote: snake_case <name>\n", null)]
    public void Markup_in_the_description_or_footer_note_is_told_where_it_is_written(string values, string? expected)
    {
        var diagnostics = new DiagnosticList();
        var settings = SiteSettingsSchema.Read("title: PPN blog\nbaseUrl: https://example.org/\n" + values, "site.yml", diagnostics);

        Assert.NotNull(settings);
        Assert.Equal(expected is null ? [] : [expected], diagnostics.Sorted().Select(d => d.ToString()));
    }
}
