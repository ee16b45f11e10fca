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
    /// <summary>The most a .docx may expand to when unzipped (100 MiB): a zip bomb is refused, not opened.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;

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

    /// <summary>Converts the document; null (with a reason) when it cannot be read safely.</summary>
    public static (string? Html, Dictionary<string, byte[]> Images, string? Problem) Convert(byte[] bytes)
    {
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > 2000 || zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
                    return (null, images, "too large when unpacked");
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
