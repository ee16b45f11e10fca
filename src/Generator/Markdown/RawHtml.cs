using AngleSharp.Html;
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
    private static readonly HashSet<string> RemovedWhole = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "textarea", "noscript", "title", "xmp", "iframe", "noembed", "noframes", "svg", "math", "form", "object",
    };

    /// <summary>
    /// Replaces inline "tags" that name no HTML element with their text: the sanitiser would remove such an element
    /// together with everything after it in its paragraph, where the writer meant the angle brackets to be read.
    /// </summary>
    public static void KeepNonElementsAsText(HtmlInline inline)
    {
        if (TagName(inline.Tag) is not { } name || HtmlElements.IsElement(name)) return;
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
    /// The start tags of a body's raw HTML that no end tag closes, read as a browser pairs them: only raw HTML counts
    /// (an end tag in a code span or code block is text), each end tag closes the latest open element of its name, a
    /// raw-text element (a &lt;title&gt;, an &lt;iframe&gt;) holds no tags until its own end tag, comments hold none,
    /// and "/&gt;" closes only an &lt;svg&gt; or &lt;math&gt; (HTML ignores it on its own elements).
    /// </summary>
    public sealed class TagMatching
    {
        private readonly HashSet<int> _unclosed = [];

        /// <summary>Where each HTML block opens what would take the rest of the post if left open: a comment not closed in the block, or an element of <see cref="TakesWhatFollows"/>.</summary>
        private readonly Dictionary<object, List<(int At, bool IsComment)>> _takingOpenings = [];

        /// <summary>
        /// Pairs the tags of <paramref name="pieces"/>: each piece of raw HTML, in document order, with where it starts in
        /// the body and the block it is written in (a paragraph for inline HTML). A raw-text element not closed in its own
        /// block counts as never closed: all written after it, to an end tag in a later block or the end, is off the page.
        /// </summary>
        public TagMatching(IEnumerable<(int Start, string Html, object Block)> pieces, string markdown)
        {
            var open = new Dictionary<string, Stack<int>>(StringComparer.Ordinal);
            (string Name, int Start, object Block, int BlockEnd)? rawText = null;
            foreach (var (start, html, block) in pieces)
            {
                // A raw-text element still open when its block ends holds what follows: never closed, and the tags after
                // it are read as if it were not there (it will be shown as text, or the post refused). Unless only blank
                // lines part it from a block of HTML that opens with its end tag, as YouTube's player code pasted with an
                // empty line in it is: the page then holds nothing between the two tags, and the element is closed.
                if (rawText is { } left && left.Block != block)
                {
                    if (left.Block is HtmlBlock && block is HtmlBlock && ClosesAfterBlankLines(left.Name, markdown, left.BlockEnd, start, html))
                        rawText = left with { Block = block };
                    else
                    {
                        _unclosed.Add(left.Start);
                        rawText = null;
                    }
                }
                using var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver) { SkipDataText = true };
                while (tokenizer.GetStructToken() is { Type: not HtmlTokenType.EndOfFile } token)
                {
                    // Markdown ends a comment's block at the line holding "-->", or at the end of its list item, quote or
                    // post: a block without one leaves the comment open in the page, however many "-->" come later.
                    if (token.Type == HtmlTokenType.Comment && block is HtmlBlock && html.IndexOf("-->", token.Position.Index + 2, StringComparison.Ordinal) < 0)
                        TakingOpening(block, start + token.Position.Index, isComment: true);
                    if (token.Type is not (HtmlTokenType.StartTag or HtmlTokenType.EndTag)) continue;
                    var name = token.Name.ToString();
                    var isEnd = token.Type == HtmlTokenType.EndTag;
                    // Inline HTML comes a tag at a time: inside a raw-text element opened by an earlier one, only its end tag counts.
                    if (rawText is { } inside && !(isEnd && name == inside.Name)) continue;
                    var at = start + token.Position.Index;
                    if (isEnd)
                    {
                        rawText = null;
                        if (open.TryGetValue(name, out var opened) && opened.Count > 0) opened.Pop();
                    }
                    else if (!(token.IsSelfClosing && name is "svg" or "math"))
                    {
                        (open.TryGetValue(name, out var opened) ? opened : open[name] = new Stack<int>()).Push(at);
                        if (block is HtmlBlock && TakesWhatFollows.Contains(name)) TakingOpening(block, at, isComment: false);
                        if (HtmlNesting.TextContentMode(name) is { } mode)
                        {
                            rawText = (name, at, block, start + html.Length);
                            tokenizer.State = mode;
                        }
                    }
                }
            }
            foreach (var starts in open.Values) _unclosed.UnionWith(starts);
        }

        /// <summary>Whether only white space lies between <paramref name="from"/> and <paramref name="start"/>, and <paramref name="html"/> opens with &lt;/<paramref name="name"/>&gt;.</summary>
        private static bool ClosesAfterBlankLines(string name, string markdown, int from, int start, string html)
        {
            var opening = html.AsSpan().TrimStart();
            return from <= start && markdown.AsSpan(from, start - from).IsWhiteSpace()
                && opening.StartsWith("</", StringComparison.Ordinal) && opening[2..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (opening.Length == 2 + name.Length || !char.IsAsciiLetterOrDigit(opening[2 + name.Length]));
        }

        private void TakingOpening(object block, int at, bool isComment) =>
            (_takingOpenings.TryGetValue(block, out var openings) ? openings : _takingOpenings[block] = []).Add((at, isComment));

        /// <summary>Whether the start tag written at <paramref name="at"/> in the body is never closed.</summary>
        public bool IsUnclosed(int at) => _unclosed.Contains(at);

        /// <summary>
        /// Where <paramref name="block"/> first opens what takes the rest of the post with it: a comment it does not
        /// close, or an element of <see cref="TakesWhatFollows"/> that nothing closes. Null when there is none.
        /// </summary>
        public int? FirstTakingOpening(HtmlBlock block)
        {
            if (!_takingOpenings.TryGetValue(block, out var openings)) return null;
            foreach (var (at, isComment) in openings)
                if (isComment || _unclosed.Contains(at)) return at;
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="inline"/> starts an element that needs its end tag, and none is written after it: as HTML
    /// it would take every word after it (a &lt;title&gt; hides them, an &lt;h1&gt; makes them one heading), where the
    /// writer meant the element's name as text.
    /// </summary>
    public static bool IsNeverClosed(HtmlInline inline, TagMatching tags) =>
        !inline.Tag.StartsWith("</", StringComparison.Ordinal) && TagName(inline.Tag) is { } name && !MayStayOpen.Contains(name) && HtmlElements.IsElement(name)
        && tags.IsUnclosed(inline.Span.Start);

    /// <summary>
    /// Elements that, left open, take every word after them off the page: browsers show no text inside them, or the
    /// sanitiser removes them with all they hold. A &lt;pre&gt; is here too: the rest would be shown as written, its
    /// Markdown unread.
    /// </summary>
    private static readonly HashSet<string> TakesWhatFollows = new(RemovedWhole, StringComparer.OrdinalIgnoreCase) { "plaintext", "select", "button", "dialog", "pre" };

    /// <summary>
    /// What an HTML block opens and never closes that would take the rest of the post with it, wherever in the block it
    /// is (a comment opened after a &lt;p&gt; hides as much as one opening the block), and where: its line and column
    /// in the body (0-based, as Markdig counts). Null when all is closed.
    /// </summary>
    public static (string Opening, string Closing, int Line, int Column)? NeverClosedOpening(HtmlBlock block, string markdown, TagMatching tags)
    {
        if (tags.FirstTakingOpening(block) is not { } at) return null;
        var line = block.Line + markdown.AsSpan(block.Span.Start, at - block.Span.Start).Count('\n');
        var column = at - (at == 0 ? 0 : markdown.LastIndexOf('\n', at - 1) + 1);
        return TagName(markdown.AsSpan(at)) is { } name ? ($"<{name}>", $"</{name}>", line, column) : ("<!--", "-->", line, column);
    }

    /// <summary>Where <paramref name="block"/>'s raw HTML starts in the body, and its text there (a quote's or list's markers included).</summary>
    public static (int Start, string Html, object Block) Piece(HtmlBlock block, string markdown) =>
        (block.Span.Start, markdown.Substring(block.Span.Start, Math.Min(block.Span.Length, markdown.Length - block.Span.Start)), block);

    /// <summary>Where <paramref name="inline"/> starts in the body, its tag, and the block (paragraph, heading) it is written in.</summary>
    public static (int Start, string Html, object Block) Piece(HtmlInline inline) => (inline.Span.Start, inline.Tag, (object?)Inlines.BlockOf(inline) ?? inline);


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
}
