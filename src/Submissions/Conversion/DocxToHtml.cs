using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using M = DocumentFormat.OpenXml.Math;
using Ovml = DocumentFormat.OpenXml.Vml.Office;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using V = DocumentFormat.OpenXml.Vml;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Reads a Word document (.docx) with DocumentFormat.OpenXml into simple HTML (headings, paragraphs, emphasis, lists,
/// links, tables, embedded images), which <see cref="HtmlToMarkdown"/> then turns into Markdown like any email body.
/// Embedded images are referred to as <c>cid:docx-&lt;relationship id&gt;</c>.
/// </summary>
public static partial class DocxToHtml
{
    /// <summary>
    /// The most all the Word documents of one message may expand to when unzipped, together (50 MiB): a zip bomb, or a
    /// dozen large documents each tried in turn, is refused, not opened. A post's text and pictures need far less.
    /// </summary>
    public const long MaxUnpackedBytesPerMessage = 50L * 1024 * 1024;

    /// <summary>
    /// The largest word/document.xml read (20 MiB): a post is at most a few MB of text even with Word's markup, and
    /// reading the XML costs many times its size in memory.
    /// </summary>
    public const long MaxDocumentXmlBytes = 20L * 1024 * 1024;

    /// <summary>What the Word documents of one message may still unpack to; each document opened spends its unpacked size.</summary>
    public sealed class UnpackBudget
    {
        /// <summary>Bytes left of <see cref="MaxUnpackedBytesPerMessage"/>.</summary>
        public long Remaining { get; private set; } = MaxUnpackedBytesPerMessage;

        internal bool TrySpend(long bytes)
        {
            if (bytes > Remaining) return false;
            Remaining -= bytes;
            return true;
        }
    }

    private const string Unreadable = "damaged, or not really a .docx";

    /// <summary>The deepest XML a document's parts may nest (Word writes a few dozen levels).</summary>
    public const int MaxXmlDepth = 256;

    private static bool TooDeep(ZipArchiveEntry part)
    {
        using var reader = System.Xml.XmlReader.Create(part.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
            if (reader.Depth > MaxXmlDepth) return true;
        return false;
    }

    /// <summary>True when <paramref name="bytes"/> is a zip whose parts look like a Word document.</summary>
    public static bool IsDocx(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }

    /// <summary>
    /// A Word document read: its HTML and the pictures it shows (by relationship id), with what the editor should be
    /// told of what the page cannot show; or, with no HTML, why it could not be read.
    /// </summary>
    public sealed record Conversion(string? Html, Dictionary<string, byte[]> Images, string? Problem, IReadOnlyList<string> Warnings)
    {
        internal static Conversion Refused(string problem) => new(null, [], problem, []);
    }

    /// <summary>
    /// Converts the document, spending its unpacked size from <paramref name="budget"/>; no HTML (with a reason) when it
    /// cannot be read safely. The sizes a zip declares bound what is unpacked: reading past one is an error.
    /// </summary>
    public static Conversion Convert(byte[] bytes, UnpackBudget budget)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > 2000 || zip.GetEntry("word/document.xml") is { Length: > MaxDocumentXmlBytes })
                    return Conversion.Refused($"too large when unpacked: its text is over {MaxDocumentXmlBytes / (1024 * 1024)} MB, far more than any post");
                var unpacked = zip.Entries.Sum(e => e.Length);
                if (!budget.TrySpend(unpacked))
                    return Conversion.Refused(budget.Remaining == MaxUnpackedBytesPerMessage
                        ? "too large when unpacked"
                        : $"not read: with the Word documents before it, over the {MaxUnpackedBytesPerMessage / (1024 * 1024)} MB an email's documents may unpack to");
                // Word's XML nests a few dozen deep; thousands of content controls one inside another (a 14 KB file)
                // took minutes to read, and held every email behind it. Measured first, in one pass.
                foreach (var part in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                    if (TooDeep(part))
                        return Conversion.Refused($"nested too deeply to read (more than {MaxXmlDepth} elements one inside another, which no real document has)");
            }
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null) return Conversion.Refused(Unreadable);
            var html = new StringBuilder("<html><body>");
            var notes = new Notes(main);
            var context = new Context(new Styles(main), new Dictionary<string, byte[]>(StringComparer.Ordinal), notes, []);
            var leftOut = new LeftOutReport(context.LeftOut);
            var lists = new Lists(html, main);
            // A document with a title (Word's Title style) has its Heading 1s under it: one level down, so the title stays
            // the one heading above the others, which makes it the post's title.
            var headingShift = body.Descendants<Paragraph>().Any(p => context.Styles.HeadingLevel(p) == 0) ? 1 : 0;
            foreach (var element in Blocks(body))
            {
                if (element is SdtBlock)
                {
                    html.Append(LeftOutField);
                    continue;
                }
                // Word's table of contents lists the headings with their page numbers: a web page has no pages, and its
                // own sections.
                if (element is Paragraph entry && context.Styles.IsContentsEntry(entry)) continue;
                // A heading numbered by a multilevel list (1, 1.1: Word's numbered headings) stays a heading, its number left out.
                if (element is Paragraph paragraph && context.Styles.HeadingLevel(paragraph) is null && NumberingOf(paragraph, context.Styles) is var (numberingId, level))
                {
                    var item = Runs(paragraph, context);
                    lists.Item(numberingId, level, item);
                    leftOut.Passed(Block.ListItem, item);
                    continue;
                }
                lists.CloseAll();
                switch (element)
                {
                    case Paragraph p:
                        var heading = context.Styles.HeadingLevel(p);
                        // A numbered heading counts in its list, as in Word: an item of it after the heading is numbered on
                        // from the heading, the levels under the heading's started again.
                        if (heading is not null && NumberingOf(p, context.Styles) is var (headingListId, headingLevel)) lists.CountWithoutWriting(headingListId, headingLevel);
                        var tag = heading is not null ? $"h{Math.Clamp(heading.Value + headingShift, 1, 6)}" : "p";
                        var text = Runs(p, context);
                        html.Append('<').Append(tag).Append('>').Append(text).Append("</").Append(tag).Append('>');
                        leftOut.Passed(heading is null ? Block.Paragraph : Block.Heading, text);
                        break;
                    case Table table:
                        WriteTable(table, html, context, lists);
                        leftOut.Passed(Block.Table, "");
                        break;
                }
            }
            lists.CloseAll();
            notes.AppendTo(html);
            var written = html.Append("</body></html>").ToString();
            var emptyFields = EmptyFieldLabels(written).Select(label =>
                $"The Word template's '{label}' was left empty (its field still held the template's prompt, which is not published): ask the contributor what it should say, or take '{label}:' out of the post.");
            return new(written.Replace(LeftOutField.ToString(), "", StringComparison.Ordinal), context.Images, null, [.. leftOut.Warnings, .. emptyFields]);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or OpenXmlPackageException or InvalidOperationException or ArgumentException)
        {
            return Conversion.Refused(Unreadable);
        }
    }

    /// <summary>
    /// What reading the document needs at each element: its styles, the pictures kept so far, its notes, and what the
    /// block being read holds that the page cannot show.
    /// </summary>
    private sealed record Context(Styles Styles, Dictionary<string, byte[]> Images, Notes Notes, List<Omission> LeftOut);

    /// <summary>Content a web page cannot show, as the editor is told of it (one, or many), and what to ask the contributor for instead.</summary>
    private sealed record Omission(string One, string Many, string Remedy)
    {
        public static readonly Omission Chart = new("chart", "charts", "ask the contributor for the chart as a picture");
        public static readonly Omission SmartArt = new("SmartArt graphic", "SmartArt graphics", "ask the contributor for it as a picture, or for its words");
        public static readonly Omission Equation = new("equation", "equations", "ask the contributor for it as a picture, or written out in words");
        public static readonly Omission LinkedPicture = new("linked picture (its file is on the writer's computer, not in the document)",
            "linked pictures (their files are on the writer's computer, not in the document)", "ask the contributor to send the picture itself");
        public static readonly Omission EmbeddedObject = new("embedded object (a spreadsheet, another document)", "embedded objects (spreadsheets, other documents)",
            "ask the contributor for its content as a picture or as text");

        /// <summary>The warning for <paramref name="count"/> of these found <paramref name="where"/>.</summary>
        public string Warning(int count, string where) =>
            $"The Word document's {(count == 1 ? One : $"{count} {Many}")} could not be published ({where}): {Remedy}.";
    }

    /// <summary>The kinds of block of a document's body, as a warning names where something was.</summary>
    private enum Block { Paragraph, Heading, ListItem, Table }

    /// <summary>
    /// Turns what each block of the body left out into warnings saying where it was: under the last heading, in the
    /// block when it has words, else after the last paragraph that had (a table's cells are no paragraph to name).
    /// </summary>
    private sealed class LeftOutReport(List<Omission> found)
    {
        private readonly List<string> _warnings = [];
        private string? _heading, _paragraph;

        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>Warns of what the block just read (its HTML <paramref name="html"/>) left out, and moves past it.</summary>
        public void Passed(Block block, string html)
        {
            var opening = Opening(PlainText(html).Replace(LeftOutField.ToString(), "", StringComparison.Ordinal));
            if (found.Count > 0)
            {
                var where = new List<string>();
                if (_heading is not null) where.Add($"under the heading '{_heading}'");
                if (block == Block.Table) where.Add("in a table");
                if (block != Block.Table && opening is not null) where.Add($"in the {(block == Block.ListItem ? "list item" : block == Block.Heading ? "heading" : "paragraph")} starting '{opening}'");
                else if (_paragraph is not null) where.Add($"after the paragraph starting '{_paragraph}'");
                if (where.Count == 0) where.Add("at its start");
                foreach (var omission in found.GroupBy(o => o)) _warnings.Add(omission.Key.Warning(omission.Count(), string.Join(", ", where)));
                found.Clear();
            }
            if (block == Block.Heading) (_heading, _paragraph) = (opening, null);
            else if (block != Block.Table && opening is not null) _paragraph = opening;
        }

        /// <summary>The first words of <paramref name="text"/>, enough to find it by ("We counted the visits each week and…"); null when it has none.</summary>
        private static string? Opening(string text)
        {
            const int Words = 8;
            var words = text.Split((char[]?)null, Words + 1, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) return null;
            var opening = string.Join(' ', words.Take(Words));
            return opening.Length > 80 ? opening[..80] + "…" : words.Length > Words ? opening + "…" : opening;
        }
    }

    /// <summary>
    /// Marks, in the HTML being written, where a template's field still showing its prompt was left out, so a label left
    /// with nothing after it can be told; taken out before the HTML is returned. XML allows no such character in a
    /// document's text, so it marks nothing else.
    /// </summary>
    private const char LeftOutField = '\u0001';

    /// <summary>
    /// The labels that fields left out leave with nothing after them: the words before a field, ending in a colon ("Photo
    /// credit:", in its paragraph or cell or the one before), when nothing but punctuation follows the field in its own.
    /// </summary>
    private static IEnumerable<string> EmptyFieldLabels(string html)
    {
        string? previous = null;
        foreach (var line in PlainText(html).Split('\n'))
        {
            for (var at = line.IndexOf(LeftOutField); at >= 0; at = line.IndexOf(LeftOutField, at + 1))
            {
                var before = line[..at].Replace(LeftOutField.ToString(), "", StringComparison.Ordinal).Trim();
                var after = line[(at + 1)..].Replace(LeftOutField.ToString(), "", StringComparison.Ordinal).TrimStart();
                if ((after.Length == 0 || after[0] is '.' or ',' or ';' or ')') && Label(before.Length > 0 ? before : previous) is { } label) yield return label;
            }
            if (line.Replace(LeftOutField.ToString(), "", StringComparison.Ordinal).Trim() is { Length: > 0 } words) previous = words;
        }
    }

    /// <summary>The label <paramref name="text"/> ends with ("Photo credit" of "Taken in May. Photo credit:"): a few words and a colon; null for none.</summary>
    private static string? Label(string? text)
    {
        if (text is null || !text.EndsWith(':')) return null;
        var label = text[..^1];
        label = label[(label.LastIndexOfAny(['.', '!', '?', ';', ':']) + 1)..].Trim();
        return label.Length is > 0 and <= 60 && label.Any(char.IsLetter) && label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 ? label : null;
    }

    /// <summary>The text of <paramref name="html"/>: each block (paragraph, heading, item, cell) and line break a line of its own.</summary>
    private static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(BlockBoundary().Replace(html, "\n"), ""));

    [GeneratedRegex(@"</?(?:p|h[1-6]|li|ul|ol|table|tr|td)\b[^>]*>|<br>")]
    private static partial Regex BlockBoundary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>
    /// The part <paramref name="element"/> lives in (the document, its footnotes, its endnotes): the relationship ids
    /// of its links and pictures are that part's own, and each part numbers them from rId1.
    /// </summary>
    private static OpenXmlPart? PartOf(OpenXmlElement element) => element.Ancestors<OpenXmlPartRootElement>().FirstOrDefault()?.OpenXmlPart;

    /// <summary>
    /// Word's styles (styles.xml): the formatting a run gets from them. Word takes an effect (bold, italic, hidden) from
    /// the run itself, else its character style, else its paragraph's style (each through the styles it is based on),
    /// else the document's defaults; a setting of "off" at any step is final.
    /// </summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, Style> _byId = new(StringComparer.Ordinal);
        private readonly string? _defaultParagraphStyle;
        private readonly OpenXmlElement? _defaults;

        public Styles(MainDocumentPart main)
        {
            var styles = main.StyleDefinitionsPart?.Styles;
            foreach (var style in styles?.Elements<Style>() ?? [])
                if (style.StyleId?.Value is { } id) _byId.TryAdd(id, style);
            _defaultParagraphStyle = styles?.Elements<Style>().FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
            _defaults = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        }

        /// <summary>The style <paramref name="id"/> and those it is based on, nearest first (a loop of styles ends after ten).</summary>
        public IEnumerable<Style> Chain(string? id)
        {
            for (var depth = 0; id is not null && depth < 10 && _byId.TryGetValue(id, out var style); depth++)
            {
                yield return style;
                id = style.BasedOn?.Val?.Value;
            }
        }

        /// <summary>The paragraph style of <paramref name="paragraph"/> (the document's default when it names none) and those it is based on.</summary>
        public IEnumerable<Style> ParagraphChain(Paragraph? paragraph) =>
            Chain(paragraph?.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id && _byId.ContainsKey(id) ? id : _defaultParagraphStyle);

        /// <summary>
        /// The names of a paragraph's style and those it is based on, nearest first, in lower case without spaces
        /// ("heading1", "toc1", "title"). Word names its own styles so in every language, where their ids are
        /// translated (German "berschrift1" is "heading 1"); a style the document does not define is known by its id.
        /// </summary>
        public IEnumerable<string> Names(Paragraph paragraph)
        {
            var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var styles = id is null || _byId.ContainsKey(id) ? ParagraphChain(paragraph).Select(s => s.StyleName?.Val?.Value ?? s.StyleId?.Value ?? "") : [id];
            return styles.Select(name => name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        }

        /// <summary>Whether <paramref name="paragraph"/> is a line of Word's table of contents (styled "TOC 1" to "TOC 9", or its "TOC Heading").</summary>
        public bool IsContentsEntry(Paragraph paragraph) =>
            Names(paragraph).FirstOrDefault() is { } name && (name == "tocheading" || name.Length == 4 && name.StartsWith("toc", StringComparison.Ordinal) && char.IsAsciiDigit(name[3]));

        /// <summary>
        /// A paragraph's heading level: 0 for the document's title (Word's Title style), 1 to 6 for a heading (a Heading
        /// style, by name; else the outline level the paragraph or its style gives, as a heading style of one's own
        /// does); null for any other paragraph.
        /// </summary>
        public int? HeadingLevel(Paragraph paragraph)
        {
            foreach (var name in Names(paragraph))
            {
                if (name == "title") return 0;
                if (name.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(name.AsSpan(7), out var level)) return level is >= 1 and <= 6 ? level : null;
            }
            // Word counts outline levels from 0 (its "Level 1"); 9 is body text.
            var outline = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value
                ?? ParagraphChain(paragraph).Select(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value).FirstOrDefault(level => level is not null);
            return outline is >= 0 and <= 5 ? outline + 1 : null;
        }

        /// <summary>
        /// The font <paramref name="run"/>'s characters of the ASCII range are shown in (w:ascii), or (<paramref name="highAnsi"/>)
        /// its others (w:hAnsi): the run's own, else its character style's, its paragraph style's, the document's default.
        /// </summary>
        public string? Font(Run run, bool highAnsi)
        {
            string? Named(RunFonts? fonts) => fonts is null ? null : highAnsi ? fonts.HighAnsi?.Value ?? fonts.Ascii?.Value : fonts.Ascii?.Value;
            return Named(run.RunProperties?.RunFonts)
                ?? Chain(run.RunProperties?.RunStyle?.Val?.Value).Select(s => Named(s.StyleRunProperties?.RunFonts)).FirstOrDefault(f => f is not null)
                ?? ParagraphChain(run.Ancestors<Paragraph>().FirstOrDefault()).Select(s => Named(s.StyleRunProperties?.RunFonts)).FirstOrDefault(f => f is not null)
                ?? Named(_defaults?.GetFirstChild<RunFonts>());
        }

        /// <summary>
        /// Whether the effect <typeparamref name="T"/> (<see cref="Bold"/>, <see cref="Italic"/>, <see cref="Vanish"/>…)
        /// is on for <paramref name="run"/>; its paragraph's style is asked only when <paramref name="fromParagraphStyle"/>.
        /// </summary>
        public bool IsOn<T>(Run run, bool fromParagraphStyle = true) where T : OnOffType
        {
            var setting = run.RunProperties?.GetFirstChild<T>()
                ?? Chain(run.RunProperties?.RunStyle?.Val?.Value).Select(s => s.StyleRunProperties?.GetFirstChild<T>()).FirstOrDefault(e => e is not null)
                ?? (fromParagraphStyle ? ParagraphChain(run.Ancestors<Paragraph>().FirstOrDefault()).Select(s => s.StyleRunProperties?.GetFirstChild<T>()).FirstOrDefault(e => e is not null) : null)
                ?? _defaults?.GetFirstChild<T>();
            return setting is not null && setting.Val?.Value != false;
        }
    }

    /// <summary>
    /// A table, its rows and cells found inside content controls too (a template's repeating row, a field's cell); a
    /// cell's paragraphs are lines of it, and a table inside a cell is a table there (the Markdown makes it one line).
    /// A cell's list items are a list there, numbered in their lists as Word numbers them (<paramref name="lists"/>): an
    /// item after the table goes on from them.
    /// </summary>
    private static void WriteTable(Table table, StringBuilder html, Context context, Lists lists)
    {
        html.Append("<table>");
        foreach (var row in Within<TableRow>(table))
        {
            html.Append("<tr>");
            // A row that starts or ends columns in (Word's gridBefore and gridAfter: a form's indented row) has empty
            // places there, so each of its cells stays under its own column.
            var properties = row.TableRowProperties;
            if (properties?.GetFirstChild<GridBefore>()?.Val?.Value is > 0 and var before) html.Append(Cell(before)).Append("</td>");
            foreach (var cell in Within<TableCell>(row))
            {
                // A cell merged across columns spans them, so the cells after it stay under their headings.
                html.Append(Cell(cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1));
                var lines = new List<string>();
                var list = new StringBuilder();
                var cellLists = lists.CountingWith(list);
                foreach (var block in Blocks(cell))
                {
                    if (block is Paragraph item && context.Styles.HeadingLevel(item) is null && NumberingOf(item, context.Styles) is var (numberingId, level))
                    {
                        cellLists.Item(numberingId, level, Runs(item, context));
                        continue;
                    }
                    cellLists.CloseAll();
                    if (list.Length > 0) lines.Add(list.ToString());
                    list.Clear();
                    if (block is Paragraph paragraph) lines.Add(Runs(paragraph, context));
                    else if (block is Table inner)
                    {
                        var nested = new StringBuilder();
                        WriteTable(inner, nested, context, lists);
                        lines.Add(nested.ToString());
                    }
                    else lines.Add(LeftOutField.ToString());
                }
                cellLists.CloseAll();
                if (list.Length > 0) lines.Add(list.ToString());
                html.Append(string.Join("<br>", lines)).Append("</td>");
            }
            if (properties?.GetFirstChild<GridAfter>()?.Val?.Value is > 0 and var after) html.Append(Cell(after)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    /// <summary>A cell's start tag, spanning <paramref name="columns"/> of the table's grid.</summary>
    private static string Cell(int columns) => columns > 1 ? $"<td colspan=\"{columns}\">" : "<td>";

    /// <summary>The <typeparamref name="T"/> children of <paramref name="parent"/>, and those inside its content controls and custom XML.</summary>
    private static IEnumerable<T> Within<T>(OpenXmlElement parent) where T : OpenXmlElement
    {
        foreach (var child in parent.ChildElements)
        {
            if (child is T found) yield return found;
            else if (child is SdtRow or SdtContentRow or SdtCell or SdtContentCell or CustomXmlRow or CustomXmlCell)
                foreach (var inner in Within<T>(child)) yield return inner;
        }
    }

    /// <summary>
    /// The paragraphs and tables of <paramref name="container"/> in order, including those inside content controls
    /// (w:sdt, which NHS templates use for their fields) and custom XML, which hold them one level down. A content
    /// control still showing its prompt is itself returned, in its place: it is left out, and a label before it may be left empty.
    /// </summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table || child is SdtBlock && ShowsPlaceholder(child)) yield return child;
            else if (child is SdtBlock or SdtContentBlock or CustomXmlBlock && !IsTableOfContents(child))
                foreach (var inner in Blocks(child)) yield return inner;
        }
    }

    /// <summary>Whether <paramref name="element"/> is the content control Word puts its table of contents in (References › Table of Contents).</summary>
    private static bool IsTableOfContents(OpenXmlElement element) =>
        element is SdtElement { SdtProperties: { } properties }
        && properties.GetFirstChild<SdtContentDocPartObject>()?.GetFirstChild<DocPartGallery>()?.Val?.Value == "Table of Contents";

    /// <summary>
    /// Whether <paramref name="element"/> is a content control never filled in, still showing its template's prompt
    /// ("Click or tap here to enter text."): the prompt is the template's words, not the writer's.
    /// </summary>
    private static bool ShowsPlaceholder(OpenXmlElement element) =>
        element is SdtElement { SdtProperties: { } properties } && properties.GetFirstChild<ShowingPlaceholder>() is { } showing && showing.Val?.Value != false;

    /// <summary>
    /// The list (numbering id) and level of a list paragraph: its own, or its style's (Word's "List Bullet" and "List
    /// Number" styles number their paragraphs); null for a paragraph of no list.
    /// </summary>
    private static (int Id, int Level)? NumberingOf(Paragraph paragraph, Styles styles)
    {
        var own = paragraph.ParagraphProperties?.NumberingProperties;
        int? id = own?.NumberingId?.Val?.Value, level = own?.NumberingLevelReference?.Val?.Value;
        // A style's numbering, through the styles it is based on.
        foreach (var style in styles.ParagraphChain(paragraph))
        {
            if (id is not null) break;
            var numbering = style.StyleParagraphProperties?.NumberingProperties;
            id = numbering?.NumberingId?.Val?.Value;
            level ??= numbering?.NumberingLevelReference?.Val?.Value;
        }
        // Id 0 takes a paragraph out of the list its style would put it in.
        return id is > 0 ? (id.Value, Math.Clamp(level ?? 0, 0, ListCounts.DeepestLevel)) : null;
    }

    /// <summary>
    /// How a list's level is numbered, from the document's numbering definitions: bullets, or numbers of an HTML list
    /// type ("1", "a", "A", "i", "I") counted from <see cref="Start"/>; <see cref="Counter"/> is the count it shares,
    /// <see cref="StartOverride"/> the number the list restarts it at (Word's Restart Numbering and Set Numbering
    /// Value), and <see cref="RestartAfter"/> the level's w:lvlRestart.
    /// </summary>
    private sealed record ListNumbering(bool Bulleted, string Type, int Start, int Counter, int? StartOverride, int? RestartAfter)
    {
        /// <summary>The HTML list element: "ul" or "ol".</summary>
        public string Tag => Bulleted ? "ul" : "ol";

        /// <summary>The level's start tag, its first item numbered <paramref name="firstNumber"/>: <c>&lt;ol start="4" type="a"&gt;</c>.</summary>
        public string StartTag(int firstNumber) => Bulleted ? "<ul>"
            : "<ol" + (firstNumber != 1 ? $" start=\"{firstNumber}\"" : "") + (Type != "1" ? $" type=\"{Type}\"" : "") + ">";

        /// <summary>
        /// The numbering of list <paramref name="numberingId"/>'s <paramref name="level"/>: its definition's, or what the
        /// list overrides it with (a level of its own, a start to restart at).
        /// </summary>
        public static ListNumbering Of(int numberingId, int level, MainDocumentPart main)
        {
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            var instance = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberingId);
            var overridden = instance?.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level);
            var abstractNum = Definition(instance, main);
            var abstractId = abstractNum?.AbstractNumberId?.Value ?? instance?.AbstractNumId?.Val?.Value;
            var definition = overridden?.Level ?? abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            // Word counts by definition: every list made from one (Continue Numbering writes another w:num over the same
            // w:abstractNum) goes on with its numbers. A list with no definition counts alone (numbering ids are
            // positive, so its negative id meets no definition's).
            var counter = abstractId ?? -numberingId;
            // Word numbers from 0 to 32767; a definition without a start is numbered from 1, as documents not written by Word expect.
            static int Numbered(int number) => Math.Clamp(number, 0, 32767);
            int? startOverride = overridden?.StartOverrideNumberingValue?.Val?.Value is { } restart ? Numbered(restart) : null;
            var format = definition?.NumberingFormat?.Val?.Value;
            var type = format == NumberFormatValues.LowerLetter ? "a" : format == NumberFormatValues.UpperLetter ? "A"
                : format == NumberFormatValues.LowerRoman ? "i" : format == NumberFormatValues.UpperRoman ? "I" : "1";
            return new(format is null || format == NumberFormatValues.Bullet, type, Numbered(definition?.StartNumberingValue?.Val?.Value ?? 1), counter, startOverride,
                definition?.LevelRestart?.Val?.Value);
        }
    }

    /// <summary>
    /// The numbering definition (w:abstractNum) list <paramref name="instance"/> is made from. A definition made for a
    /// list style (Word's Define New List Style) only links to the style (w:numStyleLink): its levels are in the
    /// definition of the list the style numbers its paragraphs with, which links back to it (w:styleLink).
    /// </summary>
    private static AbstractNum? Definition(NumberingInstance? instance, MainDocumentPart main)
    {
        var definitions = main.NumberingDefinitionsPart?.Numbering;
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = definitions?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        if (definition?.NumberingStyleLink?.Val?.Value is not { } styleId) return definition;
        var styleList = main.StyleDefinitionsPart?.Styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId)?
            .StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value;
        var linked = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == styleList) is { } styleInstance
            ? definitions.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == styleInstance.AbstractNumId?.Val?.Value)
            : definitions?.Elements<AbstractNum>().FirstOrDefault(a => a.StyleLink?.Val?.Value == styleId);
        // Followed once: a definition linking on again (a loop) is as good as none.
        return linked is null || linked.NumberingStyleLink is not null ? definition : linked;
    }

    /// <summary>
    /// Whether list <paramref name="numberingId"/>'s definition has one level (w:multiLevelType "singleLevel"): Word
    /// numbers all its paragraphs at that level, whatever level each names.
    /// </summary>
    private static bool IsSingleLevel(int numberingId, MainDocumentPart main) =>
        Definition(main.NumberingDefinitionsPart?.Numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberingId), main)?
            .MultiLevelType?.Val?.Value == MultiLevelValues.SingleLevel;

    /// <summary>
    /// Word's list numbers: one count for each numbering definition and level, shared by every list made from it, so a
    /// list interrupted by a paragraph, a table or a picture (or continued with a list of its own) goes on from where it
    /// was. A list that restarts its level (w:startOverride) does so the first time it numbers that level; an item
    /// starts again the levels under its own, unless a level's w:lvlRestart says otherwise.
    /// </summary>
    private sealed class ListCounts(Func<int, int, ListNumbering> numberingOf)
    {
        /// <summary>Word's deepest level: levels are 0 to 8.</summary>
        public const int DeepestLevel = 8;

        /// <summary>The number each definition's level gives its next item; a level not counted yet starts from its start.</summary>
        private readonly Dictionary<(int Counter, int Level), int> _next = [];

        /// <summary>The lists and levels whose start override has restarted their count.</summary>
        private readonly HashSet<(int Id, int Level)> _restarted = [];

        /// <summary>The number an item of list <paramref name="id"/> at <paramref name="level"/> would be given next, counting nothing.</summary>
        public int Next(int id, int level)
        {
            var numbering = numberingOf(id, level);
            return numbering.StartOverride is { } restart && !_restarted.Contains((id, level)) ? restart
                : _next.GetValueOrDefault((numbering.Counter, level), numbering.Start);
        }

        /// <summary>Counts an item of list <paramref name="id"/> at <paramref name="level"/>.</summary>
        public void Count(int id, int level)
        {
            var number = Next(id, level);
            var counter = numberingOf(id, level).Counter;
            _restarted.Add((id, level));
            _next[(counter, level)] = number + 1;
            for (var deeper = level + 1; deeper <= DeepestLevel; deeper++)
                if (RestartsAfter(numberingOf(id, deeper).RestartAfter, deeper, level)) _next.Remove((counter, deeper));
        }

        /// <summary>
        /// Whether <paramref name="level"/> starts again after an item at the higher <paramref name="used"/> level:
        /// w:lvlRestart names (from 1) the lowest level whose items restart it; 0 is never, and none (or a level not
        /// above it, which Word ignores) is any level above.
        /// </summary>
        private static bool RestartsAfter(int? restartAfter, int level, int used) =>
            restartAfter is not { } after || after > level || (after != 0 && used < after);
    }

    /// <summary>
    /// Writes list paragraphs as nested HTML lists, numbered as Word numbers them (<see cref="ListCounts"/>): in the
    /// level's letters or Roman numerals (<c>&lt;ol type="a"&gt;</c>), from the first item's number when it is not 1
    /// (<c>&lt;ol start="4"&gt;</c>); a sub-list under each item.
    /// </summary>
    private sealed class Lists
    {
        private readonly StringBuilder _html;
        private readonly MainDocumentPart _main;

        /// <summary>
        /// The open lists, outermost first, one for each level: each one's numbering id, element (null for a level with
        /// no list of its own written, which an item deeper than the one above, or resuming under a paragraph, skips), and
        /// whether it has an item open.
        /// </summary>
        private readonly List<(int Id, string? Tag, bool ItemOpen)> _open = [];

        /// <summary>Each list's levels as read from the numbering definitions, read once: every item asks for the levels under its own.</summary>
        private readonly Dictionary<(int Id, int Level), ListNumbering> _numberings;

        /// <summary>The lists of one level only (w:multiLevelType "singleLevel"), and those that are not, read once.</summary>
        private readonly Dictionary<int, bool> _singleLevel;

        private readonly ListCounts _counts;

        public Lists(StringBuilder html, MainDocumentPart main)
        {
            _html = html;
            _main = main;
            _numberings = [];
            _singleLevel = [];
            _counts = new(Numbering);
        }

        private Lists(StringBuilder html, Lists counting)
        {
            _html = html;
            _main = counting._main;
            _numberings = counting._numberings;
            _singleLevel = counting._singleLevel;
            _counts = counting._counts;
        }

        /// <summary>Lists written into <paramref name="html"/> (a table cell's) that count with these: an item in a cell counts in its list, as in Word.</summary>
        public Lists CountingWith(StringBuilder html) => new(html, this);

        public void Item(int id, int level, string content)
        {
            level = LevelOf(id, level);
            while (_open.Count > level + 1) Close();
            // Another list at the same level (another numbering: letters after numbers, bullets) is a list of its own;
            // so is the first item at a level that had no list written.
            if (_open.Count == level + 1 && (_open[^1].Id != id || _open[^1].Tag is null)) Close();
            if (_open.Count == level + 1 && _open[^1].ItemOpen) _html.Append("</li>");
            // A list goes inside the item open above it, never right inside a list (which HTML does not allow): the
            // levels between with no item of their own (a sub-item after a paragraph, a level skipped) write no list.
            while (_open.Count < level) _open.Add((id, null, false));
            if (_open.Count == level) Open(id, level);
            _counts.Count(id, level);
            _html.Append("<li>").Append(content);
            _open[^1] = _open[^1] with { ItemOpen = true };
        }

        /// <summary>Counts a paragraph of list <paramref name="id"/> that is written as something else than its item (a numbered heading).</summary>
        public void CountWithoutWriting(int id, int level) => _counts.Count(id, LevelOf(id, level));

        public void CloseAll()
        {
            while (_open.Count > 0) Close();
        }

        /// <summary>The level an item of list <paramref name="id"/> naming <paramref name="level"/> is at: the first, in a list of one level.</summary>
        private int LevelOf(int id, int level)
        {
            if (!_singleLevel.TryGetValue(id, out var single)) _singleLevel[id] = single = IsSingleLevel(id, _main);
            return single ? 0 : level;
        }

        private void Open(int id, int level)
        {
            var numbering = Numbering(id, level);
            _html.Append(numbering.StartTag(_counts.Next(id, level)));
            _open.Add((id, numbering.Tag, false));
        }

        private ListNumbering Numbering(int id, int level)
        {
            if (!_numberings.TryGetValue((id, level), out var numbering)) _numberings[(id, level)] = numbering = ListNumbering.Of(id, level, _main);
            return numbering;
        }

        private void Close()
        {
            if (_open[^1].ItemOpen) _html.Append("</li>");
            if (_open[^1].Tag is { } tag) _html.Append("</").Append(tag).Append('>');
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>
    /// A paragraph's text. Runs inside containers are read too: text inserted with Track Changes (w:ins), content
    /// controls, smart tags, fields; deleted text (w:del, w:moveFrom) is not.
    /// </summary>
    private static string Runs(OpenXmlElement paragraph, Context context)
    {
        var html = new StringBuilder();
        var fields = new HyperlinkFields(html);
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    fields.Read(run);
                    html.Append(Run(run, context));
                    break;
                case SimpleField { Instruction.Value: { } instruction } simple when HyperlinkFields.Target(instruction) is { } address:
                    html.Append($"<a href=\"{WebUtility.HtmlEncode(address)}\">").Append(Runs(simple, context)).Append("</a>");
                    break;
                case Hyperlink link:
                    var target = link.Id?.Value is { } id ? PartOf(link)?.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri : null;
                    var text = Runs(link, context);
                    html.Append(target is null ? text : $"<a href=\"{WebUtility.HtmlEncode(target.ToString())}\">{text}</a>");
                    break;
                case DeletedRun or MoveFromRun or ParagraphProperties or RunProperties:
                    break;
                case SdtRun when ShowsPlaceholder(child):
                    html.Append(LeftOutField);
                    break;
                // What the SDK does not know (a smart tag, which Word no longer writes but old templates hold): its words.
                case OpenXmlUnknownElement unknown:
                    html.Append(WebUtility.HtmlEncode(unknown.InnerText));
                    break;
                case AlternateContent alternate:
                    html.Append(Alternative(alternate, context, Runs));
                    break;
                // Word's equations (Insert › Equation) are built of fractions, roots and scripts that text cannot hold.
                case M.OfficeMath or M.Paragraph:
                    context.LeftOut.Add(Omission.Equation);
                    break;
                case OpenXmlCompositeElement container:
                    html.Append(Runs(container, context));
                    break;
            }
        }
        fields.End();
        return html.ToString();
    }

    /// <summary>
    /// Links written as Word fields (<c>HYPERLINK "https://…"</c> between a begin and an end field character, the link's
    /// words after the separator), as Word writes a link pasted from elsewhere or made by older versions: the words
    /// become a link. Only the outermost field is followed; a link left open at the paragraph's end is closed there.
    /// </summary>
    private sealed partial class HyperlinkFields(StringBuilder html)
    {
        private int _depth;
        private readonly StringBuilder _instruction = new();
        private bool _linkOpen;

        /// <summary>Follows the field characters and instructions of <paramref name="run"/>, before its text is written.</summary>
        public void Read(Run run)
        {
            foreach (var child in run.ChildElements)
            {
                if (child is FieldChar { FieldCharType.Value: var type })
                {
                    if (type == FieldCharValues.Begin && ++_depth == 1) _instruction.Clear();
                    else if (type == FieldCharValues.Separate && _depth == 1 && Target(_instruction.ToString()) is { } address)
                    {
                        html.Append($"<a href=\"{WebUtility.HtmlEncode(address)}\">");
                        _linkOpen = true;
                    }
                    else if (type == FieldCharValues.End && _depth > 0 && --_depth == 0) End();
                }
                else if (child is FieldCode code && _depth == 1 && _instruction.Length < 2000)
                {
                    _instruction.Append(code.Text);
                }
            }
        }

        /// <summary>Closes a link left open.</summary>
        public void End()
        {
            if (_linkOpen) html.Append("</a>");
            _linkOpen = false;
        }

        /// <summary>The web or mail address of a HYPERLINK field's instruction, or null for any other field (a page number, a date).</summary>
        public static string? Target(string instruction) =>
            Hyperlink().Match(instruction) is { Success: true } match && match.Groups["address"].Value is var address
            && (address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                ? address : null;

        [GeneratedRegex(@"^\s*HYPERLINK\s+""?(?<address>[^""\s]+)""?", RegexOptions.IgnoreCase)]
        private static partial Regex Hyperlink();
    }

    /// <summary>
    /// The character Word's Insert › Symbol put in (<c>w:sym</c>: a font and a code in it), as Unicode (<see cref="SymbolFonts"/>):
    /// the Symbol font's Greek and signs, Wingdings' ticks, crosses, faces and arrows. One of a symbol font with no
    /// character of its own is written in its font, for <see cref="HtmlToMarkdown"/> to leave out and tell of; a code
    /// of another font is its Unicode character.
    /// </summary>
    private static string SymbolHtml(SymbolChar symbol)
    {
        if (!int.TryParse(symbol.Char?.Value, System.Globalization.NumberStyles.HexNumber, null, out var code) || code is < 0x20 or > 0xFFFF) return "";
        var font = symbol.Font?.Value;
        if (!SymbolFonts.IsSymbolFont(font))
            return code is >= 0xD800 and <= 0xF8FF ? "" : WebUtility.HtmlEncode(((char)code).ToString());
        // Word writes a symbol font's code either as it is or moved into the private use area (F0xx).
        return InSymbolFont(font!, (char)(0xF000 | (code & 0xFF)));
    }

    /// <summary>A symbol font's character as HTML: what it shows, or itself in its font when it has no Unicode equivalent (see <see cref="SymbolHtml"/>).</summary>
    private static string InSymbolFont(string font, char character) =>
        SymbolFonts.ToUnicode(font, character) is { } shown ? WebUtility.HtmlEncode(shown)
            : $"<span style=\"font-family:{SymbolFonts.Name(font)}\">{WebUtility.HtmlEncode(character.ToString())}</span>";

    /// <summary>
    /// A run's text as HTML: typed in a symbol font (Wingdings set as the run's font, as Word's AutoCorrect and bullets
    /// do), each character is what the font shows, as with <see cref="SymbolHtml"/>.
    /// </summary>
    private static string TextHtml(string text, Run? run, Styles styles)
    {
        if (run is null) return WebUtility.HtmlEncode(text);
        // Word shows a character of the ASCII range in the run's ascii font, any other in its hAnsi font.
        var ascii = styles.Font(run, highAnsi: false);
        var other = styles.Font(run, highAnsi: true);
        if (!SymbolFonts.IsSymbolFont(ascii) && !SymbolFonts.IsSymbolFont(other)) return WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        foreach (var character in text)
        {
            var font = character < 0x80 ? ascii : other;
            html.Append(SymbolFonts.IsSymbolFont(font) ? InSymbolFont(font!, character) : WebUtility.HtmlEncode(character.ToString()));
        }
        return html.ToString();
    }

    private static string Run(Run run, Context context)
    {
        var properties = run.RunProperties;
        var styles = context.Styles;
        // Hidden text (Word's "Hidden" font effect, on the run or in its styles) is not shown in Word, nor published.
        if (styles.IsOn<Vanish>(run)) return "";
        var html = new StringBuilder();
        foreach (var child in run.ChildElements) RunContent(child, html, context);
        var result = html.ToString();
        if (result.Trim().Length == 0 || result.StartsWith("<img", StringComparison.Ordinal)) return result;
        if (properties?.VerticalTextAlignment?.Val?.Value is { } position && position != VerticalPositionValues.Baseline
            && !run.ChildElements.Any(c => c is FootnoteReference or EndnoteReference))
            result = position == VerticalPositionValues.Superscript ? $"<sup>{result}</sup>" : $"<sub>{result}</sub>";
        if (styles.IsOn<Strike>(run) || styles.IsOn<DoubleStrike>(run)) result = $"<s>{result}</s>";
        // A heading's style makes it bold or italic as a heading, not as emphasis; a quotation's italic style is emphasis.
        var emphasisFromParagraph = run.Ancestors<Paragraph>().FirstOrDefault() is not { } paragraph || styles.HeadingLevel(paragraph) is null;
        if (styles.IsOn<Italic>(run, emphasisFromParagraph)) result = $"<em>{result}</em>";
        if (styles.IsOn<Bold>(run, emphasisFromParagraph)) result = $"<strong>{result}</strong>";
        return result;
    }

    private static void RunContent(OpenXmlElement child, StringBuilder html, Context context)
    {
        switch (child)
        {
            case Text text:
                html.Append(TextHtml(text.Text, text.Ancestors<Run>().FirstOrDefault(), context.Styles));
                break;
            case Break or CarriageReturn:
                html.Append("<br>");
                break;
            case TabChar:
                html.Append(' ');
                break;
            case NoBreakHyphen:
                html.Append('-');
                break;
            case SymbolChar symbol:
                html.Append(SymbolHtml(symbol));
                break;
            case Drawing drawing:
                html.Append(Image(drawing, context));
                context.LeftOut.AddRange(LeftOut(drawing));
                // A text box (a pull quote, a call-out) holds paragraphs of its own.
                foreach (var box in drawing.Descendants<TextBoxContent>())
                    html.Append("<br>").Append(string.Join("<br>", box.Descendants<Paragraph>().Select(p => Runs(p, context)).Where(t => t.Trim().Length > 0)));
                break;
            case Picture picture:
                // Word's older drawings (VML): a picture, or a text box with paragraphs of its own.
                foreach (var data in picture.Descendants<V.ImageData>())
                {
                    if (data.RelationshipId?.Value is not { } pictureId) continue;
                    if (PartOf(data)?.ExternalRelationships.Any(r => r.Id == pictureId) == true) context.LeftOut.Add(Omission.LinkedPicture);
                    else html.Append(Image(data, pictureId, data.Title?.Value ?? "", context));
                }
                foreach (var box in picture.Descendants<TextBoxContent>())
                    html.Append("<br>").Append(string.Join("<br>", box.Descendants<Paragraph>().Select(p => Runs(p, context)).Where(t => t.Trim().Length > 0)));
                break;
            case AlternateContent alternate:
                html.Append(Alternative(alternate, context, (version, read) =>
                {
                    var content = new StringBuilder();
                    foreach (var inner in version.ChildElements) RunContent(inner, content, read);
                    return content.ToString();
                }));
                break;
            // An object embedded with Insert › Object (OLE: a spreadsheet, a document; an equation of Word's older
            // Equation Editor or MathType) shows only a picture of itself that browsers cannot show (EMF).
            case EmbeddedObject embedded:
                context.LeftOut.Add(embedded.Descendants<Ovml.OleObject>().Any(o => o.ProgId?.Value?.StartsWith("Equation.", StringComparison.OrdinalIgnoreCase) == true)
                    ? Omission.Equation : Omission.EmbeddedObject);
                break;
            case FootnoteReference reference when reference.Id?.Value is { } id:
                html.Append(context.Notes.Reference(id, endnote: false, note => Runs(note, context)));
                break;
            case EndnoteReference reference when reference.Id?.Value is { } id:
                html.Append(context.Notes.Reference(id, endnote: true, note => Runs(note, context)));
                break;
        }
    }

    /// <summary>
    /// Content Word writes twice, for newer readers (a Choice: a drawing, an emoji as a w16se:symEx) and older (the
    /// Fallback: a VML drawing, the emoji as text): the first version <paramref name="read"/> finds something in (text
    /// or a picture), so nothing is lost when the newer markup is one this reader does not know. What that version left
    /// out is told; when none gives anything, what the first left out (a chart with no picture of it as its fallback).
    /// </summary>
    private static string Alternative(AlternateContent alternate, Context context, Func<OpenXmlElement, Context, string> read)
    {
        List<Omission>? firstLeftOut = null;
        foreach (var version in alternate.ChildElements.Where(v => v is AlternateContentChoice or AlternateContentFallback))
        {
            var leftOut = new List<Omission>();
            var content = read(version, context with { LeftOut = leftOut });
            firstLeftOut ??= leftOut;
            if (content.Trim().Length > 0)
            {
                context.LeftOut.AddRange(leftOut);
                return content;
            }
        }
        context.LeftOut.AddRange(firstLeftOut ?? []);
        return "";
    }

    /// <summary>
    /// The document's footnotes and endnotes, numbered in the order the text refers to them: each reference becomes its
    /// number in brackets, and the notes a numbered list under "Notes" at the end.
    /// </summary>
    private sealed class Notes(MainDocumentPart main)
    {
        private readonly List<string> _texts = [];

        public string Reference(long id, bool endnote, Func<Paragraph, string> paragraphText)
        {
            OpenXmlElement? note = endnote
                ? main.EndnotesPart?.Endnotes?.Elements<Endnote>().FirstOrDefault(n => n.Id?.Value == id)
                : main.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == id);
            if (note is null || _texts.Count >= 500) return "";
            _texts.Add(string.Join(" ", note.Elements<Paragraph>().Select(paragraphText)).Trim());
            // Its number in brackets is plain text: raised, it would read as a superscript number.
            return $"[{_texts.Count}]";
        }

        public void AppendTo(StringBuilder html)
        {
            if (_texts.Count == 0) return;
            html.Append("<h2>Notes</h2><ol>");
            foreach (var text in _texts) html.Append("<li>").Append(text).Append("</li>");
            html.Append("</ol>");
        }
    }

    /// <summary>
    /// The pictures of a drawing: one, or each of several grouped to move together. One picture is described by its
    /// frame (where Word's Alt Text writes); each of a group by its own description, else the group's. A picture in a
    /// text box of the drawing is the text box's, read with its paragraphs.
    /// </summary>
    private static string Image(Drawing drawing, Context context)
    {
        var frame = drawing.Descendants<Wp.DocProperties>().FirstOrDefault();
        var pictures = Own<A.Blip>(drawing).Where(b => b.Embed?.Value is not null).ToList();
        return string.Concat(pictures.Select(blip =>
        {
            var own = blip.Ancestors<Pic.Picture>().FirstOrDefault()?.NonVisualPictureProperties?.NonVisualDrawingProperties?.Description?.Value;
            var alt = (pictures.Count > 1 ? own : null) ?? frame?.Description?.Value ?? frame?.Title?.Value ?? own ?? "";
            return Image(drawing, blip.Embed!.Value!, alt, context);
        }));
    }

    /// <summary>
    /// What of a drawing the page cannot show: charts and SmartArt (drawn by Word from their data), and pictures only
    /// linked to a file (Insert › Pictures › Link to File), which is on the writer's computer, not in the document.
    /// </summary>
    private static IEnumerable<Omission> LeftOut(Drawing drawing)
    {
        foreach (var graphic in Own<A.GraphicData>(drawing))
        {
            if (graphic.Uri?.Value is ChartUri or ChartExUri) yield return Omission.Chart;
            else if (graphic.Uri?.Value == DiagramUri) yield return Omission.SmartArt;
        }
        foreach (var _ in Own<A.Blip>(drawing).Where(b => b.Embed?.Value is null && b.Link?.Value is not null)) yield return Omission.LinkedPicture;
    }

    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string ChartExUri = "http://schemas.microsoft.com/office/drawing/2014/chartex";
    private const string DiagramUri = "http://schemas.openxmlformats.org/drawingml/2006/diagram";

    /// <summary>The <typeparamref name="T"/> of a drawing itself, not of a text box's paragraphs in it (which are read as paragraphs, with their own).</summary>
    private static IEnumerable<T> Own<T>(Drawing drawing) where T : OpenXmlElement =>
        drawing.Descendants<T>().Where(e => !e.Ancestors().TakeWhile(a => a != drawing).OfType<TextBoxContent>().Any());

    /// <summary>
    /// The picture the relationship <paramref name="id"/> of the part holding <paramref name="source"/> names, kept in the
    /// context's images (a note's under its part's name, as "footnotes-rId3": the document may have an rId3 too); "" when it is no picture.
    /// </summary>
    private static string Image(OpenXmlElement source, string id, string alt, Context context)
    {
        if (PartOf(source) is not { } container || !container.Parts.Any(p => p.RelationshipId == id) || container.GetPartById(id) is not ImagePart part) return "";
        using var stream = part.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var key = container is MainDocumentPart ? id : $"{Path.GetFileNameWithoutExtension(container.Uri.OriginalString)}-{id}";
        context.Images[key] = copy.ToArray();
        return $"<img src=\"cid:docx-{WebUtility.HtmlEncode(key)}\" alt=\"{WebUtility.HtmlEncode(alt)}\">";
    }
}
