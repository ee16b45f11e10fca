using System.Buffers;
using System.Net;
using System.Text;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.SmartyPants;
using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Generator.Markdown;

namespace PPNBlog.Generator.Html;

/// <summary>
/// The HTML stage for a body whose HTML is Markdig's alone (no raw HTML in the Markdown), made while Markdig's tree is
/// written: its renderers make the <see cref="BodyEdits"/> as they write each element, write the page as the DOM way
/// serialises it (AngleSharp's escaping, <c>&lt;br&gt;</c> for <c>&lt;br /&gt;</c>, references as characters), and
/// hand its text to the word count and the excerpt as they write it. Reading the written HTML again, token by token,
/// was a seventh of a 10,000-post build's CPU time.
/// </summary>
/// <remarks>
/// Wherever the HTML parser would build another tree from what Markdig writes (a link inside a link, a grid table's
/// <c>&lt;col&gt;</c> straight in its table, a NUL) or the tree holds a node these renderers do not know,
/// <see cref="TryProcess"/> returns null and the body goes the DOM way: the result is the same either way, which the
/// tests check on real and generated posts.
/// </remarks>
public sealed class SyntaxTreeRewriter(BodyEdits edits)
{
    /// <summary>Each thread's renderer, its renderers set up once; made again after a body it declined or failed on.</summary>
    [ThreadStatic]
    private static HtmlRenderer? t_renderer;

    /// <summary>The processed body, or null when the tree holds what only the DOM way writes as the page will read.</summary>
    public ProcessedHtml? TryProcess(MarkdownDocument document, DocumentContext context)
    {
        var renderer = t_renderer ??= BodyWriter.NewRenderer();
        var body = (BodyWriter)renderer.Writer;
        // A line written and taken back: the renderer starts the body as at the start of a line, whatever came before.
        renderer.WriteLine();
        body.Start(edits, context);
        try
        {
            renderer.Render(document);
        }
        catch
        {
            t_renderer = null;
            throw;
        }
        if (!body.Declined) return body.Finish();
        t_renderer = null;
        return null;
    }

    /// <summary>
    /// Appends <paramref name="text"/> escaped as AngleSharp's HTML serialiser escapes it (&amp; &lt; &gt; and the
    /// no-break space; in attributes also &quot;), which a test checks for every character. Its own methods take a
    /// shared, locked StringBuilder pool on every call: under parallel rendering that cost more than the whole stage.
    /// </summary>
    public static void AppendEscaped(StringBuilder output, ReadOnlySpan<char> text, bool inAttribute)
    {
        var special = inAttribute ? AttributeSpecials : TextSpecials;
        while (text.IndexOfAny(special) is var i and >= 0)
        {
            output.Append(text[..i]).Append(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&nbsp;",
            });
            text = text[(i + 1)..];
        }
        output.Append(text);
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\u00a0");

    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\u00a0");

    /// <summary>
    /// The writer under the renderer: what Markdig's own renderers write through it is markup, each line break in it
    /// text (the parser makes one a text node); what ours write as text is escaped, counted and kept for the excerpt.
    /// </summary>
    private sealed class BodyWriter : TextWriter
    {
        public StringBuilder Output { get; } = new();

        public bool Declined { get; private set; }

        private BodyEdits _edits = null!;
        private DocumentContext _context = null!;
        private List<RemovedHtml> _removed = [];
        private List<string>? _ids;
        private WordCounter _words;
        private readonly StringBuilder _opening = new();
        private StringBuilder? _paragraph;
        private bool _inParagraph;
        private bool _text;
        private bool _afterCarriageReturn;

        /// <summary>An image's alt text while its children are written (Markdig writes them as text into the attribute).</summary>
        private StringBuilder? _capture;
        private readonly StringBuilder _alt = new();

        /// <summary>The start tag being made, reused element after element.</summary>
        public Attributes Tag { get; } = new();

        public bool InLink { get; set; }
        public bool InFootnoteReference { get; set; }
        public bool InFootnotes { get; set; }
        public int FencedDivs { get; set; }

        public override Encoding Encoding => Encoding.Unicode;

        public BodyWriter() => NewLine = "\n";

