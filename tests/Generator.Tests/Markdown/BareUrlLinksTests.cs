using System.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Generator.Markdown;

namespace PPNBlog.Generator.Tests.Markdown;

/// <summary>
/// BareUrlLinks must make exactly the links, and the same syntax tree, that Markdig's AutoLinks extension makes in the
/// same pipeline: it only finds them from the other end of the scheme.
/// </summary>
public sealed class BareUrlLinksTests
{
    /// <summary>ppnblog's pipeline with Markdig's own extension in BareUrlLinks' place.</summary>
    private static readonly MarkdownPipeline MarkdigAutoLinks = PipelineWith(new AutoLinkExtension(null));

    [Theory]
    [InlineData("See https://www.england.nhs.uk/mental-health/ for more.", "https://www.england.nhs.uk/mental-health/")]
    [InlineData("https://example.org starts the paragraph", "https://example.org")]
    [InlineData("Visit www.ppn.nhs.uk today.", "http://www.ppn.nhs.uk")]
    [InlineData("Write to mailto:team@example.org please", "mailto:team@example.org")]
    [InlineData("Call tel:+441234567890 now", "tel:+441234567890")]
    [InlineData("Files at ftp://files.example.org/a.pdf", "ftp://files.example.org/a.pdf")]
    [InlineData("*https://example.org/x*", "https://example.org/x")]
    [InlineData("(see http://example.org/a_b)", "http://example.org/a_b")]
    [InlineData("| a | https://example.org/t |\n|---|---|\n| 1 | 2 |", "https://example.org/t")]
    public void A_bare_address_becomes_the_link_markdig_makes(string markdown, string url)
    {
        var link = Assert.Single(Markdig.Markdown.Parse(markdown, MarkdownRenderer.Pipeline).Descendants<LinkInline>());
        Assert.True(link.IsAutoLink);
        Assert.Equal(url, link.Url);
        Assert.Equal(Tree(markdown, MarkdigAutoLinks), Tree(markdown, MarkdownRenderer.Pipeline));
    }

    [Theory]
    // Inside a word, inside a link's words or an open <a>, a scheme alone, capitals, and text that only looks like one.
    [InlineData("xhttps://example.org and awww.example.org")]
    [InlineData("[see https://example.org](https://example.net)")]
    [InlineData("<a href=\"https://example.net\">https://example.org</a>")]
    [InlineData("http:// and https:// and ftp:// alone")]
    [InlineData("HTTPS://EXAMPLE.ORG and Www.example.org")]
    [InlineData("time: 10.30, ratio 3:1, e.g. this... and http:/example.org")]
    [InlineData("mailto:@example.org and mailto:nobody")]
    [InlineData("h\\ttp://example.org and `https://example.org`")]
    public void Text_that_is_not_a_bare_address_stays_text_as_markdig_leaves_it(string markdown)
    {
        Assert.DoesNotContain(Markdig.Markdown.Parse(markdown, MarkdownRenderer.Pipeline).Descendants<LinkInline>(), l => l.IsAutoLink);
        Assert.Equal(Tree(markdown, MarkdigAutoLinks), Tree(markdown, MarkdownRenderer.Pipeline));
    }

    [Fact]
    public void Random_mixtures_of_addresses_and_markup_parse_as_with_markdigs_extension()
    {
        // Addresses beside emphasis, brackets, raw <a>, quotes, dashes, escapes, code, tables and line ends, in a fixed
        // random order, so every run checks the same 20,000 texts.
        string[] pieces = ["http://", "https://", "www.", "mailto:", "tel:+44", "ftp://", "x", "a.b", "e.co.uk", "/p_q", "?a=b&c=d", "@",
            "*", "**", "_", "~~", "^", "[", "](", "]", "(", ")", "<a href=\"u\">", "</a>", " ", " ", "\n", "'", "\"", "-", "--", ".",
            "...", ":", "|", "\\", "`", "!", "h", "w", "ww", "ttp", "m", "f", "t", "s", "| a | b |\n|---|---|\n"];
        var random = new Random(20261128);
        var linked = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 25); n > 0; n--) text.Append(pieces[random.Next(pieces.Length)]);
            var markdown = text.ToString();
            var expected = Tree(markdown, MarkdigAutoLinks);
            Assert.True(expected == Tree(markdown, MarkdownRenderer.Pipeline), $"parsed differently from Markdig's AutoLinks: {markdown}");
            if (expected.Contains("autolink", StringComparison.Ordinal)) linked++;
        }
        Assert.True(linked > 500, $"only {linked} of the texts held a bare address");
    }

    [Fact]
    public void The_extension_replaces_markdigs_in_the_pipeline()
    {
        Assert.Contains(MarkdownRenderer.Pipeline.Extensions, e => e is BareUrlLinks);
        Assert.DoesNotContain(MarkdownRenderer.Pipeline.Extensions, e => e is AutoLinkExtension);
    }

    private static MarkdownPipeline PipelineWith(IMarkdownExtension autoLinks)
    {
        var builder = new MarkdownPipelineBuilder();
        foreach (var extension in MarkdownRenderer.Pipeline.Extensions) builder.Extensions.Add(extension is BareUrlLinks ? autoLinks : extension);
        return builder.Build();
    }

    /// <summary>The HTML, then every inline with its type, place and text: what the renderers and the checks read.</summary>
    private static string Tree(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var tree = new StringBuilder(document.ToHtml(pipeline)).Append('\n');
        foreach (var inline in document.Descendants<Inline>())
        {
            tree.Append($"{inline.GetType().Name} {inline.Span} {inline.Line}:{inline.Column}");
            if (inline is LiteralInline literal) tree.Append($" [{literal.Content}]");
            if (inline is LinkInline { IsAutoLink: true } link) tree.Append($" autolink {link.Url}");
            tree.Append('\n');
        }
        return tree.ToString();
    }
}
