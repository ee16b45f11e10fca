using PPNBlog.Generator.Markdown;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Html;

/// <summary>
/// The HTML stage: sanitises raw HTML, resolves relative links and images to their published URLs, marks external
/// links, lazy-loads images and embeds, adds heading anchors and NHS table styling, and measures the excerpt and
/// reading time. A body of Markdown alone is written from Markdig's tree with the edits made as it is written; raw
/// HTML, and any tree the writing declines, has Markdig's HTML made over through the DOM.
/// </summary>
public sealed class HtmlPostProcessor
{
    private readonly SyntaxTreeRewriter _tree;
    private readonly DomRewriter _dom;

    /// <summary>The stage for bodies published under <paramref name="urls"/>: both ways make the same edits.</summary>
    public HtmlPostProcessor(SiteUrls urls)
    {
        var edits = new BodyEdits(urls);
        (_tree, _dom) = (new SyntaxTreeRewriter(edits), new DomRewriter(edits));
    }

    /// <summary>Post-processes one body (from <see cref="MarkdownRenderer.Parse"/> or <see cref="MarkdownRenderer.Render"/>). Thread-safe.</summary>
    public ProcessedHtml Process(MarkdownHtml markdown, DocumentContext context)
    {
        if (markdown.Document is not { } document) return _dom.Process(markdown, context);
        return (markdown.RawHtmlLine is null ? _tree.TryProcess(document, context) : null)
            ?? _dom.Process(markdown with { Html = MarkdownRenderer.HtmlForThread(document) }, context);
    }
}
