using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using PPNBlog.Content.Text;
using PPNBlog.Generator.Markdown;

namespace PPNBlog.Generator.Html;

/// <summary>
/// The HTML stage on AngleSharp's DOM, for any body: sanitises raw HTML, then makes the <see cref="BodyEdits"/> (links,
/// images, embeds, tables, heading anchors) and measures the excerpt and reading time.
/// </summary>
public sealed class DomRewriter(BodyEdits edits)
{
    /// <summary>
    /// Each thread's document, whose body is refilled for every body processed: creating a parser, or a document, per
    /// body cost more than parsing a short body (and finalising 10,000 documents an eighth of the build's CPU time).
    /// </summary>
    [ThreadStatic]
    private static IHtmlDocument? t_document;

    /// <summary>
    /// The most tags a body with raw HTML may have: AngleSharp writes a tree out in time growing with the square of the
    /// children an element has, so 280,000 empty &lt;b&gt; in one paragraph took 15 s. A long post has a few thousand.
    /// </summary>
    public const int MaxTags = 40_000;

    /// <summary>Post-processes one body. Thread-safe: each thread has its own document, each call its own sanitiser.</summary>
    public ProcessedHtml Process(MarkdownHtml markdown, DocumentContext context)
    {
        // Caught by the build and reported for this file (PPN021), before the parser or the writer spends minutes on it.
        // Only raw HTML can nest that deep (Markdig stops at its own depth limit); bodies without it go the token way.
        var html = markdown.Html.ToString();
        if (markdown.RawHtmlLine is not null)
        {
            if (HtmlNesting.IsTooDeep(html))
                throw new InvalidOperationException($"its HTML nests elements more than {HtmlNesting.Limit} deep");
            // Every tag starts with '<', which text never holds unescaped.
            if (html.AsSpan().Count('<') is var tags and > MaxTags)
                throw new InvalidOperationException($"its HTML has {tags} tags; a body with HTML in it may have at most {MaxTags}");
        }
        var document = t_document ??= new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = html;
        var removed = new List<RemovedHtml>();
        // "<!-- more -->" (WordPress, Jekyll, MkDocs) ends the excerpt; read it before the sanitiser drops comments.
        var more = body.ChildNodes.OfType<IComment>().FirstOrDefault(c => c.Data.Trim().Equals("more", StringComparison.OrdinalIgnoreCase));
        var beforeMore = more is null ? null : body.ChildNodes.TakeWhile(n => n != more).ToList();
        AlignCells(body);
        if (markdown.RawHtmlLine is not null)
        {
            Sanitize(document, removed);
        }
        // What readers see of it: what the sanitiser removed (a script's code, a style sheet) and comments are no one's
        // words, and a footnote's number is no word of the sentence.
        var excerptText = beforeMore is null ? null
            : string.Join(' ', beforeMore.Where(n => n.Parent == body && n is not IComment).Select(ProseText));

        // One walk of the tree finds every element the stage changes (five selector queries walked it five times);
        // they are then changed in the same order as before, so the output is the same.
        var links = new List<IElement>();
        var images = new List<IElement>();
        var frames = new List<IElement>();
        var tables = new List<IElement>();
        var headings = new List<IElement>();
        string? opening = null;
        foreach (var element in body.Descendants<IElement>())
        {
            switch (element.LocalName)
            {
                // The first paragraph with words: a post often opens with a picture, alone in its paragraph, or an aside
                // in a fenced div (a callout: "This code no longer runs").
                case "p" when opening is null && element.Closest($"div.{BodyEdits.FencedDivClass}") is null
                              && ProseText(element) is var prose && !string.IsNullOrWhiteSpace(prose):
                    opening = prose;
                    break;
                case "a" when element.HasAttribute("href"): links.Add(element); break;
                case "img": images.Add(element); break;
                case "iframe": frames.Add(element); break;
                case "table": tables.Add(element); break;
                case "pre": element.SetAttribute(BodyEdits.CodeBlockFocus.Name, BodyEdits.CodeBlockFocus.Value); break;
                case "h2" or "h3" or "h4" when element.HasAttribute("id"): headings.Add(element); break;
            }
        }
        foreach (var anchor in links) RewriteLink(anchor, "href", context, removed);
        foreach (var image in images)
        {
            if (!image.HasAttribute("width") && !image.HasAttribute("height") && image.GetAttribute("src") is { } src
                && BodyEdits.ImageSize(src, context) is var (width, height))
            {
                image.SetAttribute("width", width);
                image.SetAttribute("height", height);
            }
            if (image.GetAttribute("src") is not null) RewriteLink(image, "src", context, removed);
            image.SetAttribute("loading", "lazy");
            image.SetAttribute("decoding", "async");
        }
        // A body without a paragraph of words (only a list, a table, code) is summed up by its text (as the token
        // stage does: footnote numbers and notes aside, before the headings' "#" links are added).
        var excerpt = BodyEdits.Excerpt(!string.IsNullOrWhiteSpace(excerptText) ? excerptText
            : opening ?? ProseText(body));
        foreach (var frame in frames) WrapEmbed(document, frame);
        foreach (var table in tables) StyleTable(document, table);
        foreach (var heading in headings) AddAnchor(document, heading);

        var words = new WordCounter();
        foreach (var text in body.Descendants<IText>()) words.Add(text.Data);
        var ids = body.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        return new ProcessedHtml(body.InnerHtml, excerpt, words.Count, removed) { Ids = ids };
    }

