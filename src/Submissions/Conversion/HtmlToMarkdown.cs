using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using PPNBlog.Content.Text;
using PPNBlog.Submissions.Privacy;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Turns an email's HTML into clean Markdown blocks: the HTML is first sanitised (HtmlSanitizer allowlist), then the
/// DOM is walked with AngleSharp and only structure is kept (headings, paragraphs, emphasis, links, lists, quotes,
/// tables, images), so Outlook and Word noise (mso styles, &lt;o:p&gt;, conditional comments, empty spans) leaves no trace.
/// </summary>
/// <param name="imageFor">The file name of the picture an img src shows (null: left out).</param>
/// <param name="senderAddress">The sender's own address: a link to it keeps only its words.</param>
public sealed partial class HtmlToMarkdown(Func<string, string?> imageFor, SenderAddress senderAddress)
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "center", "body", "html", "form", "fieldset",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "hr", "dl", "dt", "dd", "figure", "figcaption", "address",
        "details", "summary", "dialog", "nav", "menu", "search", "hgroup", "legend",
    };

    /// <summary>Deeper DOM nesting than this is flattened to its text: nothing real nests so deep, and recursion must stay bounded.</summary>
    private const int MaxDepth = 64;

    private const int MaxContainerDepth = 6;

    private readonly List<(string File, string Alt)> _images = [];
    private int _topHeading = 1;
    private int _depth;
    private int _containerDepth;
    private bool _inStrong, _inEmphasis, _inStruck, _inRaised, _inLowered;

    /// <summary>The files of the images the body shows, with their alt text, in order.</summary>
    public IReadOnlyList<(string File, string Alt)> Images => _images;

    /// <summary>What an editor should be told of what the conversion left out (a symbol with no character of its own).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    private readonly List<string> _warnings = [];

    /// <summary>Whether the email quoted a message it replies to or forwards, which was left out.</summary>
    public bool RemovedQuote { get; private set; }

    /// <summary>Converts <paramref name="html"/> to Markdown blocks (paragraphs, headings, lists…), in order.</summary>
    public List<string> Convert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // An element the allowlist does not know (Word's <st1:place>, <nobr>, a custom element) keeps its words; what
        // holds no words for readers (scripts, styles, form controls, embedded documents) goes whole, before that.
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedSchemes.Add("mailto");
        // A picture pasted as a data: address is read like an attached one (a link's data: address never becomes a link).
        sanitizer.AllowedSchemes.Add("data");
        // Read while the email's style sheets are there to say what they hide.
        HiddenText.Remove(document);
        foreach (var unread in document.QuerySelectorAll(WithoutWords)) unread.Remove();
        // Before the styles that name the font go (a bold span becomes <strong>).
        SymbolCharacters(document);
        StyledEmphasis(document);
        OutlookLists(document);
        // Signatures the mail program marks as such: Gmail's, Thunderbird's (a <pre> starting "-- "), Outlook on the web's.
        foreach (var signature in document.QuerySelectorAll(".gmail_signature, .moz-signature, #Signature")) signature.Remove();
        // Quoted replies are removed before conversion: Gmail, Apple Mail and Thunderbird mark them up. A quote is the
        // message replied to when its attribution ("On … wrote:") opens it or stands just before it, or when it ends the
        // email; one with no attribution and more of the post after it is a quote in the post (Apple Mail's and Gmail's
        // quote buttons mark those up the same way).
        // Gmail's forward is no blockquote: a div.gmail_quote holds its header (div.gmail_attr) and the message. (A reply's
        // div.gmail_quote holds its blockquote, and may hold the contributor's words written below it.)
        var quotes = document.QuerySelectorAll("blockquote[type=cite], blockquote.gmail_quote, div.gmail_quote")
            .Where(q => q.LocalName == "blockquote" || q.QuerySelector(".gmail_attr") is { } header && header.TextContent.Contains("Forwarded message", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var replied = new HashSet<IElement>();
        foreach (var quote in quotes)
        {
            // Apple Mail quotes a forward's header and its message each on their own, one after the other.
            var before = Neighbour(quote, n => n.PreviousSibling);
            if (OpensWithAttribution(quote) || before is not null && OpensWithAttribution(before)) replied.Add(quote);
        }
        var wordsAfter = new WordsAfter(document);
        foreach (var quote in Enumerable.Reverse(quotes))
        {
            if (!replied.Contains(quote) && wordsAfter.Any(quote)) continue;
            wordsAfter.Remove(quote);
            // A space in its place: a quote inside a quote stood between words ("Thanks" and "Second line"), now apart.
            quote.Replace(document.CreateTextNode(" "));
            RemovedQuote = true;
        }
        foreach (var attribution in document.QuerySelectorAll(".gmail_attr, .moz-cite-prefix"))
        {
            attribution.Remove();
            RemovedQuote = true;
        }
        // Outlook marks only where the quoted message starts (its header block): everything after the mark is the quote.
        if (document.QuerySelector("#appendonsend, #divRplyFwdMsg") is { } quoteStart && document.Body is { } body)
        {
            for (INode? node = quoteStart; node is not null && node != body; node = node.Parent)
                while (node.NextSibling is { } next) next.Parent!.RemoveChild(next);
            quoteStart.Remove();
            RemovedQuote = true;
        }
        // Only the symbols still in the post are told of: not those of a signature or a quote left out.
        ReportUnknownSymbols(document);
        sanitizer.SanitizeDom(document, document.Body);
        MergeSplitEmphasis(document);
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        _topHeading = levels.Count > 0 ? levels.Min() : 1;
        var blocks = new List<string>();
        if (document.Body is not null) Blocks(document.Body, blocks);
        // Control characters (raw, or written as entities such as &#7;) can be in any text, code included.
        return [.. blocks.Select(ControlCharacters.Remove).Where(b => !string.IsNullOrWhiteSpace(b))];
    }

    /// <summary>Elements whose content readers never see as words: removed whole, not unwrapped by the sanitiser.</summary>
    private const string WithoutWords = "script, style, template, noscript, title, head, object, embed, applet, iframe, frame, frameset, svg, math, " +
        "textarea, select, option, button, input, canvas, audio, video, xml, noframes, noembed, plaintext, xmp, dialog:not([open])";

    /// <summary>
    /// Emphasis set by style, as Google Docs and Outlook write it: a span in bold (<c>font-weight:700</c>), italics,
    /// struck through or raised or lowered (<c>vertical-align:super</c>) becomes &lt;strong&gt;, &lt;em&gt;, &lt;s&gt;,
    /// &lt;sup&gt; or &lt;sub&gt;, and the &lt;b style="font-weight:normal"&gt; Docs wraps a whole pasted document in is
    /// no emphasis at all.
    /// </summary>
    private static void StyledEmphasis(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll("span[style], b[style], strong[style]").ToList())
        {
            var style = element.GetAttribute("style")!;
            var tags = element.LocalName == "span"
                ? new[]
                {
                    BoldStyle().IsMatch(style) ? "strong" : null, ItalicStyle().IsMatch(style) ? "em" : null, StruckStyle().IsMatch(style) ? "s" : null,
                    VerticalAlign().Match(style) is { Success: true } raised ? (raised.Groups["super"].Success ? "sup" : "sub") : null,
                }.OfType<string>().ToList()
                : NormalWeight().IsMatch(style) ? ["span"] : [];
            if (tags.Count == 0) continue;
            var replacement = document.CreateElement(tags[0]);
            var inner = tags.Skip(1).Aggregate((IElement)replacement, (outer, tag) => (IElement)outer.AppendChild(document.CreateElement(tag)));
            while (element.FirstChild is { } child) inner.AppendChild(child);
            element.Replace(replacement);
        }
    }

    /// <summary>Stands in, until it is told of, for a symbol font's character that has no character of its own.</summary>
    private const string UnknownSymbol = "ppn-unknown-symbol";

    /// <summary>
    /// Text in a symbol font (Outlook's smileys: <c>&lt;span style="font-family:Wingdings"&gt;J&lt;/span&gt;</c> is ☺, its
    /// ticks "ü", its arrows "à"; the Symbol font's Greek) becomes the characters it shows (<see cref="SymbolFonts"/>), as
    /// the page shows it in another font, where "J" would be a J. A character with no Unicode equivalent is not published
    /// as the wrong letter: it is marked, and left out with a warning if it is still in the post at the end.
    /// </summary>
    private static void SymbolCharacters(IHtmlDocument document)
    {
        if (document.Body is not { } body) return;
        foreach (var text in body.Descendants<IText>().ToList())
        {
            if (FontOf(text.ParentElement) is not { } font || !SymbolFonts.IsSymbolFont(font)) continue;
            var nodes = new List<INode>();
            var written = new StringBuilder();
            foreach (var character in text.Data)
            {
                if (SymbolFonts.ToUnicode(font, character) is { } shown)
                {
                    written.Append(shown);
                    continue;
                }
                if (written.Length > 0) nodes.Add(document.CreateTextNode(written.ToString()));
                written.Clear();
                var unknown = document.CreateElement(UnknownSymbol);
                unknown.SetAttribute("font", SymbolFonts.Name(font));
                nodes.Add(unknown);
            }
            if (nodes.Count == 0)
            {
                text.Data = written.ToString();
                continue;
            }
            if (written.Length > 0) nodes.Add(document.CreateTextNode(written.ToString()));
            text.Replace([.. nodes]);
        }
    }

    /// <summary>
    /// The font <paramref name="element"/>'s text is shown in: the first family of the nearest font-family style (or
    /// &lt;font face&gt;) on it or around it; null when none names one.
    /// </summary>
    private static string? FontOf(IElement? element)
    {
        for (var depth = 0; element is not null && depth < MaxDepth; element = element.ParentElement, depth++)
        {
            var family = FontFamily().Match(element.GetAttribute("style") ?? "") is { Success: true } match ? match.Groups["family"].Value
                : element.LocalName == "font" ? element.GetAttribute("face") : null;
            if (family is not null) return family.Split(',')[0].Trim();
        }
        return null;
    }

    [GeneratedRegex(@"(^|;)\s*font-family\s*:\s*(?<family>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex FontFamily();

    /// <summary>
    /// Tells the editor of the symbols left in the post that have no character of their own, by font, and where the
    /// first is (the words before it), and takes them out: the contributor may have to say what they were.
    /// </summary>
    private void ReportUnknownSymbols(IHtmlDocument document)
    {
        foreach (var font in document.QuerySelectorAll(UnknownSymbol).ToList().GroupBy(e => e.GetAttribute("font") ?? "symbol"))
        {
            var symbols = font.ToList();
            var where = WordsAround(symbols[0]);
            var count = symbols.Count;
            _warnings.Add((count == 1 ? $"A symbol in the {font.Key} font" : $"{count} symbols in the {font.Key} font")
                + " (Outlook and Word draw smileys, ticks and arrows with it) "
                + (count == 1 ? "has no character on the web, so it was left out" : "have no character on the web, so they were left out")
                + (where is null ? "" : count == 1 ? $", {where}" : $", the first {where}")
                + ". Ask the contributor what it showed, if it matters.");
            foreach (var symbol in symbols) symbol.Remove();
        }
    }

    /// <summary>Where <paramref name="node"/> is, by the words of its paragraph before it ("after 'It went well '") or else after it; null in a paragraph of no words.</summary>
    private static string? WordsAround(INode node)
    {
        INode block = node;
        while (block.Parent is { } parent && !(block is IElement { LocalName: var name } && BlockTags.Contains(name) && block != node)) block = parent;
        var before = new StringBuilder();
        var after = new StringBuilder();
        var passed = false;
        foreach (var descendant in block.Descendants())
        {
            if (descendant == node) passed = true;
            else if (descendant is IText text) (passed ? after : before).Append(text.Data);
        }
        const int Words = 6;
        var wordsBefore = before.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (wordsBefore.Length > 0) return $"after '{(wordsBefore.Length > Words ? "…" : "")}{string.Join(' ', wordsBefore.TakeLast(Words))}'";
        var wordsAfter = after.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return wordsAfter.Length > 0 ? $"before '{string.Join(' ', wordsAfter.Take(Words))}{(wordsAfter.Length > Words ? "…" : "")}'" : null;
    }

    /// <summary>
    /// Outlook on Windows (Word's HTML) writes a list as paragraphs, each with its level in its style
    /// (<c>mso-list:l0 level2 lfo1</c>) and its bullet or number as text other mail programs were to skip
    /// (<c>&lt;span style="mso-list:Ignore"&gt;</c> between <c>&lt;![if !supportLists]&gt;</c> and <c>&lt;![endif]&gt;</c>,
    /// which browsers show): "· item" paragraphs. They become a list again, nested by level, numbered where Word numbered.
    /// </summary>
    private static void OutlookLists(IHtmlDocument document)
    {
        // A heading Word numbers keeps its words; its number, written as text, goes (the page numbers nothing).
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Where(h => OutlookListLevel().IsMatch(h.GetAttribute("style") ?? "")))
            foreach (var marker in OutlookMarker(heading)) marker.Parent?.RemoveChild(marker);
        var items = document.QuerySelectorAll("p[style*='mso-list']")
            .Select(p => (Paragraph: p, Level: OutlookListLevel().Match(p.GetAttribute("style")!)))
            .Where(i => i.Level.Success).ToList();
        var lists = new List<(IElement List, int Level)>();
        IElement? previous = null;
        foreach (var (paragraph, match) in items)
        {
            var level = int.Parse(match.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var marker = new StringBuilder();
            foreach (var hidden in OutlookMarker(paragraph))
            {
                marker.Append(hidden.TextContent);
                hidden.Parent?.RemoveChild(hidden);
            }
            var number = OrderedMarker().Match(marker.ToString().Trim());
            var tag = number.Success ? "ol" : "ul";
            // A run of list paragraphs is one list: one not right after the last starts another.
            if (previous is null || Neighbour(previous, n => n.NextSibling) != paragraph) lists.Clear();
            while (lists.Count > 0 && (lists[^1].Level > level || lists[^1].Level == level && lists[^1].List.LocalName != tag)) lists.RemoveAt(lists.Count - 1);
            if (lists.Count == 0 || lists[^1].Level < level)
            {
                var list = document.CreateElement(tag);
                // Word's own number, where the list goes on after a paragraph ("3." after an explanation).
                if (number.Groups["number"].Success && int.TryParse(number.Groups["number"].Value, out var start) && start is > 1 and < 1_000_000)
                    list.SetAttribute("start", start.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (lists.Count == 0) paragraph.Before(list);
                else (lists[^1].List.LastElementChild ?? lists[^1].List).AppendChild(list);
                lists.Add((list, level));
            }
            var item = document.CreateElement("li");
            while (paragraph.FirstChild is { } child) item.AppendChild(child);
            lists[^1].List.AppendChild(item);
            paragraph.Remove();
            previous = lists[0].List;
        }
    }

    /// <summary>
    /// The bullet or number Word wrote as text in a list paragraph, for other mail programs to skip: what stands between
    /// the paragraph's own <c>[if !supportLists]</c> and <c>[endif]</c>, or else its first <c>mso-list:Ignore</c> span.
    /// Nothing else of the paragraph: a comment left open, or the marker wrapped with the text, must not take the text.
    /// </summary>
    private static List<INode> OutlookMarker(IElement paragraph)
    {
        var children = paragraph.ChildNodes.ToList();
        var open = children.FindIndex(n => n is IComment { Data: var data } && data.Contains("if !supportLists", StringComparison.OrdinalIgnoreCase));
        var close = open < 0 ? -1 : children.FindIndex(open + 1, n => n is IComment { Data: var data } && data.Contains("endif", StringComparison.OrdinalIgnoreCase));
        if (close > open + 1 && children.Skip(open + 1).Take(close - open - 1).All(n => n is IElement || n is IText t && string.IsNullOrWhiteSpace(t.Data)))
            return children[(open + 1)..close];
        return paragraph.Descendants<IElement>().FirstOrDefault(e => IgnoredByOutlook().IsMatch(e.GetAttribute("style") ?? "")) is { } span ? [span] : [];
    }

    [GeneratedRegex(@"\s*\b(AI-generated content may be incorrect\.?\s*)?Description automatically generated( with (low|medium|high) confidence)?\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GeneratedDescription();

    [GeneratedRegex(@"mso-list\s*:\s*ignore", RegexOptions.IgnoreCase)]
    private static partial Regex IgnoredByOutlook();

    [GeneratedRegex(@"mso-list\s*:\s*l\d+\s+level(?<level>\d)", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookListLevel();

    /// <summary>A number Word wrote before an item: "1.", "a)", "(iv)", "2.3." (a bullet is a symbol, or Courier's "o").</summary>
    [GeneratedRegex(@"^(\(?((?<number>[0-9]+)(\.[0-9]+)*|[a-z]|[ivxlcdm]+)[.)]|\([0-9a-z]+\))$", RegexOptions.IgnoreCase)]
    private static partial Regex OrderedMarker();

    /// <summary>Whether <paramref name="element"/>'s text opens with a reply's attribution ("On 11 Nov 2026, at 16:02, Sam wrote:") or a forward's header.</summary>
    private static bool OpensWithAttribution(IElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Descendants())
        {
            if (text.Length > 400) break;
            if (node is IText part) text.Append(part.Data.Replace('\u00a0', ' '));
            // Outlook and Apple Mail break a forward's header lines (From:, Sent:) with <br>: they are lines.
            else if (node is IElement { LocalName: var name } && (name == "br" || BlockTags.Contains(name))) text.Append('\n');
        }
        var head = text.ToString().Trim();
        head = head[..Math.Min(head.Length, 400)];
        var wrote = AttributionEnd().Match(head);
        return BodyCleanup.IsReplyHeader(wrote.Success ? head[..(wrote.Index + wrote.Length)] : head);
    }

    /// <summary>The element beside <paramref name="element"/> (<paramref name="step"/>: before or after it), past white space and line breaks; null when text comes first.</summary>
    private static IElement? Neighbour(IElement element, Func<INode, INode?> step)
    {
        for (var node = step(element); node is not null; node = step(node))
        {
            if (node is IElement { LocalName: not "br" } neighbour) return neighbour;
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data)) return null;
        }
        return null;
    }

    [GeneratedRegex(@"\b(wrote|ysgrifennodd|a écrit|schrieb|escribió)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionEnd();

    /// <summary>
    /// Whether words or pictures come after an element (outside it), as quotes are removed from the last to the first:
    /// the document is numbered once, so an email of thousands of quotes is not read again for each (it took minutes).
    /// </summary>
    private sealed class WordsAfter
    {
        private readonly Dictionary<INode, int> _order = [];
        private readonly List<int> _words = [];
        private int _last;

        public WordsAfter(IHtmlDocument document)
        {
            foreach (var node in document.Descendants())
            {
                _order[node] = _order.Count;
                if (node is IText text && !string.IsNullOrWhiteSpace(text.Data) || node is IElement { LocalName: "img" }) _words.Add(_order.Count - 1);
            }
            _last = _words.Count - 1;
        }

        /// <summary>Whether any words or pictures that are still there come after <paramref name="element"/>.</summary>
        public bool Any(IElement element) => _last >= 0 && _words[_last] > End(element);

        /// <summary>
        /// Takes the words in <paramref name="element"/> away. Called from the last element to the first, so any removed
        /// before it came after it or inside it: the last words left are then the last before it, if its own were.
        /// </summary>
        public void Remove(IElement element)
        {
            var start = _order[element];
            if (_last < 0 || _words[_last] < start || _words[_last] > End(element)) return;
            var before = _words.BinarySearch(start);
            _last = (before >= 0 ? before : ~before) - 1;
        }

        private int End(IElement element) => element.LastChild is null ? _order[element] : _order[element] + element.Descendants().Count();
    }

    private void Blocks(INode parent, List<string> output)
    {
        var inline = new StringBuilder();
        void Flush()
        {
            // Each paragraph its own block: a sign-off or a disclaimer after <br><br> is a block the cleanup can find.
            output.AddRange(Paragraphs(inline.ToString()));
            inline.Clear();
        }
        foreach (var child in parent.ChildNodes)
        {
            if (child is IElement element && (BlockTags.Contains(element.LocalName) || WrapsBlocks(element)))
            {
                Flush();
                Block(element, output);
            }
            else
            {
                inline.Append(Inline(child));
            }
        }
        Flush();
    }

    /// <summary>
    /// Whether an inline element holds blocks: Google Docs wraps a pasted document in one &lt;b&gt;, older mailers wrap
    /// paragraphs and lists in &lt;font&gt; or &lt;span&gt;. Read as inline text, its paragraphs ran together; it is read as
    /// a block of blocks (a link keeps its words as a link).
    /// </summary>
    private static bool WrapsBlocks(IElement element) =>
        element.LocalName != "a" && element.Children.Length > 0 && element.Descendants<IElement>().Any(e => BlockTags.Contains(e.LocalName));

    private void Block(IElement element, List<string> output)
    {
        if (_depth > MaxDepth)
        {
            var flat = Paragraph(MarkdownText.Escape(SingleLine.CollapseWhitespace(element.TextContent)));
            if (flat.Length > 0) output.Add(flat);
            return;
        }
        _depth++;
        try { BlockAtDepth(element, output); }
        finally { _depth--; }
    }

    private void BlockAtDepth(IElement element, List<string> output)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                // The post's title is the page's h1: the email's top heading level becomes h2.
                var level = Math.Clamp(element.LocalName[1] - '0' - _topHeading + 2, 2, 6);
                var heading = Paragraph(InlineChildren(element)).Replace("\\\n", " ");
                if (heading.Length > 0) output.Add(new string('#', level) + " " + heading);
                break;
            // Lists and quotes nested deeper than any real post are flattened, so Markdown's own nesting limit is never reached.
            case "ul" or "ol" or "blockquote" when _containerDepth >= MaxContainerDepth:
                Blocks(element, output);
                break;
            case "ul" or "ol":
                _containerDepth++;
                var items = new List<List<string>>();
                foreach (var child in element.Children)
                {
                    if (child.LocalName == "li")
                    {
                        var inner = new List<string>();
                        Blocks(child, inner);
                        if (inner.Count > 0) items.Add(inner);
                    }
                    else if (items.Count > 0)
                    {
                        // A list (or other block) right inside the list, as mail editors write a sub-list: browsers show
                        // it under the item before it, so it goes there.
                        Block(child, items[^1]);
                    }
                    else
                    {
                        Block(child, output);
                    }
                }
                static string Item(string marker, List<string> blocks)
                {
                    var indent = new string(' ', marker.Length);
                    return marker + string.Join("\n\n", blocks).Replace("\n", "\n" + indent).Replace("\n" + indent + "\n", "\n\n");
                }
                // One block for the whole list, so a list of short items stays a tight list.
                if (items.Count > 0) output.Add(string.Join(items.Any(i => i.Count > 1) ? "\n\n" : "\n", ListMarkers(element, items.Count).Zip(items, Item)));
                _containerDepth--;
                break;
            case "blockquote":
                _containerDepth++;
                var quoted = new List<string>();
                Blocks(element, quoted);
                if (quoted.Count > 0) output.Add(MarkdownText.BlockQuote(quoted));
                _containerDepth--;
                break;
            case "pre":
                var code = element.TextContent.TrimEnd();
                if (code.Length == 0) break;
                // A fence closes at a backtick run as long as itself: it must be longer than any in the code.
                var fence = new string('`', Math.Max(3, LongestBacktickRun(code) + 1));
                output.Add($"{fence}text\n{code}\n{fence}");
                break;
            case "table":
                Table(element, output);
                break;
            case "hr":
                output.Add("---");
                break;
            default:
                Blocks(element, output);
                break;
        }
    }

    /// <summary>
    /// The markers of a list's <paramref name="count"/> items: "- " for bullets; numbers from the list's start (a list
    /// continued after a paragraph, <c>&lt;ol start="4"&gt;</c>, keeps its numbers), in letters or Roman numerals when its
    /// type asks (<c>type="a"</c>, "A", "i", "I"). The site's Markdown reads one letter, a to z, and Roman numerals of
    /// i, v and x, so up to 39; a list beyond those, or of letters starting at i, v or x (read as a Roman numeral), is numbered.
    /// </summary>
    private static IEnumerable<string> ListMarkers(IElement list, int count)
    {
        if (list.LocalName == "ul") return Enumerable.Repeat("- ", count);
        var start = int.TryParse(list.GetAttribute("start"), out var first) && first is >= 0 and < 1_000_000_000 ? first : 1;
        var last = start + count - 1;
        var type = list.GetAttribute("type");
        Func<int, string>? marker = type switch
        {
            "a" or "A" when start >= 1 && last <= 26 && "ivx".IndexOf((char)('a' + start - 1)) < 0 => n => ((char)('a' + n - 1)).ToString(),
            "i" or "I" when start >= 1 && last <= 39 => n => new string('x', n / 10) + RomanUnits[n % 10],
            _ => null,
        };
        return Enumerable.Range(start, count).Select(n => marker is null ? $"{n}. " : (type is "A" or "I" ? marker(n).ToUpperInvariant() : marker(n)) + ". ");
    }

    private static readonly string[] RomanUnits = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];

    /// <summary>How many table cells the conversion is inside.</summary>
    private int _cellDepth;

    private void Table(IElement table, List<string> output)
    {
        // The table's own rows: a table inside a cell is part of that cell, not more rows.
        IEnumerable<IElement> ownRows = table is IHtmlTableElement own ? own.Rows : [];
        var rows = ownRows
            .Select(r => r.Children.Where(c => c.LocalName is "td" or "th").ToList()).Where(r => r.Count > 0).ToList();
        // Layout tables (one column, as newsletters and templates use) hold the post's own blocks: headings, lists, paragraphs.
        if (rows.All(r => r.Count == 1))
        {
            foreach (var row in rows) Blocks(row[0], output);
            return;
        }
        var cells = Grid(rows).Where(r => r.Any(c => c.Length > 0)).ToList();
        if (cells.Count == 0) return;
        // A table inside a cell is read as a line of it: its cells apart by commas, its rows by semicolons.
        if (_cellDepth > 0)
        {
            output.Add(string.Join("; ", cells.Select(r => string.Join(", ", r.Where(c => c.Length > 0)))));
            return;
        }
        // The heading row sets the columns; a shorter row below it is given empty cells by Markdown, so only the heading
        // row is padded (padding every row made a table of one wide row and many short ones quadratic in size).
        var columns = cells.Max(r => r.Count);
        static string Row(IEnumerable<string> row) => "| " + string.Join(" | ", row) + " |";
        var lines = new List<string> { Row(cells[0].Concat(Enumerable.Repeat("", columns - cells[0].Count))), "|" + string.Concat(Enumerable.Repeat(" --- |", columns)) };
        lines.AddRange(cells.Skip(1).Select(Row));
        output.Add(string.Join("\n", lines));
    }

    /// <summary>Columns or rows one cell may span here: enough for any real table, and no more (a span repeats a cell).</summary>
    private const int MaxSpan = 50;

    /// <summary>
    /// The cells' text on the table's grid, as a browser lays them out: a cell spanning columns or rows leaves the other
    /// places it covers empty, so the cells after it stay under their own headings. Spans that would make the table much
    /// bigger than its cells (a broken or hostile table) are not followed.
    /// </summary>
    private List<List<string>> Grid(List<List<IElement>> rows)
    {
        static (int Columns, int Rows) Span(IElement cell, int rowsLeft) => cell is IHtmlTableCellElement spanning
            ? (Math.Clamp(spanning.ColumnSpan, 1, MaxSpan), Math.Clamp(spanning.RowSpan, 1, Math.Min(MaxSpan, rowsLeft)))
            : (1, 1);
        var spans = rows.Select((row, r) => row.Select(cell => Span(cell, rows.Count - r)).ToList()).ToList();
        var followSpans = spans.Sum(row => row.Sum(s => (long)s.Columns * s.Rows)) <= 4L * rows.Sum(r => r.Count) + 1000;
        var grid = rows.Select(_ => new List<string?>()).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            for (var c = 0; c < rows[r].Count; c++)
            {
                // The first place not taken by a cell from a row above.
                while (column < grid[r].Count && grid[r][column] is not null) column++;
                var (columns, spanned) = followSpans ? spans[r][c] : (1, 1);
                var text = Cell(rows[r][c]);
                for (var down = 0; down < spanned; down++)
                {
                    var row = grid[r + down];
                    while (row.Count < column + columns) row.Add(null);
                    for (var across = 0; across < columns; across++) row[column + across] = down == 0 && across == 0 ? text : "";
                }
                column += columns;
            }
        }
        return [.. grid.Select(row => row.Select(c => c ?? "").ToList())];
    }

    /// <summary>
    /// A data table's cell on one line, as a Markdown table needs: its paragraphs, list items and line breaks joined
    /// by spaces (a blank line would end the table), and any cell separator inside it escaped.
    /// </summary>
    private string Cell(IElement cell)
    {
        var blocks = new List<string>();
        _cellDepth++;
        try { Blocks(cell, blocks); }
        finally { _cellDepth--; }
        var line = SingleLine.CollapseWhitespace(string.Join(" ", blocks).Replace("\\\n", " ").Replace('\n', ' ')).Trim();
        return UnescapedPipe().Replace(line, "\\|");
    }

    private string InlineChildren(INode node) => string.Concat(node.ChildNodes.Select(Inline));

    private string Inline(INode node)
    {
        if (_depth > MaxDepth) return MarkdownText.Escape(SingleLine.CollapseWhitespace(node.TextContent));
        _depth++;
        try { return InlineAtDepth(node); }
        finally { _depth--; }
    }

    private string InlineAtDepth(INode node)
    {
        switch (node)
        {
            case IText text:
                return MarkdownText.Escape(SingleLine.CollapseWhitespace(SafeLinks.UnwrapIn(text.Data)));
            case IElement element:
                switch (element.LocalName)
                {
                    case "br":
                        return "\\\n";
                    // Bold inside bold (Word and Outlook nest them freely) adds nothing: one marker pair only.
                    case "strong" or "b":
                        return Emphasised(element, ref _inStrong, "**");
                    case "em" or "i" or "cite":
                        return Emphasised(element, ref _inEmphasis, "*");
                    // Struck-out words ("£40, now free") and a raised or lowered figure (m², 10⁶, H₂O) mean something else written plainly.
                    case "s" or "strike" or "del":
                        return Emphasised(element, ref _inStruck, "~~");
                    case "sup":
                        return Emphasised(element, ref _inRaised, "<sup>", "</sup>");
                    case "sub":
                        return Emphasised(element, ref _inLowered, "<sub>", "</sub>");
                    case "code" or "kbd" or "samp":
                        return CodeSpan(element.TextContent);
                    case "a":
                        // A line break in a label would let a blank line split the link into text.
                        // The sender's address as a label is taken out while its line breaks still join it ("jane@<br>nhs.net").
                        var label = senderAddress.FromText(InlineChildren(element)).Replace("\\\n", " ").Trim();
                        var href = element.GetAttribute("href")?.Trim() is { } written ? SafeLinks.Unwrap(written) : null;
                        if (string.IsNullOrEmpty(href) || !(href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
                            href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
                            return label;
                        if (senderAddress.IsIn(href)) return label;
                        return label.Length == 0 ? "" : $"[{label}](<{LinkDestination(href)}>)";
                    case "img":
                        return Image(element);
                    case "script" or "style" or "head" or "title" or "meta" or "link" or "template" or "noscript":
                        return "";
                    default:
                        return InlineChildren(element);
                }
            default:
                return "";
        }
    }

    /// <summary>
    /// Inline code as a CommonMark code span: on one line (a line break, blank or not, would end the span and let the
    /// rest be read as Markdown and HTML), delimited by a backtick run longer than any inside it.
    /// </summary>
    private static string CodeSpan(string text)
    {
        var code = SingleLine.CollapseWhitespace(text).Trim();
        if (code.Length == 0) return text.Length == 0 ? "" : " ";
        var delimiter = new string('`', LongestBacktickRun(code) + 1);
        // A space either side is stripped by the parser: it keeps a backtick at the edge from joining the delimiter.
        var padding = code[0] == '`' || code[^1] == '`' ? " " : "";
        return delimiter + padding + code + padding + delimiter;
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>
    /// A link target for <c>[label](&lt;…&gt;)</c>: white space, control characters, angle brackets and backslashes
    /// (which would end the target, end the paragraph or escape its closing bracket) are percent-encoded.
    /// </summary>
    private static string LinkDestination(string href)
    {
        var builder = new StringBuilder(href.Length);
        foreach (var c in href)
        {
            // Braces too: "{{" in an address reads as another generator's template tag, which the build refuses (PPN009).
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '\\' or '{' or '}')
                foreach (var b in Encoding.UTF8.GetBytes([c])) builder.Append('%').Append(b.ToString("X2"));
            // Markdown reads "&copy;" in a destination as © (Markdig even after a backslash): as an entity, an ampersand stays one.
            else if (c == '&')
                builder.Append("&amp;");
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private string Image(IElement image)
    {
        var source = image.GetAttribute("src") ?? "";
        var file = imageFor(source);
        if (file is null) return "";
        var alt = SingleLine.CollapseWhitespace(image.GetAttribute("alt") ?? image.GetAttribute("title") ?? "").Trim();
        // Outlook fills alt with the file name when the author gave none: that is not a description. Its own guess at one
        // ends "Description automatically generated", which is no part of what the picture shows.
        if (alt.Contains('.') && !alt.Contains(' ')) alt = "";
        alt = GeneratedDescription().Replace(alt, "").Trim();
        alt = senderAddress.FromText(alt);
        _images.Add((file, alt));
        return $"![{MarkdownText.Escape(alt)}]({file})";
    }

    private string Emphasised(IElement element, ref bool inside, string marker, string? closing = null)
    {
        if (inside) return InlineChildren(element);
        inside = true;
        try
        {
            var wordBefore = IsWordCharacter(Beside(element, n => n.PreviousSibling)?.TextContent is [.., var before] ? before : null);
            var wordAfter = IsWordCharacter(Beside(element, n => n.NextSibling)?.TextContent is [var after, ..] ? after : null);
            // Emphasis across a blank line of line breaks (<b>a<br><br>b</b>) would be split by the paragraph break with a
            // marker left open on each side, shown as asterisks: each paragraph gets its own pair.
            var paragraphs = ParagraphBreak().Split(InlineChildren(element));
            return string.Concat(paragraphs.Select((part, i) => i % 2 == 1 ? part
                : Wrap(part, marker, closing ?? marker, i == 0 && wordBefore, i == paragraphs.Length - 1 && wordAfter)));
        }
        finally { inside = false; }
    }

    /// <summary>A blank line made of Markdown hard breaks, kept by the split that finds it.</summary>
    [GeneratedRegex(@"((?<!\\)\\\n[ \t]*(?:\\\n[ \t]*)+)")]
    private static partial Regex ParagraphBreak();

    /// <summary>The node next to <paramref name="element"/> in the text (<paramref name="step"/>: before or after), past the ends of the inline elements around it.</summary>
    private static INode? Beside(IElement element, Func<INode, INode?> step)
    {
        for (INode? node = element; node is not null; node = node.Parent)
        {
            if (step(node) is { } beside) return beside;
            if (node.Parent is not IElement { LocalName: var name } || BlockTags.Contains(name)) return null;
        }
        return null;
    }

    /// <summary>
    /// Wraps <paramref name="inner"/> in <paramref name="marker"/> and <paramref name="closing"/>. Markdown reads
    /// "*(we think)*worth" as asterisks: a marker between punctuation and a letter neither opens nor closes. So
    /// punctuation at an end next to a word outside goes outside the markers ("(*we think*)worth"), which reads the same;
    /// HTML's tags ("&lt;sup&gt;") open and close wherever they are.
    /// </summary>
    private static string Wrap(string inner, string marker, string closing, bool wordBefore, bool wordAfter)
    {
        // White space and line breaks at the ends stay outside the markers: "**bold\\**" would escape the closing one.
        var lead = 0;
        while (lead < inner.Length && (char.IsWhiteSpace(inner[lead]) || IsHardBreak(inner, lead))) lead += IsHardBreak(inner, lead) ? 2 : 1;
        var end = inner.Length;
        while (end > lead && char.IsWhiteSpace(inner[end - 1])) end -= end - 2 >= lead && IsHardBreak(inner, end - 2) ? 2 : 1;
        var trail = inner.Length - end;
        var trimmed = inner[lead..end];
        if (trimmed.Length == 0) return inner;
        // Both ends go out together, so a quoted word keeps its quotes as a pair ("the “**NHS**”way").
        var move = marker[0] != '<' && (wordBefore && lead == 0 && LeadingPunctuation(trimmed) > 0 || wordAfter && trail == 0 && TrailingPunctuation(trimmed) > 0);
        var before = move ? LeadingPunctuation(trimmed) : 0;
        var after = move ? TrailingPunctuation(trimmed[before..]) : 0;
        if (before + after >= trimmed.Length) return inner[..lead] + marker + trimmed + closing + inner[(inner.Length - trail)..];
        return inner[..lead] + trimmed[..before] + marker + trimmed[before..^after] + closing + trimmed[^after..] + inner[(inner.Length - trail)..];
    }

    /// <summary>Whether a Markdown hard break ("\\" and a line break) starts at <paramref name="at"/>: a backslash not itself escaped.</summary>
    private static bool IsHardBreak(string text, int at)
    {
        if (at + 1 >= text.Length || text[at] != '\\' || text[at + 1] != '\n') return false;
        var backslashes = 1;
        while (at - backslashes >= 0 && text[at - backslashes] == '\\') backslashes++;
        return backslashes % 2 == 1;
    }

    private static bool IsWordCharacter(char? c) => c is { } letter && char.IsLetterOrDigit(letter);

    /// <summary>Opening quotes and brackets at the start of <paramref name="text"/> (not Markdown's own syntax: a link's '[', an image's '!').</summary>
    private static int LeadingPunctuation(string text) => text.Length - text.TrimStart("“‘\"'(¡¿（「『【").Length;

    /// <summary>Closing punctuation at the end of <paramref name="text"/>, short of Markdown's own syntax (a link's "&gt;)", a code span's '`').</summary>
    private static int TrailingPunctuation(string text)
    {
        var end = text.Length;
        while (end > 0 && ".,;:!?”’\"')：；，。！？）」』】".Contains(text[end - 1]) && !(text[end - 1] == ')' && end > 1 && text[end - 2] == '>')) end--;
        return text.Length - end;
    }

    /// <summary>
    /// Joins emphasis Word and Outlook split into runs (<c>&lt;b&gt;findings&lt;/b&gt;&lt;b&gt;:&lt;/b&gt;</c>): written as
    /// two, "**findings****:**" shows its asterisks.
    /// </summary>
    private static void MergeSplitEmphasis(IHtmlDocument document)
    {
        static bool Strong(IElement e) => e.LocalName is "b" or "strong";
        static bool Emphasis(IElement e) => e.LocalName is "i" or "em" or "cite";
        foreach (var element in document.QuerySelectorAll("b, strong, i, em, cite").ToList())
        {
            if (element.Parent is null) continue;
            while (element.NextSibling is IElement next && (Strong(element) && Strong(next) || Emphasis(element) && Emphasis(next)))
            {
                while (next.FirstChild is { } child) element.AppendChild(child);
                next.Remove();
            }
        }
    }

    /// <summary>Tidies a paragraph's inline Markdown: spaces collapsed, no space around hard breaks, block syntax escaped.</summary>
    private static string Paragraph(string inline) => string.Join("\n\n", Paragraphs(inline));

    /// <summary>The paragraphs of inline Markdown: a blank line made of line breaks (<c>&lt;br&gt;&lt;br&gt;</c>, as some mailers write paragraphs) starts a new one.</summary>
    private static IEnumerable<string> Paragraphs(string inline)
    {
        var groups = new List<List<string>> { new() };
        foreach (var line in inline.Split("\\\n").Select(l => l.Trim()))
        {
            if (line.Length == 0) groups.Add([]);
            else groups[^1].Add(MarkdownText.EscapeLineStart(line.Replace("  ", " ")));
        }
        return groups.Where(g => g.Count > 0).Select(g => string.Join("\\\n", g));
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"(^|;)\s*font-weight\s*:\s*(normal|[1-4]00)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NormalWeight();

    [GeneratedRegex(@"(^|;)\s*font-weight\s*:\s*(bold|bolder|[6-9]00)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BoldStyle();

    [GeneratedRegex(@"(^|;)\s*font-style\s*:\s*(italic|oblique)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItalicStyle();

    [GeneratedRegex(@"(^|;)\s*text-decoration(-line)?\s*:[^;]*\bline-through\b", RegexOptions.IgnoreCase)]
    private static partial Regex StruckStyle();

    [GeneratedRegex(@"(^|;)\s*vertical-align\s*:\s*((?<super>super)|sub)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerticalAlign();
}
