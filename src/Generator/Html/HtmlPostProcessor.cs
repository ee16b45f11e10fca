using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using PPNBlog.Generator.Markdown;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Html;

/// <summary>
/// The HTML stage, on AngleSharp's DOM: sanitises raw HTML, resolves relative links and images to their published
/// URLs, marks external links, lazy-loads images and embeds, adds heading anchors and NHS table styling, and measures
/// the excerpt and reading time.
/// </summary>
public sealed class HtmlPostProcessor(SiteUrls urls)
{
    private const int ExcerptLength = 240;

    /// <summary>Hosts whose players may be embedded (event recordings).</summary>
    public static readonly IReadOnlySet<string> EmbedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com",
    };

    /// <summary>
    /// Each thread's document, whose body is refilled for every body processed: creating a parser, or a document, per
    /// body cost more than parsing a short body (and finalising 10,000 documents an eighth of the build's CPU time).
    /// </summary>
    [ThreadStatic]
    private static IHtmlDocument? t_document;

    /// <summary>Post-processes one body. Thread-safe: each thread has its own document, each call its own sanitiser.</summary>
    public ProcessedHtml Process(MarkdownHtml markdown, DocumentContext context)
    {
        var document = t_document ??= new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = markdown.Html;
        var removed = new List<string>();
        // "<!-- more -->" (WordPress, Jekyll, MkDocs) ends the excerpt; read it before the sanitiser drops comments.
        var more = body.ChildNodes.OfType<IComment>().FirstOrDefault(c => c.Data.Trim().Equals("more", StringComparison.OrdinalIgnoreCase));
        var excerptText = more is null ? null : string.Join(' ', body.ChildNodes.TakeWhile(n => n != more).Select(n => n.TextContent));
        if (markdown.RawHtmlLine is not null) Sanitize(document, removed);

        // One walk of the tree finds every element the stage changes (five selector queries walked it five times);
        // they are then changed in the same order as before, so the output is the same.
        var links = new List<IElement>();
        var images = new List<IElement>();
        var frames = new List<IElement>();
        var tables = new List<IElement>();
        var headings = new List<IElement>();
        IElement? firstParagraph = null;
        foreach (var element in body.Descendants<IElement>())
        {
            switch (element.LocalName)
            {
                case "p": firstParagraph ??= element; break;
                case "a" when element.HasAttribute("href"): links.Add(element); break;
                case "img": images.Add(element); break;
                case "iframe": frames.Add(element); break;
                case "table": tables.Add(element); break;
                case "h2" or "h3" or "h4" when element.HasAttribute("id"): headings.Add(element); break;
            }
        }
        foreach (var anchor in links) RewriteLink(anchor, "href", context);
        foreach (var image in images)
        {
            SetSize(image, context);
            if (image.GetAttribute("src") is not null) RewriteLink(image, "src", context);
            image.SetAttribute("loading", "lazy");
            image.SetAttribute("decoding", "async");
        }
        foreach (var frame in frames) WrapEmbed(document, frame);
        foreach (var table in tables) StyleTable(document, table);
        foreach (var heading in headings) AddAnchor(document, heading);

        var wordCount = CountWords(body);
        var excerpt = Shorten(excerptText ?? firstParagraph?.TextContent ?? "");
        return new ProcessedHtml(body.InnerHtml, excerpt, wordCount, removed);
    }

    /// <summary>
    /// Words of visible text: what splitting the body's text content at white space would count, without building
    /// that text (it is the text nodes' data, in document order).
    /// </summary>
    private static int CountWords(IElement body)
    {
        var words = 0;
        var inWord = false;
        foreach (var text in body.Descendants<IText>())
        {
            foreach (var c in text.Data)
            {
                var space = char.IsWhiteSpace(c);
                if (!space && !inWord) words++;
                inWord = !space;
            }
        }
        return words;
    }

    /// <summary>
    /// Gives a local image its pixel width and height (read from the file's header), so the browser reserves its
    /// space before it loads: no layout shift. CSS still scales it down to the column.
    /// </summary>
    private static void SetSize(IElement image, DocumentContext context)
    {
        if (image.HasAttribute("width") || image.HasAttribute("height") || image.GetAttribute("src") is not { } src
            || LinkTarget.Classify(src) != LinkKind.RelativeFile) return;
        var file = Path.GetFullPath(Path.Combine(context.SourceDirectory, LinkTarget.PathPart(src)));
        context.Consult(file);
        if (!File.Exists(file)) return;
        using var codec = SkiaSharp.SKCodec.Create(file);
        if (codec is null) return;
        image.SetAttribute("width", codec.Info.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        image.SetAttribute("height", codec.Info.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void RewriteLink(IElement element, string attribute, DocumentContext context)
    {
        var url = element.GetAttribute(attribute)!.Trim();
        switch (LinkTarget.Classify(url))
        {
            case LinkKind.SiteRooted when urls.BasePath != "/":
                element.SetAttribute(attribute, urls.Url(url.TrimStart('/')));
                break;
            case LinkKind.RelativeMarkdown:
                var file = Path.GetFullPath(Path.Combine(context.SourceDirectory, LinkTarget.PathPart(url)));
                if (context.UrlOf(file) is { } published) element.SetAttribute(attribute, published + FragmentOf(url));
                break;
            case LinkKind.RelativeFile:
                element.SetAttribute(attribute, new Uri(new Uri("http://site" + context.PageUrl), url).PathAndQuery + FragmentOf(url));
                break;
            case LinkKind.Absolute when element is IHtmlAnchorElement && !IsThisSite(url):
                element.SetAttribute("rel", "external noopener");
                element.ClassList.Add("ppn-external");
                break;
        }
    }

    private bool IsThisSite(string url) =>
        Uri.TryCreate(url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Host, urls.Host, StringComparison.OrdinalIgnoreCase);

    private static string FragmentOf(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? "" : url[hash..];
    }

    private static void WrapEmbed(IDocument document, IElement frame)
    {
        frame.SetAttribute("loading", "lazy");
        if (string.IsNullOrWhiteSpace(frame.GetAttribute("title"))) frame.SetAttribute("title", "Embedded video");
        frame.RemoveAttribute("frameborder");
        var wrapper = document.CreateElement("div");
        wrapper.ClassName = "ppn-embed";
        frame.Parent!.ReplaceChild(wrapper, frame);
        wrapper.AppendChild(frame);
    }

    private static void StyleTable(IDocument document, IElement table)
    {
        table.ClassList.Add("nhsuk-table");
        // A wide table scrolls inside a focusable region, so keyboard users can scroll it too.
        var wrapper = document.CreateElement("div");
        wrapper.ClassName = "nhsuk-table-responsive ppn-table-wrapper";
        wrapper.SetAttribute("tabindex", "0");
        wrapper.SetAttribute("role", "region");
        wrapper.SetAttribute("aria-label", "Table");
        table.Parent!.ReplaceChild(wrapper, table);
        wrapper.AppendChild(table);
    }

    private static void AddAnchor(IDocument document, IElement heading)
    {
        var anchor = document.CreateElement("a");
        anchor.ClassName = "ppn-heading-anchor";
        anchor.SetAttribute("href", "#" + heading.Id);
        anchor.SetAttribute("aria-label", "Link to the section: " + heading.TextContent.Trim());
        anchor.TextContent = "#";
        heading.AppendChild(document.CreateTextNode(" "));
        heading.AppendChild(anchor);
    }

    private static string Shorten(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= ExcerptLength) return collapsed;
        var cut = collapsed.LastIndexOf(' ', ExcerptLength);
        return collapsed[..(cut > 0 ? cut : ExcerptLength)].TrimEnd(',', ';', ':', '.') + "…";
    }

    private static void Sanitize(IHtmlDocument document, List<string> removed)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.UnionWith(["iframe", "figure", "figcaption"]);
        sanitizer.AllowedAttributes.UnionWith(["id", "class", "allowfullscreen", "allow", "frameborder", "loading", "title"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}>");
        sanitizer.RemovingAttribute += (_, e) => removed.Add($"{e.Attribute.Name}=\"…\" on <{e.Tag.LocalName}>");
        sanitizer.SanitizeDom(document, document.Body);
        // Embeds are allowed only from the recording hosts, over https.
        foreach (var frame in document.Body!.QuerySelectorAll("iframe"))
        {
            if (Uri.TryCreate(frame.GetAttribute("src"), UriKind.Absolute, out var src) && src.Scheme == "https" && EmbedHosts.Contains(src.Host)) continue;
            removed.Add($"<iframe src=\"{frame.GetAttribute("src")}\">");
            frame.Remove();
        }
    }
}
