using System.Collections.Concurrent;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Text;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Raw HTML written in a Markdown body, read in the Markdown stage: its links and pictures are checked and published
/// as Markdown's are, and a "tag" that is no HTML element (<c>Dear &lt;name&gt;</c>, <c>&lt;Ctrl&gt;</c>) stays text.
/// </summary>
public static class RawHtml
{
    /// <summary>Tag names seen so far, and whether each is an element of HTML (AngleSharp knows every one).</summary>
    private static readonly ConcurrentDictionary<string, bool> KnownNames = new(StringComparer.OrdinalIgnoreCase) { ["svg"] = true, ["math"] = true };

    private static readonly HashSet<string> RemovedWhole = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "textarea", "noscript", "title", "xmp", "iframe", "noembed", "noframes", "svg", "math", "form", "object",
    };

    private static readonly Lock DocumentLock = new();
    private static readonly IHtmlDocument Document = new HtmlParser().ParseDocument("");

    /// <summary>
    /// Replaces inline "tags" that name no HTML element with their text: the sanitiser would remove such an element
    /// together with everything after it in its paragraph, where the writer meant the angle brackets to be read.
    /// </summary>
    public static void KeepNonElementsAsText(HtmlInline inline)
    {
        if (TagName(inline.Tag) is not { } name || IsHtmlElement(name)) return;
        ShowAsText(inline);
    }

    /// <summary>Replaces <paramref name="inline"/> with its text, which Markdig then escapes.</summary>
    public static void ShowAsText(HtmlInline inline) =>
        inline.ReplaceBy(new LiteralInline(inline.Tag) { Line = inline.Line, Column = inline.Column, Span = inline.Span });

    /// <summary>
    /// Elements a start tag in running text may leave open without taking the text after it: the void ones, and those
    /// whose end tag HTML lets a writer omit that end by themselves (a &lt;p&gt; or &lt;li&gt; only starts a block). The
    /// other elements whose end tag may be omitted are not here, as in running text they lose words: a browser drops the
    /// table's parts, html, head and body (the name written with them), the sanitiser option and optgroup (and the words after them).
    /// </summary>
    private static readonly HashSet<string> MayStayOpen = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "rt", "rp",
    };

    /// <summary>
    /// Where each element's last end tag ("&lt;/name", in any case) and the last "--&gt;" are written in a body: one pass
    /// over it answers <see cref="IsNeverClosed"/> and <see cref="NeverClosedOpening"/> for all its tags.
    /// </summary>
    public sealed class LastClosings
    {
        private readonly Dictionary<string, int> _endTags = new(StringComparer.OrdinalIgnoreCase);
        private readonly int _commentEnd;

        /// <summary>Reads <paramref name="markdown"/>, the body, once.</summary>
        public LastClosings(string markdown)
        {
            for (var at = markdown.IndexOf("</", StringComparison.Ordinal); at >= 0; at = markdown.IndexOf("</", at + 2, StringComparison.Ordinal))
            {
                if (TagName(markdown.AsSpan(at)) is { } name) _endTags[name] = at;
            }
            _commentEnd = markdown.LastIndexOf("-->", StringComparison.Ordinal);
        }

        /// <summary>Whether an end tag of <paramref name="name"/> is written after <paramref name="at"/>.</summary>
        public bool EndTagAfter(string name, int at) => _endTags.TryGetValue(name, out var end) && end > at;

        /// <summary>Whether a comment opened at <paramref name="at"/> is closed ("&lt;!--&gt;" closes itself, for CommonMark and browsers alike).</summary>
        public bool CommentClosed(int at) => _commentEnd >= at + 2;
    }

    /// <summary>
    /// Whether <paramref name="inline"/> starts an element that needs its end tag, and none is written after it: as HTML
    /// it would take every word after it (a &lt;title&gt; hides them, an &lt;h1&gt; makes them one heading), where the
    /// writer meant the element's name as text.
    /// </summary>
    public static bool IsNeverClosed(HtmlInline inline, LastClosings closings) =>
        !inline.Tag.StartsWith("</", StringComparison.Ordinal) && TagName(inline.Tag) is { } name && !MayStayOpen.Contains(name) && IsHtmlElement(name)
        && !closings.EndTagAfter(name, inline.Span.Start);

    /// <summary>
    /// Elements that, left open, take every word after them off the page: browsers show no text inside them, or the
    /// sanitiser removes them with all they hold. A &lt;pre&gt; is here too: the rest would be shown as written, its
    /// Markdown unread.
    /// </summary>
    private static readonly HashSet<string> TakesWhatFollows = new(RemovedWhole, StringComparer.OrdinalIgnoreCase) { "plaintext", "select", "button", "dialog", "pre" };

    /// <summary>
    /// What an HTML block opens and never closes that would take the rest of the post with it: a comment with no
    /// "--&gt;" after it, or an element of <see cref="TakesWhatFollows"/> with no end tag after it. Null when it is closed.
    /// </summary>
    public static (string Opening, string Closing)? NeverClosedOpening(HtmlBlock block, string markdown, LastClosings closings)
    {
        var start = markdown.IndexOf('<', block.Span.Start);
        if (start < 0) return null;
        var opening = markdown.AsSpan(start);
        if (opening.StartsWith("<!--", StringComparison.Ordinal)) return closings.CommentClosed(start) ? null : ("<!--", "-->");
        return !opening.StartsWith("</", StringComparison.Ordinal) && TagName(opening) is { } name && TakesWhatFollows.Contains(name)
            && !closings.EndTagAfter(name, start) ? ($"<{name}>", $"</{name}>") : null;
    }

    /// <summary>Adds the links (a href) and pictures (img src) of raw HTML to <paramref name="links"/>, at the lines and columns they are written.</summary>
    public static void AddLinks(HtmlInline inline, List<MarkdownLink> links) => AddLinks(inline.Tag, _ => (inline.Line, inline.Column), links);

    /// <inheritdoc cref="AddLinks(HtmlInline, List{MarkdownLink})"/>
    public static void AddLinks(HtmlBlock block, List<MarkdownLink> links)
    {
        var lines = block.Lines;
        AddLinks(lines.ToString(), line => line < lines.Count ? (lines.Lines[line].Line, lines.Lines[line].Column) : (block.Line, block.Column), links);
    }

    /// <summary>The links in <paramref name="html"/>, whose n-th line (0-based) starts at <paramref name="lineStart"/>(n) in the body.</summary>
    private static void AddLinks(string html, Func<int, (int Line, int Column)> lineStart, List<MarkdownLink> links)
    {
        if (!html.Contains("href", StringComparison.OrdinalIgnoreCase) && !html.Contains("src", StringComparison.OrdinalIgnoreCase)) return;
        using var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        // Inside these nothing is published as a link or picture (the sanitiser removes them whole, or they hold text).
        var removedDepth = 0;
        // The link just opened while nothing in it would be announced yet (its </a> in the same HTML settles it).
        int? unnamed = null;
        while (tokenizer.GetStructToken() is { Type: not HtmlTokenType.EndOfFile } token)
        {
            if (unnamed is not null && token.Type == HtmlTokenType.Character && !ShowsNothing(token.Data.ToString())) unnamed = null;
            if (token.Type is not (HtmlTokenType.StartTag or HtmlTokenType.EndTag)) continue;
            var name = token.Name.ToString();
            if (name == "a" && token.Type == HtmlTokenType.EndTag && unnamed is { } open) links[open] = links[open] with { HasNoText = true };
            if (name == "a" || (token.Type == HtmlTokenType.StartTag && NamesItself(token))) unnamed = null;
            if (RemovedWhole.Contains(name))
            {
                if (token.Type == HtmlTokenType.EndTag) removedDepth = Math.Max(0, removedDepth - 1);
                else if (!token.IsSelfClosing) removedDepth++;
                continue;
            }
            // <image> is read as <img> by every browser; <area> is a link of an image map.
            var attribute = name switch { "a" or "area" => "href", "img" or "image" => "src", _ => null };
            if (attribute is null || token.Type == HtmlTokenType.EndTag || removedDepth > 0) continue;
            string? url = null, alt = null;
            for (var i = 0; i < token.Attributes.Count; i++)
            {
                var attributeName = token.Attributes[i].Name.ToString();
                if (attributeName == attribute) url ??= token.Attributes[i].Value.ToString();
                else if (attributeName == "alt") alt ??= token.Attributes[i].Value.ToString();
            }
            if (url is null) continue;
            var (line, column) = lineStart(token.Position.Line - 1);
            links.Add(new MarkdownLink(url.Trim(), attribute == "src", alt?.Trim() ?? "", line, column + token.Position.Column - 1));
            if (name == "a" && !NamesItself(token)) unnamed = links.Count - 1;
        }
    }

    /// <summary>Whether an element gives screen readers a name of its own: alt text, an aria-label or a title.</summary>
    private static bool NamesItself(StructHtmlToken token)
    {
        for (var i = 0; i < token.Attributes.Count; i++)
        {
            if (token.Attributes[i].Name.Memory.Span is "alt" or "aria-label" or "title" && !token.Attributes[i].Value.Memory.Span.IsWhiteSpace())
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="inline"/> opens a link (&lt;a href&gt;, unnamed by aria-label or title) whose &lt;/a&gt; follows
    /// with nothing to announce between: only white space, or nothing at all.
    /// </summary>
    public static bool OpensLinkWithoutText(HtmlInline inline)
    {
        if (!string.Equals(TagName(inline.Tag), "a", StringComparison.OrdinalIgnoreCase) || inline.Tag.StartsWith("</", StringComparison.Ordinal) || IsNamed(inline.Tag)) return false;
        for (var next = inline.NextSibling; next is not null; next = next.NextSibling)
        {
            switch (next)
            {
                case HtmlInline { Tag: var tag } when tag.StartsWith("</", StringComparison.Ordinal) && string.Equals(TagName(tag), "a", StringComparison.OrdinalIgnoreCase):
                    return true;
                // A <span>, an icon's <i>, a comment, a <br>, a picture without alt text: nothing to announce.
                case HtmlInline { Tag: var tag } when !IsNamed(tag):
                case LiteralInline literal when ShowsNothing(literal.Content.ToString()):
                case HtmlEntityInline entity when ShowsNothing(entity.Transcoded.ToString()):
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>Whether text shows nothing a screen reader announces: white space (a no-break space too) or invisible characters (a zero-width space, a soft hyphen).</summary>
    public static bool ShowsNothing(string text) =>
        // Almost every link's text has a letter or digit: that settles it without cleaning the text.
        text.AsSpan().IndexOfAny(AsciiLettersAndDigits) < 0 && SingleLine.From(text).Length == 0;

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>Whether a raw start tag names its element for screen readers itself (see <see cref="NamesItself"/>).</summary>
    public static bool IsNamed(string tag)
    {
        using var tokenizer = new HtmlTokenizer(new TextSource(tag), HtmlEntityProvider.Resolver);
        var token = tokenizer.GetStructToken();
        return token.Type == HtmlTokenType.StartTag && NamesItself(token);
    }

    /// <summary>The element name of a start or end tag as written ("&lt;Name attr&gt;", "&lt;/name&gt;"), or null for a comment or the like.</summary>
    public static string? TagName(ReadOnlySpan<char> tag)
    {
        var start = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        return end > start && char.IsAsciiLetter(tag[start]) ? tag[start..end].ToString() : null;
    }

    private static bool IsHtmlElement(string name) => KnownNames.GetOrAdd(name, static n =>
    {
        // A custom element (a hyphen in its name) is HTML too; the sanitiser removes it, with a warning.
        if (n.Contains('-')) return true;
        lock (DocumentLock) return Document.CreateElement(n) is not IHtmlUnknownElement;
    });
}