    private void RewriteLink(IElement element, string attribute, DocumentContext context, List<RemovedHtml> removed)
    {
        var edit = edits.EditLink(element.GetAttribute(attribute)!, element is IHtmlAnchorElement, context);
        if (edit.Removed is { } scheme)
        {
            element.RemoveAttribute(attribute);
            removed.Add(BodyEdits.RemovedAddress(scheme, attribute, element.LocalName));
            return;
        }
        if (edit.NewValue is not null) element.SetAttribute(attribute, edit.NewValue);
        if (!edit.External) return;
        element.SetAttribute("rel", BodyEdits.ExternalRel);
        element.ClassList.Add(BodyEdits.ExternalClass);
    }

    private static void WrapEmbed(IDocument document, IElement frame)
    {
        frame.SetAttribute("loading", "lazy");
        if (string.IsNullOrWhiteSpace(frame.GetAttribute("title"))) frame.SetAttribute("title", BodyEdits.EmbedTitle);
        frame.RemoveAttribute("frameborder");
        frame.RemoveAttribute("referrerpolicy");
        var wrapper = document.CreateElement(BodyEdits.EmbedWrapper);
        wrapper.ClassName = BodyEdits.EmbedClass;
        frame.Parent!.ReplaceChild(wrapper, frame);
        wrapper.AppendChild(frame);
    }

    private static void StyleTable(IDocument document, IElement table)
    {
        table.ClassList.Add(BodyEdits.TableClass);
        var wrapper = document.CreateElement("div");
        foreach (var (name, value) in BodyEdits.TableWrapper) wrapper.SetAttribute(name, value);
        table.Parent!.ReplaceChild(wrapper, table);
        wrapper.AppendChild(table);
    }

    private static void AddAnchor(IDocument document, IElement heading)
    {
        var anchor = document.CreateElement("a");
        foreach (var (name, value) in BodyEdits.HeadingAnchorAttributes(heading.Id!)) anchor.SetAttribute(name, value);
        heading.AppendChild(anchor);
    }

    /// <summary>Table cells aligned by Markdown (or written so in HTML) get the NHS.UK class for it instead of a style.</summary>
    private static void AlignCells(IElement body)
    {
        foreach (var cell in body.QuerySelectorAll("th[style], td[style], th[align], td[align]"))
        {
            // HTML's older align attribute says the same: the NHS.UK style sheet's own alignment of cells overrules both.
            if ((BodyEdits.AlignmentClass(cell.GetAttribute("style")) ?? BodyEdits.AlignmentClass($"text-align: {cell.GetAttribute("align")}")) is not { } alignment) continue;
            cell.RemoveAttribute("style");
            cell.RemoveAttribute("align");
            cell.ClassList.Add(alignment);
        }
    }

    private static readonly string[] FormControls = ["form", "input", "button", "textarea", "select", "option", "optgroup", "datalist", "output"];

    /// <summary>What an embedded player may use of the reader's browser (its allow attribute): never the camera, microphone, location or payments.</summary>
    private static readonly HashSet<string> PlayerFeatures = new(StringComparer.OrdinalIgnoreCase)
    {
        "accelerometer", "autoplay", "clipboard-write", "encrypted-media", "fullscreen", "gyroscope", "picture-in-picture", "web-share",
    };

    private static void AllowOnlyPlayerFeatures(IElement frame, string allow, List<RemovedHtml> removed)
    {
        var features = allow.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var kept = features.Where(f => PlayerFeatures.Contains(f.Split(' ', 2)[0])).ToList();
        if (kept.Count == features.Length) return;
        // Found by the first feature taken away: another player's allow may be written before it.
        removed.Add(new("allow=\"…\" on <iframe>", features.First(f => !kept.Contains(f)).Split(' ', 2)[0], Within: "<iframe"));
        if (kept.Count == 0) frame.RemoveAttribute("allow");
        else frame.SetAttribute("allow", string.Join("; ", kept));
    }

