using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PPNBlog.Generator.Markdown;

/// <summary>The one Markdig pipeline, configured once and shared by all threads (Markdig pipelines are immutable).</summary>
public static class MarkdownRenderer
{
    /// <summary>
    /// Tables, footnotes, figures, GitHub-style heading ids, media links (event recordings on YouTube/Vimeo become
    /// embeds), smart quotes and bare-URL links: what contributors write, nothing that runs code.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseFigures()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseMediaLinks()
        .UseSmartyPants()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    /// <summary>Parses and renders <paramref name="markdown"/>, collecting its links and whether it holds raw HTML.</summary>
    public static MarkdownHtml Render(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var links = new List<MarkdownLink>();
        int? rawHtmlLine = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { Url: { } url } link:
                    links.Add(new MarkdownLink(url, link.IsImage, link.IsImage ? PlainText(link) : "", link.Line, link.Column));
                    break;
                case HtmlBlock or HtmlInline:
                    rawHtmlLine ??= node.Line;
                    break;
            }
        }
        // Markdig's own renderer cache: a renderer set up once per thread, not once per body.
        return new MarkdownHtml(document.ToHtml(Pipeline), links, rawHtmlLine);
    }

    private static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
}
