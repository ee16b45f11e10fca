using PPNBlog.Generator.Markdown;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Html;

/// <summary>
/// The HTML stage: sanitises raw HTML, resolves relative links and images to their published URLs, marks external
/// links, lazy-loads images and embeds, adds heading anchors and NHS table styling, and measures the excerpt and
/// reading time. Markdig's own HTML goes through the token stream; raw HTML, and anything the stream declines,
/// through the DOM.
/// </summary>
public sealed class HtmlPostProcessor
{
    private readonly TokenRewriter _tokens;
    private readonly DomRewriter _dom;

    /// <summary>The stage for bodies published under <paramref name="urls"/>: both ways make the same edits.</summary>
    public HtmlPostProcessor(SiteUrls urls)
    {
        var edits = new BodyEdits(urls);
        (_tokens, _dom) = (new TokenRewriter(edits), new DomRewriter(edits));
    }

    /// <summary>Post-processes one body. Thread-safe.</summary>
    public ProcessedHtml Process(MarkdownHtml markdown, DocumentContext context) =>
        (markdown.RawHtmlLine is null ? _tokens.TryProcess(markdown.Html, context) : null) ?? _dom.Process(markdown, context);
}