    /// <summary>
    /// The ids the theme gives the page's own parts (theme/layouts, partials and templates). The bodies are rendered
    /// before and apart from the theme (serve keeps them across theme edits), so the list is kept here; a test keeps it
    /// and the theme in step.
    /// </summary>
    public static readonly IReadOnlySet<string> LayoutIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "MainContent", "HeaderSearch", "HeaderSearchField", "HeaderMenuToggle", "SearchPageField",
    };

    /// <summary>
    /// Ids that a raw HTML element may not take, with why: one the layout gives the page's own parts (the skip link's
    /// target, the search box: a second would take the skip link and the label there), or one already in the body.
    /// Headings and footnotes keep theirs: the page's anchors and the footnote links point at them.
    /// </summary>
    private static void RemoveTakenIds(IElement body, List<RemovedHtml> removed)
    {
        var elements = body.Descendants<IElement>().Where(e => e.HasAttribute("id")).ToList();
        var owners = elements.Where(e => e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" || IsFootnotePart(e));
        var taken = new HashSet<string>(LayoutIds, StringComparer.Ordinal);
        foreach (var element in owners.Concat(elements).Distinct())
        {
            if (taken.Add(element.Id!)) continue;
            removed.Add(new($"id=\"{element.Id}\" on <{element.LocalName}> (the page has that id already)", $"id=\"{element.Id}\"",
                "Give the element an id of its own: two elements with one id break the links to it.", Within: "<" + element.LocalName));
            element.RemoveAttribute("id");
        }
    }

    /// <summary><paramref name="node"/>'s text without footnote numbers and notes, which would read as part of a summary ("the claim.1").</summary>
    private static string ProseText(INode node) =>
        string.Concat((node is IText text ? [text] : node.Descendants<IText>())
            .Where(t => t.ParentElement?.Closest($"a.{BodyEdits.FootnoteReferenceClass}, .{BodyEdits.FootnotesClass}") is null).Select(t => t.Data));

    /// <summary>Markdig's footnote reference (a.footnote-ref) or note (li in div.footnotes), which the other links to by id.</summary>
    private static bool IsFootnotePart(IElement element) =>
        element.LocalName == "a" && element.ClassList.Contains(BodyEdits.FootnoteReferenceClass)
        || element.LocalName == "li" && element.ParentElement?.ParentElement is { } notes && notes.ClassList.Contains("footnotes");

    /// <summary>Presentational elements HTML no longer has (pasted from old pages and mail): their content stays, they go.</summary>
    private static readonly string[] Obsolete = ["center", "font", "big", "tt", "basefont", "marquee", "blink", "nobr", "spacer", "menuitem"];

    /// <summary>
    /// Makes pasted HTML that the sanitiser lets through valid, as the Markdown's own is: headings that skip no level,
    /// obsolete elements unwrapped (&lt;strike&gt;, &lt;acronym&gt; and &lt;dir&gt; become &lt;s&gt;, &lt;abbr&gt; and &lt;ul&gt;), a picture's width or height that is not a
    /// number of pixels dropped ("100%", "auto"), a caption outside a figure made a paragraph, a player inside a link
    /// left without the link (a link may hold nothing interactive), and links left empty by the parser dropped (a link
    /// around a block is split into one around the block and an empty one before it, which says nothing when focused).
    /// </summary>
    private static void Conform(IHtmlDocument document)
    {
        var body = document.Body!;
        foreach (var element in body.QuerySelectorAll(string.Join(", ", Obsolete)).ToList()) element.Replace([.. element.ChildNodes]);
        // The page's title is its one level-1 heading, as for Markdown's '#': a raw <h1> (pasted from a web page) is a section.
        foreach (var (from, to) in new[] { ("strike", "s"), ("acronym", "abbr"), ("dir", "ul"), ("figcaption:not(figure > figcaption)", "p") })
            foreach (var element in body.QuerySelectorAll(from).ToList()) Rename(document, element, to);
        // Headings skip no level, as the Markdown's do: each at most one below the one before it, the first at most an
        // <h2> (the page's title is its one <h1>), so a pasted <h1> or <h3> takes its place in the outline.
        var previous = 1;
        foreach (var heading in body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList())
        {
            var level = Math.Clamp(heading.LocalName[1] - '0', 2, previous + 1);
            if (level != heading.LocalName[1] - '0') Rename(document, heading, $"h{level}");
            previous = level;
        }
        foreach (var image in body.QuerySelectorAll("img[width], img[height]"))
            foreach (var size in new[] { "width", "height" })
                if (image.GetAttribute(size) is { } value && !(value.Length is > 0 and < 6 && value.All(char.IsAsciiDigit))) image.RemoveAttribute(size);
        foreach (var link in body.QuerySelectorAll("a").Where(a => a.QuerySelector("iframe") is not null).ToList()) link.Replace([.. link.ChildNodes]);
        foreach (var link in body.QuerySelectorAll("a[href]").Where(a => string.IsNullOrWhiteSpace(a.TextContent) && a.QuerySelector("img, iframe") is null
                     && !a.HasAttribute("aria-label") && !a.HasAttribute("title")).ToList())
            link.Remove();
        // The parser's split leaves an empty paragraph after the block too.
        foreach (var paragraph in body.QuerySelectorAll("p").Where(p => p.ChildNodes.Length == 0).ToList()) paragraph.Remove();
    }

    /// <summary>Puts an element named <paramref name="name"/> in <paramref name="element"/>'s place, with its attributes and content.</summary>
    private static void Rename(IHtmlDocument document, IElement element, string name)
    {
        var replacement = document.CreateElement(name);
        foreach (var attribute in element.Attributes) replacement.SetAttribute(attribute.Name, attribute.Value);
        while (element.FirstChild is { } child) replacement.AppendChild(child);
        element.Replace(replacement);
    }

    private static void Sanitize(IHtmlDocument document, List<RemovedHtml> removed)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.UnionWith(["iframe", "figure", "figcaption"]);
        // A post shows text: a form in it (its default allowlist keeps them) could ask readers for an NHSmail password on the site's own pages.
        sanitizer.AllowedTags.ExceptWith(FormControls);
        // aria-label names a link or picture for screen readers (a link of an icon alone).
        // A player's referrerpolicy, in YouTube's own embed code, is the browsers' default: dropped from the player, untold.
        sanitizer.AllowedAttributes.UnionWith(["id", "class", "allowfullscreen", "allow", "frameborder", "referrerpolicy", "loading", "title", "aria-label"]);
        // name="body" on an image makes document.body that image (DOM clobbering), and the page's scripts then fail.
        sanitizer.AllowedAttributes.ExceptWith(["style", "name"]);
        sanitizer.AllowedSchemes.UnionWith(BodyEdits.SafeSchemes);
        sanitizer.RemovingTag += (_, e) => removed.Add(new($"<{e.Tag.LocalName}>", "<" + e.Tag.LocalName));
        // Frames that lost an attribute: one left with no address (its srcdoc removed) is told once, by that attribute.
        var framesTold = new HashSet<IElement>();
        sanitizer.RemovingAttribute += (_, e) =>
        {
            if (e.Tag.LocalName == "iframe") framesTold.Add(e.Tag);
            removed.Add(e.Reason == RemoveReason.NotAllowedUrlValue && BodyEdits.UnsafeScheme(e.Attribute.Value) is { } scheme
                ? BodyEdits.RemovedAddress(scheme, e.Attribute.Name, e.Tag.LocalName)
                : new($"{e.Attribute.Name}=\"…\" on <{e.Tag.LocalName}>", e.Attribute.Name + "=", Within: "<" + e.Tag.LocalName));
        };
        sanitizer.SanitizeDom(document, document.Body);
        RemoveTakenIds(document.Body!, removed);
        Conform(document);
        // Embeds are allowed only as the recording hosts' players, over https, and with no powers a player does not need.
        foreach (var frame in document.Body!.QuerySelectorAll("iframe"))
        {
            if (Uri.TryCreate(frame.GetAttribute("src"), UriKind.Absolute, out var src) && BodyEdits.IsPlayer(src))
            {
                if (frame.GetAttribute("allow") is { } allow) AllowOnlyPlayerFeatures(frame, allow, removed);
                continue;
            }
            if (frame.GetAttribute("src") is { Length: > 0 } written) removed.Add(new($"<iframe src=\"{written}\">", written));
            // Found by its tag with no src (a player's tag before it has one, and a frame told by its removed srcdoc has that).
            else if (!framesTold.Contains(frame)) removed.Add(new("<iframe> with no address (src)", "<iframe", Within: "<iframe", WithoutIt: "src"));
            frame.Remove();
        }
    }
}