        /// <summary>A renderer set up as the pipeline sets up Markdig's, our renderers in place of those that write text or edited elements.</summary>
        public static HtmlRenderer NewRenderer()
        {
            var renderer = new HtmlRenderer(new BodyWriter());
            MarkdownRenderer.Pipeline.Setup(renderer);
            var renderers = renderer.ObjectRenderers;
            // The pipeline's settings these renderers write as Markdig's would: anything else would write another page.
            var links = renderers.FindExact<LinkInlineRenderer>();
            var autolinks = renderers.FindExact<AutolinkInlineRenderer>();
            if (links is null || !string.IsNullOrEmpty(links.Rel) || !string.IsNullOrEmpty(autolinks?.Rel))
                throw new InvalidOperationException("the pipeline's links have a rel the syntax tree's renderers do not write");
            var footnoteLinks = renderers.FindExact<HtmlFootnoteLinkRenderer>()!;
            var settings = new Settings(
                renderers.FindExact<CodeBlockRenderer>()?.BlocksAsDiv ?? [],
                renderers.FindExact<HtmlFootnoteGroupRenderer>()!.GroupClass,
                footnoteLinks.FootnoteLinkClass, footnoteLinks.FootnoteBackLinkClass, WebUtility.HtmlDecode(footnoteLinks.BackLinkString),
                MarkdownRenderer.Pipeline.Extensions.Find<SmartyPantsExtension>()?.Options.Mapping.ToDictionary(r => r.Key, r => WebUtility.HtmlDecode(r.Value)) ?? []);
            // Markdig's renderers that write only tags (no text, no attribute but their own) stay.
            var kept = renderers.Where(r => r is QuoteBlockRenderer or ListRenderer or EmphasisInlineRenderer or HtmlFigureRenderer or HtmlFigureCaptionRenderer).ToList();
            renderers.Clear();
            renderers.AddRange([
                new ParagraphWriter(), new HeadingWriter(), new CodeBlockWriter(settings), new ThematicBreakWriter(), new TableWriter(),
                new FootnoteGroupWriter(settings), new FencedDivWriter(),
                new LiteralWriter(), new CodeInlineWriter(), new EntityWriter(), new SmartyPantWriter(settings), new DelimiterWriter(),
                new LineBreakWriter(), new LinkWriter(), new AutolinkWriter(), new FootnoteLinkWriter(settings),
            ]);
            renderers.AddRange(kept);
            renderers.Add(new OtherNodes());
            return renderer;
        }

        public void Start(BodyEdits edits, DocumentContext context)
        {
            (_edits, _context) = (edits, context);
            Output.Clear();
            _removed = [];
            _ids = null;
            _words = new WordCounter();
            _opening.Clear();
            _paragraph = null;
            _capture = null;
            (_inParagraph, _text, _afterCarriageReturn, Declined) = (false, false, false, false);
            (InLink, InFootnoteReference, InFootnotes, FencedDivs) = (false, false, false, 0);
        }

        public ProcessedHtml Finish() =>
            new(Output.ToString(), BodyEdits.Excerpt(_paragraph?.ToString() ?? _opening.ToString()), _words.Count, _removed) { Ids = _ids ?? [] };

        public void Decline() => Declined = true;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> chars)
        {
            if (_text)
            {
                AddText(chars);
                return;
            }
            // Markup: a line break between tags is a text node of the element around them, as the parser reads it.
            while (!chars.IsEmpty)
            {
                var lineBreak = chars.IndexOf('\n');
                var markup = lineBreak < 0 ? chars : chars[..lineBreak];
                if (!markup.IsEmpty)
                {
                    // Inside an attribute Markdig writes text, never a tag.
                    if (_capture is not null) Decline();
                    Output.Append(markup);
                    _afterCarriageReturn = false;
                }
                if (lineBreak < 0) break;
                AddText("\n");
                chars = chars[(lineBreak + 1)..];
            }
        }

        /// <summary>Writes <paramref name="text"/> through the renderer (which so knows the line is not empty), as text.</summary>
        public void Text(HtmlRenderer renderer, ReadOnlySpan<char> text)
        {
            _text = true;
            renderer.Write(text);
            _text = false;
        }

