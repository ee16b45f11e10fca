using System.Text.RegularExpressions;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Html;
using PPNBlog.Generator.Markdown;
using PPNBlog.Generator.Site;
using SkiaSharp;

namespace PPNBlog.Generator.Tests.Html;

/// <summary>
/// The HTML stage's two ways, Markdig's tree (a body of Markdown alone) and the DOM (any HTML), give the same page,
/// excerpt and word count for the same body; the tree's way declines where the parser would build another tree.
/// </summary>
public sealed partial class HtmlStageTests : IDisposable
{
    /// <summary>One of each construct the Markdown pipeline renders, with the escapes and URLs that differ in serialisation.</summary>
    private static readonly string[] Constructs =
    [
        "# Title \"quoted\" & © &copy; &nbsp;non&#160;break",
        "Para with \"smart quotes\", 'single', -- en, --- em... and a [link](https://other.example/a?b=1&c=2 \"title \\\"q\\\"\") and [rooted](/posts/x/)",
        "[rel md](other.md#frag) and [file](file.pdf?x=1#y) and <https://auto.example/x> and www.example.com and [self](https://example.org/x) and [mail](mailto:a@b.c)",
        "## Heading with `code` and [link](https://x.example)",
        "### Heading *emph* ~~del~~ ^sup^ ~sub~ ++ins++ ==mark==",
        "#### !!!",
        "##### h5 has no anchor",
        "## Same heading\n\n## Same heading",
        "![alt *text*](photo.png \"A title\") ![remote](https://img.example/a.png) ![spaced](<my photo.png>) ![missing](gone.png)",
        "![alone](photo.png)\n\nWords after a picture alone in its paragraph.",
        "A claim.[^3] Another, with a footnote only[^4]\n\n[^3]: Source one.\n[^4]: Source two.",
        "[![img in link](photo.png)](https://example.net)",
        "Footnote ref[^1] and another[^note].\n\n[^1]: The note with [link](https://fn.example).\n[^note]: Second note.\n    With more.",
        "[text with footnote[^2]](https://example.com)\n\n[^2]: A note.",
        "[link www.nested.com inside](https://z.example)",
        "> quote\n> > nested *quote*\n>\n> - list in quote",
        "1. one\n2. two\n   - nested\n   - items\n\n     para in item",
        "a. alpha\nb. beta",
        "- [ ] task?\n* star",
        "Line with hard  \nbreak and soft\nbreak.",
        "---",
        "```csharp\nvar x = \"<tag>\" & 'y';\n```",
        "    indented code < & > \"q\"",
        "| Left | Center | Right |\n|:-----|:------:|------:|\n| a & b | `c\\|d` | **e** |\n| [l](https://l.example) | ![i](photo.png) | x |",
        "^^^ Figure caption\n![fig](photo.png)\n^^^",
        "![video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        "![vimeo](https://vimeo.com/123456)",
        "Text with \\<not a tag\\> and &amp;amp; and &#x1F600; and &bogus; and a no-break space: [\u00a0].",
        "[a](<url with spaces.md>) [b](%E2%9C%93.md) [c](ünï.png) [d](https://ex.com/ü?a=\"b\")",
        "Just text\r\nwith CRLF\r\n\r\n## H\r\n",
        "## \n\n#\n\n## ##",
        "Words split across *em*phasis and `code` and\ttabs\u2003and em spaces.",
        ":::{.callout-note title=\"A title & more\"}\n## In a *callout*\n\nIts words.\n:::",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("ppnblog-html-").FullName;
    private readonly BodyEdits _edits = new(new SiteUrls(new SiteSettings("T", "D", new Uri("https://example.org/sub/"), "en-GB", null, null, [], null, 10)));

    public HtmlStageTests()
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(Path.Combine(_folder, "photo.png"), data.ToArray());
        File.WriteAllBytes(Path.Combine(_folder, "my photo.png"), data.ToArray());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_construct_comes_out_the_same_either_way()
    {
        foreach (var markdown in Constructs)
        {
            var (dom, tokens) = BothWays(markdown);
            Assert.True(tokens is not null, $"the syntax tree's way declined:\n{markdown}");
            AssertSame(dom, tokens, markdown);
        }
        var (_, local) = BothWays("![A photo](photo.png)");
        Assert.Contains("width=\"64\" height=\"48\"", local!.Html, StringComparison.Ordinal);
        // The player stays inside its paragraph: a browser reads the HTML back as written (a div there would end the paragraph).
        var embed = BothWays(Constructs.Single(c => c.Contains("youtube", StringComparison.Ordinal))).Tokens!.Html;
        Assert.Contains("<p><span class=\"ppn-embed\"><iframe", embed, StringComparison.Ordinal);
        var reparsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{embed}").Body!.InnerHtml;
        Assert.Equal(embed, reparsed);
    }

    [Theory]
    [InlineData("- Weekly sessions\n- A peer supporter", "Weekly sessions A peer supporter")]
    [InlineData("## The plan\n\n1. Ask\n2. Listen", "The plan Ask Listen")]
    [InlineData("```\nvar x = 1;\n```", "var x = 1;")]
    [InlineData("![Keynote](https://vimeo.com/123456)", "")]
    [InlineData("- A list first\n\nThen the opening paragraph.", "Then the opening paragraph.")]
    [InlineData("## Heading[^1]\n\n[^1]: The note's text.", "Heading")]
    [InlineData("- A claim[^n]\n\n[^n]: Its source, in a paragraph of its own.", "A claim")]
    public void A_body_without_a_paragraph_of_words_is_summed_up_by_its_first_words_either_way(string markdown, string excerpt)
    {
        var (dom, tokens) = BothWays(markdown);

        Assert.Equal(excerpt, dom.Excerpt);
        AssertSame(dom, tokens, markdown);
    }

    [Theory]
    // A fenced div's words are an aside ("This code no longer runs"): the summary is the first paragraph after it.
    [InlineData(":::{.callout-warning}\n## Archived\nThe code no longer runs.\n:::\n\nThe post's first words.", "The post's first words.")]
    [InlineData(":::: {.columns}\n::: column\nLeft.\n:::\n::::\n\n> Quoted words.", "Quoted words.")]
    // A body whose words are all in one is summed up by them.
    [InlineData("::: aside\nOnly words.\n:::", "Only words.")]
    public void A_fenced_divs_words_are_not_the_summary_either_way(string markdown, string excerpt)
    {
        var (dom, tokens) = BothWays(markdown);

        Assert.Equal(excerpt, dom.Excerpt);
        AssertSame(dom, tokens, markdown);
        // Raw HTML sends the body the DOM way, through the sanitiser, which keeps the div's class.
        Assert.Equal(excerpt, new DomRewriter(_edits).Process(MarkdownRenderer.Render("<br>\n\n" + markdown), Context()).Excerpt);
    }

    [Fact]
    public void A_more_marker_before_any_words_leaves_the_summary_to_the_first_paragraph()
    {
        var rendered = MarkdownRenderer.Render("<!-- more -->\n\n## Why\n\nFirst words of the post.");

        Assert.Equal("First words of the post.", new DomRewriter(_edits).Process(rendered, Context()).Excerpt);
    }

    [Fact]
    public void Column_alignment_becomes_the_nhs_class_with_or_without_raw_html_in_the_body()
    {
        const string table = "| Left | Centre | Right | None |\n|:--|:-:|--:|---|\n| a | b | c | d |";
        Assert.Contains("<th class=\"nhsuk-u-text-align-centre\">Centre</th>", BothWays(table).Tokens!.Html, StringComparison.Ordinal);
        // Raw HTML sends the body through the sanitiser, which drops every style: the alignment is a class before it runs.
        var rendered = MarkdownRenderer.Render("Line one<br>line two.\n\n" + table);
        Assert.NotNull(rendered.RawHtmlLine);
        var processed = new DomRewriter(_edits).Process(rendered, Context());
        Assert.Empty(processed.RemovedHtml);
        Assert.Contains("<td class=\"nhsuk-u-text-align-left\">a</td>\n<td class=\"nhsuk-u-text-align-centre\">b</td>\n"
            + "<td class=\"nhsuk-u-text-align-right\">c</td>\n<td>d</td>", processed.Html, StringComparison.Ordinal);
        // A pasted table's cells aligned by HTML's align attribute, which the NHS.UK style sheet overrules as it does a style.
        var pasted = new DomRewriter(_edits).Process(MarkdownRenderer.Render("<table><tr><th align=\"right\">Referrals</th><td align=center style=\"width:5em\">1,204</td><td align=justify>x</td></tr></table>"), Context());
        Assert.Contains("<th class=\"nhsuk-u-text-align-right\">Referrals</th><td class=\"nhsuk-u-text-align-centre\">1,204</td>", pasted.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pasted_html_the_sanitiser_keeps_is_made_valid_with_its_words_kept()
    {
        var rendered = MarkdownRenderer.Render("<center>Our new leaflet</center>\n\n<p><font color=\"#005eb8\">Book</font> <strike>now</strike> <acronym title=\"x\">PPN</acronym></p>\n\n" +
            "<img src=\"https://example.org/l.png\" alt=\"The cover\" width=\"100%\" height=\"auto\"> <img src=\"https://example.org/m.png\" alt=\"Map\" width=\"320\">\n\n" +
            "<figcaption>Figure 1: the leaflet</figcaption>\n\n<a href=\"https://example.net/book\"><div>Book your place</div></a>\n\n" +
            "<a href=\"https://example.org/talk\"><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"Talk\"></iframe></a>\n\n" +
            "<h3>Background</h3>\n\n<h5>Detail</h5>\n\n<dir><li>Old list</li></dir> <menu><menuitem>Item</menuitem></menu>");

        var html = new DomRewriter(_edits).Process(rendered, Context()).Html;

        Assert.Equal("Our new leaflet\n<p>Book <s>now</s> <abbr title=\"x\">PPN</abbr></p>\n" +
            "<p><img src=\"https://example.org/l.png\" alt=\"The cover\" loading=\"lazy\" decoding=\"async\"> <img src=\"https://example.org/m.png\" alt=\"Map\" width=\"320\" loading=\"lazy\" decoding=\"async\"></p>\n" +
            "<p>Figure 1: the leaflet</p>\n<div><a href=\"https://example.net/book\" rel=\"external noopener\" class=\"ppn-external\">Book your place</a></div>\n" +
            "<p><span class=\"ppn-embed\"><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"Talk\" loading=\"lazy\"></iframe></span></p>\n" +
            "<h2>Background</h2>\n<h3>Detail</h3>\n<ul><li>Old list</li></ul> <menu>Item</menu>\n", html);
    }

    [Fact]
    public void The_syntax_trees_way_declines_where_the_parser_would_build_another_tree()
    {
        // Grid tables write <col> straight into <table>: the parser adds a <colgroup> around it.
        var grid = "+-----+-----+\n| grid| tbl |\n+=====+=====+\n| - a | b   |\n+-----+-----+";
        var (dom, tokens) = BothWays(grid);
        Assert.Null(tokens);
        Assert.Contains("<colgroup>", dom.Html, StringComparison.Ordinal);
        // What only Markdig's own renderers write: a video file's <video>, a player's tags inside a picture's alt text.
        foreach (var markdown in new[] { "![The talk](talk.mp4)", "![![The talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ)](photo.png)" })
            Assert.Null(BothWays(markdown).Tokens);
    }

    [Fact]
    public void Random_mixes_of_constructs_come_out_the_same_either_way()
    {
        var random = new Random(20261126);
        var taken = 0;
        for (var i = 0; i < 400; i++)
        {
            // Joined with a line or two between, so paragraphs also run on into the next construct.
            var markdown = string.Join(random.Next(2) == 0 ? "\n" : "\n\n", Enumerable.Range(0, random.Next(1, 8)).Select(_ => Constructs[random.Next(Constructs.Length)]));
            if (MarkdownRenderer.Render(markdown).RawHtmlLine is not null) continue;
            var (dom, tokens) = BothWays(markdown);
            if (tokens is null) continue;
            taken++;
            AssertSame(dom, tokens, markdown);
        }
        Assert.True(taken > 300, $"the syntax tree's way took only {taken} of 400 bodies");
    }

    /// <summary>Hostile-looking Markdown: fragments of syntax, entities, control characters and odd spaces, in any order.</summary>
    [Fact]
    public void Random_fragments_of_markdown_syntax_come_out_the_same_either_way()
    {
        string[] pieces = ["# ", "## ", "### ", "- ", "1. ", "> ", "```\n", "    ", "| a | b |\n|---|---|\n", "[x](", "](other.md)", "![i](", "photo.png)",
            "https://www.youtube.com/watch?v=abc", "[^1]", "[^1]: ", "&amp;", "&copy;", "&#0;", "&#x110000;", "\u0000", "\u200b", "\u00a0", "<", ">",
            "**", "__", "~~", "==", "++", "a. ", "^^^", "\n\n", "\n", "\r", "\t", " ", "www.a.com", "<http://b.com>", "<a@b.com>", "---\n", "***",
            "  \n", "\"", "'", "\\", "|", "`", "é", "word"];
        var random = new Random(7);
        var taken = 0;
        for (var i = 0; i < 3000; i++)
        {
            var markdown = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (MarkdownRenderer.Render(markdown).RawHtmlLine is not null) continue;
            var (dom, tokens) = BothWays(markdown);
            if (tokens is null) continue;
            taken++;
            AssertSame(dom, tokens, System.Text.Json.JsonSerializer.Serialize(markdown));
        }
        Assert.True(taken > 2500, $"the syntax tree's way took only {taken} of 3000 bodies");
    }

    [Fact]
    public void Real_posts_without_raw_html_come_out_the_same_either_way()
    {
        var files = Directory.GetFiles(Path.Combine(TestSite.RepositoryRoot, "..", "shared", "corpus", "real-posts"), "*.md", SearchOption.AllDirectories);
        var (compared, taken) = (0, 0);
        foreach (var file in files)
        {
            var body = FrontMatter().Replace(File.ReadAllText(file), "", 1);
            if (MarkdownRenderer.Render(body).RawHtmlLine is not null) continue;
            compared++;
            var (dom, tokens) = BothWays(body);
            if (tokens is null) continue;
            taken++;
            AssertSame(dom, tokens, file);
        }
        Assert.True(compared > 250, $"only {compared} real posts without raw HTML");
        Assert.True(taken > compared * 9 / 10, $"the syntax tree's way took {taken} of {compared} real posts");
    }

    [Theory]
    [InlineData("a\r\nb\rc\r\n")]
    [InlineData("&amp;&lt;&gt;&quot;&nbsp;&#8617;&#160;&ldquo;x&rsquo;&hellip;&#x1F600;&copy &#13;\nd")]
    [InlineData("[l](x&y \"\\\"q\\\" <b>\") [e](https://ext.example/?a=1&b=2) [t](https://ext.example/ \"a\r\nb\")")]
    [InlineData("## T &amp; *U* {#a-b}\n\n### !!!\n\n#### ####\n\n##### No anchor")]
    [InlineData("![a\"b](photo.png) ![*a*\nb `c` [d](e) &amp; ![f](g)](photo.png \"t\") ![](photo.png)")]
    [InlineData("![ ](https://www.youtube.com/embed/dQw4w9WgXcQ) ![The talk](//www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    public void Hand_written_markup_comes_out_the_same_either_way(string markdown)
    {
        var (dom, tokens) = BothWays(markdown);
        AssertSame(dom, tokens, markdown);
    }

    [Fact]
    public void The_syntax_trees_way_escapes_every_character_as_AngleSharp_serialises_it()
    {
        var formatter = new AttributeFormatter();
        for (var c = '\0'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c)) continue;
            var text = c.ToString();
            Assert.Equal(AngleSharp.Html.HtmlMarkupFormatter.EscapeText(text), Escaped(text, inAttribute: false));
            Assert.Equal(formatter.Format("x", text), "x=\"" + Escaped(text, inAttribute: true) + "\"");
        }
        Assert.Equal("a&amp;b&lt;c&gt;d&nbsp;e\"", Escaped("a&b<c>d\u00a0e\"", inAttribute: false));
    }

    private static string Escaped(string text, bool inAttribute)
    {
        var output = new System.Text.StringBuilder();
        SyntaxTreeRewriter.AppendEscaped(output, text, inAttribute);
        return output.ToString();
    }

    /// <summary>AngleSharp's attribute serialisation, which it keeps protected.</summary>
    private sealed class AttributeFormatter : AngleSharp.Html.HtmlMarkupFormatter
    {
        public string Format(string name, string value) => Attribute(new AngleSharp.Dom.Attr(name, value));
    }

    private (ProcessedHtml Dom, ProcessedHtml? Tokens) BothWays(string markdown)
    {
        var rendered = MarkdownRenderer.Render(markdown);
        Assert.Null(rendered.RawHtmlLine);
        return (new DomRewriter(_edits).Process(rendered, Context()), new SyntaxTreeRewriter(_edits).TryProcess(MarkdownRenderer.Parse(markdown).Document!, Context()));
    }

    private DocumentContext Context() =>
        new("/sub/posts/this-post/", _folder, file => file.EndsWith("other.md", StringComparison.Ordinal) ? "/sub/posts/other/" : null);

    private static void AssertSame(ProcessedHtml dom, ProcessedHtml? tokens, string what)
    {
        Assert.NotNull(tokens);
        Assert.True(dom.Html == tokens.Html, $"HTML differs for {what}\nDOM:    {dom.Html}\ntokens: {tokens.Html}");
        Assert.Equal(dom.Excerpt, tokens.Excerpt);
        Assert.Equal(dom.WordCount, tokens.WordCount);
    }

    [GeneratedRegex(@"\A\uFEFF?---\r?\n.*?\r?\n---[ \t]*\r?\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();
}
