using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Reads a Word document (.docx) with DocumentFormat.OpenXml into simple HTML (headings, paragraphs, emphasis, lists,
/// links, tables, embedded images), which <see cref="HtmlToMarkdown"/> then turns into Markdown like any email body.
/// Embedded images are referred to as <c>cid:docx-&lt;relationship id&gt;</c>.
/// </summary>
public static class DocxToHtml
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
    /// Converts the document, spending its unpacked size from <paramref name="budget"/>; null (with a reason) when it
    /// cannot be read safely. The sizes a zip declares bound what is unpacked: reading past one is an error.
    /// </summary>
    public static (string? Html, Dictionary<string, byte[]> Images, string? Problem) Convert(byte[] bytes, UnpackBudget budget)
    {
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > 2000 || zip.GetEntry("word/document.xml") is { Length: > MaxDocumentXmlBytes })
                    return (null, images, $"too large when unpacked: its text is over {MaxDocumentXmlBytes / (1024 * 1024)} MB, far more than any post");
                var unpacked = zip.Entries.Sum(e => e.Length);
                if (!budget.TrySpend(unpacked))
                    return (null, images, budget.Remaining == MaxUnpackedBytesPerMessage
                        ? "too large when unpacked"
                        : $"not read: with the Word documents before it, over the {MaxUnpackedBytesPerMessage / (1024 * 1024)} MB an email's documents may unpack to");
            }
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null) return (null, images, Unreadable);
            var html = new StringBuilder("<html><body>");
            string? openList = null;
            foreach (var element in body.ChildElements)
            {
                if (element is Paragraph paragraph && paragraph.ParagraphProperties?.NumberingProperties is not null)
                {
                    if (openList is null)
                    {
                        openList = "ul";
                        html.Append("<ul>");
                    }
                    html.Append("<li>").Append(Runs(paragraph, main, images)).Append("</li>");
                    continue;
                }
                if (openList is not null)
                {
                    html.Append("</ul>");
                    openList = null;
                }
                switch (element)
                {
                    case Paragraph p:
                        var tag = HeadingTag(p);
                        html.Append('<').Append(tag).Append('>').Append(Runs(p, main, images)).Append("</").Append(tag).Append('>');
                        break;
                    case Table table:
                        html.Append("<table>");
                        foreach (var row in table.Elements<TableRow>())
                        {
                            html.Append("<tr>");
                            foreach (var cell in row.Elements<TableCell>())
                                html.Append("<td>").Append(string.Join("<br>", cell.Elements<Paragraph>().Select(cp => Runs(cp, main, images)))).Append("</td>");
                            html.Append("</tr>");
                        }
                        html.Append("</table>");
                        break;
                }
            }
            if (openList is not null) html.Append("</ul>");
            return (html.Append("</body></html>").ToString(), images, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or OpenXmlPackageException or InvalidOperationException or ArgumentException)
        {
            return (null, images, Unreadable);
        }
    }

    private static string HeadingTag(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase)) return "h1";
        return style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(style.AsSpan(7), out var level) && level is >= 1 and <= 6
            ? $"h{level}" : "p";
    }

    private static string Runs(Paragraph paragraph, MainDocumentPart main, Dictionary<string, byte[]> images)
    {
        var html = new StringBuilder();
        foreach (var child in paragraph.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    html.Append(Run(run, main, images));
                    break;
                case Hyperlink link:
                    var target = link.Id?.Value is { } id ? main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri : null;
                    var text = string.Concat(link.Elements<Run>().Select(r => Run(r, main, images)));
                    html.Append(target is null ? text : $"<a href=\"{WebUtility.HtmlEncode(target.ToString())}\">{text}</a>");
                    break;
            }
        }
        return html.ToString();
    }

    private static string Run(Run run, MainDocumentPart main, Dictionary<string, byte[]> images)
    {
        var html = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    html.Append(WebUtility.HtmlEncode(text.Text));
                    break;
                case Break or CarriageReturn:
                    html.Append("<br>");
                    break;
                case TabChar:
                    html.Append(' ');
                    break;
                case Drawing drawing:
                    html.Append(Image(drawing, main, images));
                    break;
            }
        }
        var properties = run.RunProperties;
        var result = html.ToString();
        if (result.Trim().Length == 0 || result.StartsWith("<img", StringComparison.Ordinal)) return result;
        if (properties?.Italic is not null && properties.Italic.Val?.Value != false) result = $"<em>{result}</em>";
        if (properties?.Bold is not null && properties.Bold.Val?.Value != false) result = $"<strong>{result}</strong>";
        return result;
    }

    private static string Image(Drawing drawing, MainDocumentPart main, Dictionary<string, byte[]> images)
    {
        var id = drawing.Descendants<A.Blip>().FirstOrDefault()?.Embed?.Value;
        if (id is null || main.GetPartById(id) is not ImagePart part) return "";
        using var stream = part.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        images[id] = copy.ToArray();
        var properties = drawing.Descendants<Wp.DocProperties>().FirstOrDefault();
        var alt = properties?.Description?.Value ?? properties?.Title?.Value ?? "";
        return $"<img src=\"cid:docx-{WebUtility.HtmlEncode(id)}\" alt=\"{WebUtility.HtmlEncode(alt)}\">";
    }
}