        private void AddText(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty) return;
            // The parser reads a NUL otherwise in text and in attributes: the DOM way writes what it makes of it.
            if (text.Contains('\0')) Decline();
            if (_afterCarriageReturn && text[0] == '\n') text = text[1..];
            _afterCarriageReturn = false;
            if (text.Contains('\r'))
            {
                _afterCarriageReturn = text[^1] == '\r';
                text = NormalizeLineBreaks(text);
            }
            if (_capture is not null)
            {
                _capture.Append(text);
                return;
            }
            _words.Add(text);
            if (_inParagraph && !InFootnoteReference) _paragraph!.Append(text);
            if (!InFootnoteReference && !InFootnotes && (_paragraph is null || _inParagraph)) _opening.Append(text);
            AppendEscaped(Output, text, inAttribute: false);
        }

        /// <summary>Line breaks as the parser reads them: CR LF and CR alone are LF.</summary>
        private static string NormalizeLineBreaks(ReadOnlySpan<char> text) =>
            text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        /// <summary>Starts an image's alt text: what its children write until <see cref="EndAlt"/>.</summary>
        public void StartAlt()
        {
            _alt.Clear();
            _capture = _alt;
            _afterCarriageReturn = false;
        }

        public string EndAlt()
        {
            _capture = null;
            _afterCarriageReturn = false;
            return _alt.ToString();
        }

        public bool InAlt => _capture is not null;

        /// <summary>A paragraph begins: the first with words (outside the notes and fenced divs) is the excerpt.</summary>
        public void StartParagraph()
        {
            if (_paragraph is not null || InFootnotes || FencedDivs > 0) return;
            _paragraph = new StringBuilder();
            _inParagraph = true;
        }

        public void EndParagraph()
        {
            if (!_inParagraph) return;
            _inParagraph = false;
            // A paragraph without words (a picture alone) is not the excerpt: the next one may be.
            if (string.IsNullOrWhiteSpace(_paragraph!.ToString())) _paragraph = null;
        }

        /// <summary>Writes the start tag of <paramref name="name"/> with <see cref="Tag"/>'s attributes, as AngleSharp serialises it.</summary>
        public void StartTag(HtmlRenderer renderer, string name)
        {
            if (_capture is not null || Tag.HasDuplicates) Decline();
            if (Tag.Get("id") is { } id) (_ids ??= []).Add(id);
            Output.Append('<').Append(name);
            foreach (var (attribute, value) in Tag.List)
            {
                Output.Append(' ').Append(attribute).Append("=\"");
                if (value.AsSpan().ContainsAny('\r', '\0'))
                {
                    if (value.Contains('\0', StringComparison.Ordinal)) Decline();
                    AppendEscaped(Output, NormalizeLineBreaks(value), inAttribute: true);
                }
                else AppendEscaped(Output, value, inAttribute: true);
                Output.Append('"');
            }
            // Through the renderer: it so knows the line is not empty.
            renderer.Write('>');
        }

        /// <summary>Writes a start tag with the given attributes alone.</summary>
        public void StartTag(HtmlRenderer renderer, string name, IEnumerable<(string Name, string Value)> attributes)
        {
            Tag.Clear();
            foreach (var (attribute, value) in attributes) Tag.Set(attribute, value);
            StartTag(renderer, name);
        }

        /// <summary>
        /// Makes the link edit on <see cref="Tag"/>'s <paramref name="attribute"/>: the URL published, an unsafe one
        /// removed (and told), a link to another site marked.
        /// </summary>
        public void EditLink(string element, string attribute)
        {
            if (Tag.Get(attribute) is not { } url) return;
            var edit = _edits.EditLink(url, isAnchor: element == "a", _context);
            if (edit.Removed is { } scheme)
            {
                Tag.Remove(attribute);
                _removed.Add(BodyEdits.RemovedAddress(scheme, attribute, element));
                return;
            }
            if (edit.NewValue is not null) Tag.Set(attribute, edit.NewValue);
            if (!edit.External) return;
            // The DOM way adds the class to a class already there, which Markdig's links do not have.
            if (Tag.Get("class") is not null) Decline();
            Tag.Set("rel", BodyEdits.ExternalRel);
            Tag.Set("class", BodyEdits.ExternalClass);
        }

        /// <summary>A picture's edits on <see cref="Tag"/>: its size when it is a local file, its published address, lazy loading.</summary>
        public void EditImage()
        {
            if (Tag.Get("width") is null && Tag.Get("height") is null && Tag.Get("src") is { } src
                && BodyEdits.ImageSize(src, _context) is var (width, height))
            {
                Tag.Set("width", width);
                Tag.Set("height", height);
            }
            EditLink("img", "src");
            Tag.Set("loading", "lazy");
            Tag.Set("decoding", "async");
        }
    }

    /// <summary>What the pipeline's renderers are set to write, read from them once.</summary>
    private sealed record Settings(ICollection<string> CodeBlocksAsDiv, string FootnotesClass, string FootnoteLinkClass, string BackLinkClass,
        string BackLink, Dictionary<SmartyPantType, string> Pants);

    /// <summary>A start tag's attributes in order, changed as AngleSharp's SetAttribute and RemoveAttribute change them.</summary>
    private sealed class Attributes
    {
        public List<(string Name, string Value)> List { get; } = [];

        public bool HasDuplicates { get; private set; }

        public void Clear()
        {
            List.Clear();
            HasDuplicates = false;
        }

        /// <summary>Adds the attributes as Markdig writes them (id, classes, then the others; one without a value as empty).</summary>
        public void Add(HtmlAttributes? attributes)
        {
            if (attributes is null) return;
            if (attributes.Id is { } id) Add("id", id);
            if (attributes.Classes is { Count: > 0 } classes) Add("class", string.Join(' ', classes));
            foreach (var property in attributes.Properties ?? []) Add(property.Key, property.Value ?? "");
        }

        /// <summary>Adds an attribute as written; a second of a name is the parser's to drop, so the DOM way's.</summary>
        public void Add(string name, string value)
        {
            if (Get(name) is not null) HasDuplicates = true;
            List.Add((name, value));
        }

        public string? Get(string name)
        {
            foreach (var (attribute, value) in List)
                if (attribute == name) return value;
            return null;
        }

        public void Set(string name, string value)
        {
            var i = List.FindIndex(a => a.Name == name);
            if (i >= 0) List[i] = (name, value);
            else List.Add((name, value));
        }

        public void Remove(string name) => List.RemoveAll(a => a.Name == name);
    }

    private static BodyWriter Body(HtmlRenderer renderer) => (BodyWriter)renderer.Writer;

    /// <summary>
    /// A URL as Markdig writes it in an attribute (its WriteEscapeUrl: some ASCII characters and all others
    /// percent-encoded), as the parser reads it back (references decoded).
    /// </summary>
    private static string MarkdigUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        StringBuilder? written = null;
        var from = 0;
        Span<byte> bytes = stackalloc byte[8];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            string? escape = null;
            var length = 1;
            if (c < 128)
            {
                if (HtmlHelper.EscapeUrlCharacter(c) is not { } ascii) continue;
                escape = ascii.StartsWith('&') ? WebUtility.HtmlDecode(ascii) : ascii;
            }
            else
            {
                length = char.IsSurrogate(c) && i + 1 < url.Length ? 2 : 1;
                var count = Encoding.UTF8.GetBytes(url.AsSpan(i, length), bytes);
                var percents = new StringBuilder(count * 3);
                foreach (var b in bytes[..count]) percents.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                escape = percents.ToString();
            }
            written ??= new StringBuilder(url.Length + 16);
            written.Append(url, from, i - from).Append(escape);
            i += length - 1;
            from = i + 1;
        }
        return written is null ? url : written.Append(url, from, url.Length - from).ToString();
    }

    private sealed class ParagraphWriter : HtmlObjectRenderer<ParagraphBlock>
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            var body = Body(renderer);
            var tags = !renderer.ImplicitParagraph;
            if (tags)
            {
                if (!renderer.IsFirstInContainer) renderer.EnsureLine();
                body.Tag.Clear();
                body.Tag.Add(paragraph.TryGetAttributes());
                body.StartTag(renderer, "p");
                body.StartParagraph();
            }
            renderer.WriteLeafInline(paragraph);
            if (!tags) return;
            body.EndParagraph();
            renderer.WriteLine("</p>");
        }
    }

    private sealed class HeadingWriter : HtmlObjectRenderer<HeadingBlock>
    {
        private static readonly string[] Names = ["h1", "h2", "h3", "h4", "h5", "h6"];

        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            var body = Body(renderer);
            if (heading.Level is < 1 or > 6) body.Decline();
            var name = Names[Math.Clamp(heading.Level, 1, 6) - 1];
            body.Tag.Clear();
            body.Tag.Add(heading.TryGetAttributes());
            var id = heading.Level is >= 2 and <= 4 ? body.Tag.Get("id") : null;
            body.StartTag(renderer, name);
            renderer.WriteLeafInline(heading);
            if (id is not null)
            {
                body.StartTag(renderer, "a", BodyEdits.HeadingAnchorAttributes(id));
                renderer.Write("</a>");
            }
            renderer.Write("</").Write(name).WriteLine(">");
            renderer.EnsureLine();
        }
    }

    private sealed class CodeBlockWriter(Settings settings) : HtmlObjectRenderer<CodeBlock>
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock code)
        {
            var body = Body(renderer);
            renderer.EnsureLine();
            // Markdig writes a diagram's block (mermaid) as a div.
            if (code is FencedCodeBlock { Info: { } info } && settings.CodeBlocksAsDiv.Contains(info)) body.Decline();
            body.StartTag(renderer, "pre", [BodyEdits.CodeBlockFocus]);
            body.Tag.Clear();
            body.Tag.Add(code.TryGetAttributes());
            body.StartTag(renderer, "code");
            var lines = code.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                body.Text(renderer, lines.Lines[i].Slice.AsSpan());
                renderer.WriteLine();
            }
            renderer.WriteLine("</code></pre>");
        }
    }

    private sealed class ThematicBreakWriter : HtmlObjectRenderer<ThematicBreakBlock>
    {
        protected override void Write(HtmlRenderer renderer, ThematicBreakBlock line)
        {
            var body = Body(renderer);
            body.Tag.Clear();
            body.Tag.Add(line.TryGetAttributes());
            body.StartTag(renderer, "hr");
            renderer.WriteLine();
        }
    }

    /// <summary>Markdig's table, in the NHS.UK style: in its scrolling region, cells aligned by class.</summary>
    private sealed class TableWriter : HtmlObjectRenderer<Table>
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            var body = Body(renderer);
            renderer.EnsureLine();
            // A grid table's column widths are <col> elements straight in the table, which the parser puts in a <colgroup>.
            if (table.ColumnDefinitions.Exists(c => c.Width != 0.0f && c.Width != 1.0f)) body.Decline();
            body.StartTag(renderer, "div", BodyEdits.TableWrapper);
            body.Tag.Clear();
            body.Tag.Add(table.TryGetAttributes());
            if (body.Tag.Get("class") is not null) body.Decline();
            body.Tag.Set("class", BodyEdits.TableClass);
            body.StartTag(renderer, "table");
            renderer.WriteLine();
            var (header, rows) = (false, false);
            foreach (var block in table)
            {
                var row = (TableRow)block;
                if (row.IsHeader)
                {
                    if (!header) renderer.WriteLine("<thead>");
                    header = true;
                }
                else if (!rows)
                {
                    if (header) renderer.WriteLine("</thead>");
                    header = false;
                    renderer.WriteLine("<tbody>");
                    rows = true;
                }
                body.Tag.Clear();
                body.Tag.Add(row.TryGetAttributes());
                body.StartTag(renderer, "tr");
                renderer.WriteLine();
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    renderer.EnsureLine();
                    if (cell.ColumnSpan != 1 || cell.RowSpan != 1) body.Decline();
                    body.Tag.Clear();
                    if (table.ColumnDefinitions.Count > 0)
                    {
                        var column = cell.ColumnIndex < 0 || cell.ColumnIndex >= table.ColumnDefinitions.Count ? i : cell.ColumnIndex;
                        column = Math.Min(column, table.ColumnDefinitions.Count - 1);
                        if (table.ColumnDefinitions[column].Alignment is { } alignment)
                            body.Tag.Add("style", alignment switch
                            {
                                TableColumnAlign.Center => "text-align: center;",
                                TableColumnAlign.Right => "text-align: right;",
                                _ => "text-align: left;",
                            });
                    }
                    body.Tag.Add(cell.TryGetAttributes());
                    if (BodyEdits.AlignmentClass(body.Tag.Get("style")) is { } alignmentClass)
                    {
                        if (body.Tag.Get("class") is not null) body.Decline();
                        body.Tag.Remove("style");
                        body.Tag.Set("class", alignmentClass);
                    }
                    var name = row.IsHeader ? "th" : "td";
                    body.StartTag(renderer, name);
                    var implicitParagraph = renderer.ImplicitParagraph;
                    if (cell.Count == 1) renderer.ImplicitParagraph = true;
                    renderer.Write(cell);
                    renderer.ImplicitParagraph = implicitParagraph;
                    renderer.Write("</").Write(name).WriteLine(">");
                }
                renderer.WriteLine("</tr>");
            }
            if (rows) renderer.WriteLine("</tbody>");
            else if (header) renderer.WriteLine("</thead>");
            renderer.WriteLine("</table></div>");
        }
    }

    /// <summary>The notes at the end: no part of the excerpt.</summary>
    private sealed class FootnoteGroupWriter(Settings settings) : HtmlObjectRenderer<FootnoteGroup>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteGroup notes)
        {
            var body = Body(renderer);
            renderer.EnsureLine();
            body.StartTag(renderer, "div", [("class", settings.FootnotesClass)]);
            body.InFootnotes = true;
            renderer.WriteLine();
            body.StartTag(renderer, "hr", []);
            renderer.WriteLine();
            renderer.WriteLine("<ol>");
            foreach (var block in notes)
            {
                var note = (Footnote)block;
                body.StartTag(renderer, "li", [("id", $"fn:{note.Order}")]);
                renderer.WriteLine();
                renderer.WriteChildren(note);
                renderer.WriteLine("</li>");
            }
            renderer.WriteLine("</ol>");
            renderer.Write("</div>");
            body.InFootnotes = false;
            renderer.WriteLine();
        }
    }

    /// <summary>Pandoc's fenced div (<see cref="PandocMarkup"/>): its words are no excerpt.</summary>
    private sealed class FencedDivWriter : HtmlObjectRenderer<Markdig.Extensions.CustomContainers.CustomContainer>
    {
        protected override void Write(HtmlRenderer renderer, Markdig.Extensions.CustomContainers.CustomContainer div)
        {
            var body = Body(renderer);
            renderer.EnsureLine();
            body.StartTag(renderer, "div", [("class", BodyEdits.FencedDivClass)]);
            body.FencedDivs++;
            renderer.WriteLine();
            if (PandocMarkup.TitleOf(div) is { } title)
            {
                renderer.Write("<p><strong>");
                body.Text(renderer, title);
                renderer.WriteLine("</strong></p>");
            }
            renderer.WriteChildren(div);
            renderer.Write("</div>");
            body.FencedDivs--;
            renderer.WriteLine();
        }
    }

    private sealed class LiteralWriter : HtmlObjectRenderer<LiteralInline>
    {
        protected override void Write(HtmlRenderer renderer, LiteralInline literal) => Body(renderer).Text(renderer, literal.Content.AsSpan());
    }

    private sealed class CodeInlineWriter : HtmlObjectRenderer<CodeInline>
    {
        protected override void Write(HtmlRenderer renderer, CodeInline code)
        {
            var body = Body(renderer);
            if (!renderer.EnableHtmlForInline)
            {
                body.Text(renderer, code.Content);
                return;
            }
            body.Tag.Clear();
            body.Tag.Add(code.TryGetAttributes());
            body.StartTag(renderer, "code");
            body.Text(renderer, code.Content);
            renderer.Write("</code>");
        }
    }

    private sealed class EntityWriter : HtmlObjectRenderer<HtmlEntityInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlEntityInline entity) => Body(renderer).Text(renderer, entity.Transcoded.AsSpan());
    }

    /// <summary>Typographic quotes and dashes: Markdig writes them as references, which the parser reads as their characters.</summary>
    private sealed class SmartyPantWriter(Settings settings) : HtmlObjectRenderer<SmartyPant>
    {
        protected override void Write(HtmlRenderer renderer, SmartyPant pant)
        {
            if (settings.Pants.TryGetValue(pant.Type, out var text)) Body(renderer).Text(renderer, text);
            else Body(renderer).Decline();
        }
    }

    private sealed class DelimiterWriter : HtmlObjectRenderer<DelimiterInline>
    {
        protected override void Write(HtmlRenderer renderer, DelimiterInline delimiter)
        {
            Body(renderer).Text(renderer, delimiter.ToLiteral());
            renderer.WriteChildren(delimiter);
        }
    }

    private sealed class LineBreakWriter : HtmlObjectRenderer<LineBreakInline>
    {
        protected override void Write(HtmlRenderer renderer, LineBreakInline lineBreak)
        {
            // Markdig writes none for a line break that ends its container (a link's text, say).
            if (renderer.IsLastInContainer) return;
            if (renderer.EnableHtmlForInline && lineBreak.IsHard)
            {
                Body(renderer).StartTag(renderer, "br", []);
                renderer.WriteLine();
            }
            renderer.EnsureLine();
        }
    }

    /// <summary>Links, pictures and embedded players, edited as they are written.</summary>
    private sealed class LinkWriter : HtmlObjectRenderer<LinkInline>
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            var body = Body(renderer);
            var url = link.GetDynamicUrl is not null ? link.GetDynamicUrl() ?? link.Url : link.Url;
            if (link.IsImage && link.Url is not null)
            {
                switch (MarkdownRenderer.EmbedOf(link.Url, out var player))
                {
                    case EmbedKind.Player:
                        WritePlayer(renderer, body, link, player!.Value);
                        return;
                    case EmbedKind.MediaFile:
                        // Markdig writes a <video> or <audio> with a <source>, which only the DOM way knows.
                        body.Decline();
                        return;
                }
            }
            if (!renderer.EnableHtmlForInline)
            {
                renderer.WriteChildren(link);
                return;
            }
            if (link.IsImage)
            {
                body.StartAlt();
                renderer.EnableHtmlForInline = false;
                renderer.WriteChildren(link);
                renderer.EnableHtmlForInline = true;
                var alt = body.EndAlt();
                body.Tag.Clear();
                body.Tag.Add("src", MarkdigUrl(url));
                body.Tag.Add(link.TryGetAttributes());
                body.Tag.Add("alt", alt);
                if (!string.IsNullOrEmpty(link.Title)) body.Tag.Add("title", link.Title);
                body.EditImage();
                body.StartTag(renderer, "img");
                return;
            }
            // A bare address's characters beyond ASCII are written otherwise (an invisible one is left out).
            if (body.InLink || (link.IsAutoLink && !Ascii.IsValid(url ?? ""))) body.Decline();
            body.Tag.Clear();
            body.Tag.Add("href", MarkdigUrl(url));
            body.Tag.Add(link.TryGetAttributes());
            if (!string.IsNullOrEmpty(link.Title)) body.Tag.Add("title", link.Title);
            body.EditLink("a", "href");
            body.StartTag(renderer, "a");
            body.InLink = true;
            renderer.WriteChildren(link);
            body.InLink = false;
            renderer.Write("</a>");
        }

        /// <summary>A recording's player, as the media links extension writes it, lazy, named, in its wrapper.</summary>
        private static void WritePlayer(HtmlRenderer renderer, BodyWriter body, LinkInline link, Player player)
        {
            if (!renderer.EnableHtmlForInline || body.InAlt)
            {
                body.Decline();
                return;
            }
            body.StartTag(renderer, BodyEdits.EmbedWrapper, [("class", BodyEdits.EmbedClass)]);
            var attributes = new HtmlAttributes();
            link.TryGetAttributes()?.CopyTo(attributes, false, false);
            if (!string.IsNullOrEmpty(player.Width)) attributes.AddPropertyIfNotExist("width", player.Width);
            if (!string.IsNullOrEmpty(player.Height)) attributes.AddPropertyIfNotExist("height", player.Height);
            if (!string.IsNullOrEmpty(player.OptionsClass)) attributes.AddClass(player.OptionsClass);
            if (player.Provider.Class is { Length: > 0 } providerClass) attributes.AddClass(providerClass);
            attributes.AddPropertyIfNotExist("frameborder", "0");
            if (player.Provider.AllowFullScreen) attributes.AddPropertyIfNotExist("allowfullscreen", null);
            body.Tag.Clear();
            body.Tag.Add("src", MarkdigUrl(player.Address));
            body.Tag.Add(attributes);
            body.Tag.Set("loading", "lazy");
            if (string.IsNullOrWhiteSpace(body.Tag.Get("title"))) body.Tag.Set("title", BodyEdits.EmbedTitle);
            body.Tag.Remove("frameborder");
            body.StartTag(renderer, "iframe");
            renderer.Write("</iframe></").Write(BodyEdits.EmbedWrapper).Write(">");
        }
    }

    /// <summary>A link written in angle brackets (<c>&lt;https://…&gt;</c>, <c>&lt;a@b.org&gt;</c>).</summary>
    private sealed class AutolinkWriter : HtmlObjectRenderer<AutolinkInline>
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline link)
        {
            var body = Body(renderer);
            if (!renderer.EnableHtmlForInline)
            {
                body.Text(renderer, link.Url);
                return;
            }
            if (body.InLink) body.Decline();
            body.Tag.Clear();
            body.Tag.Add("href", MarkdigUrl(link.IsEmail ? "mailto:" + link.Url : link.Url));
            body.Tag.Add(link.TryGetAttributes());
            body.EditLink("a", "href");
            body.StartTag(renderer, "a");
            body.InLink = true;
            body.Text(renderer, link.Url);
            body.InLink = false;
            renderer.Write("</a>");
        }
    }

    /// <summary>A note's number in the text (no word of the excerpt), or the link back to it at the note's end.</summary>
    private sealed class FootnoteLinkWriter(Settings settings) : HtmlObjectRenderer<FootnoteLink>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteLink link)
        {
            var body = Body(renderer);
            // Markdig writes the tags even inside an alt text, and a link inside a link the parser splits.
            if (body.InAlt || body.InLink) body.Decline();
            if (link.IsBackLink)
            {
                body.StartTag(renderer, "a", [("href", $"#fnref:{link.Index}"), ("class", settings.BackLinkClass)]);
                body.Text(renderer, settings.BackLink);
                renderer.Write("</a>");
                return;
            }
            var order = link.Footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture);
            body.StartTag(renderer, "a", [("id", $"fnref:{link.Index}"), ("href", "#fn:" + order), ("class", settings.FootnoteLinkClass)]);
            body.InFootnoteReference = settings.FootnoteLinkClass == BodyEdits.FootnoteReferenceClass;
            renderer.Write("<sup>");
            body.Text(renderer, order);
            renderer.Write("</sup></a>");
            body.InFootnoteReference = false;
        }
    }

    /// <summary>
    /// Every other node: the document and link definitions, which Markdig writes as their children (or nothing), are
    /// written so; a node only Markdig's own renderers know (raw HTML) sends the body the DOM way.
    /// </summary>
    private sealed class OtherNodes : IMarkdownObjectRenderer
    {
        public bool Accept(RendererBase renderer, Type objectType) => true;

        public void Write(RendererBase renderer, MarkdownObject node)
        {
            switch (node)
            {
                case MarkdownDocument or LinkReferenceDefinitionGroup or TableCell:
                    renderer.WriteChildren((ContainerBlock)node);
                    break;
                case LinkReferenceDefinition:
                    break;
                case ContainerInline inline when inline.GetType() == typeof(ContainerInline):
                    renderer.WriteChildren(inline);
                    break;
                default:
                    Body((HtmlRenderer)renderer).Decline();
                    break;
            }
        }
    }
}
