using System.IO.Compression;
using System.Security;

namespace PPNBlog.Submissions.Tests;

/// <summary>Small .docx packages written part by part, as Word lays them out, for documents a test needs exactly.</summary>
internal static class WordDocuments
{
    /// <summary>
    /// A package whose body is <paramref name="bodyXml"/> (WordprocessingML inside &lt;w:body&gt;), with a hyperlink
    /// relationship for each of <paramref name="links"/> (id → target, written as given) and <paramref name="padding"/>
    /// bytes of spaces at the end of the document, compressed to almost nothing; <paramref name="parts"/> adds parts
    /// the document refers to (numbering, footnotes), each as its part name and content type → its XML, and
    /// <paramref name="partLinks"/> an added part's own hyperlink relationships, by its name; <paramref name="pictures"/>
    /// PNG pictures of the document, by relationship id → their bytes; <paramref name="linkedPictures"/> pictures only
    /// linked to their files (Link to File), by relationship id → the file's path.
    /// </summary>
    public static byte[] Package(string bodyXml, IReadOnlyDictionary<string, string>? links = null, long padding = 0,
        IReadOnlyDictionary<(string Name, string Type), string>? parts = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? partLinks = null,
        IReadOnlyDictionary<string, byte[]>? pictures = null, IReadOnlyDictionary<string, string>? linkedPictures = null)
    {
        parts ??= new Dictionary<(string, string), string>();
        pictures ??= new Dictionary<string, byte[]>();
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"""
                + string.Concat(parts.Keys.Select(k => $"""<Override PartName="/word/{k.Name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{k.Name}+xml"/>"""))
                + "</Types>");
            Write(zip, "_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Write(zip, "word/_rels/document.xml.rels", Relationships(links, string.Concat(parts.Keys.Select(k =>
                $"""<Relationship Id="rId{k.Name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{k.Type}" Target="{k.Name}.xml"/>"""))
                + string.Concat(pictures.Keys.Select(id => $"""<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/{id}.png"/>"""))
                + string.Concat((linkedPictures ?? new Dictionary<string, string>()).Select(l =>
                    $"""<Relationship Id="{l.Key}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{SecurityElement.Escape(l.Value)}" TargetMode="External"/>"""))));
            foreach (var (id, picture) in pictures)
            {
                using var media = zip.CreateEntry($"word/media/{id}.png").Open();
                media.Write(picture);
            }
            foreach (var ((name, _), xml) in parts) Write(zip, $"word/{name}.xml", xml);
            foreach (var (name, own) in partLinks ?? new Dictionary<string, IReadOnlyDictionary<string, string>>()) Write(zip, $"word/_rels/{name}.xml.rels", Relationships(own, ""));
            using var document = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open());
            document.Write("""<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>""");
            document.Write(bodyXml);
            var spaces = new string(' ', 64 * 1024);
            for (var written = 0L; written < padding; written += spaces.Length) document.Write(spaces);
            document.Write("</w:body></w:document>");
        }
        return buffer.ToArray();
    }

    /// <summary>A part's relationships file: a hyperlink for each of <paramref name="links"/> (id → target, written as given), then <paramref name="more"/>.</summary>
    private static string Relationships(IReadOnlyDictionary<string, string>? links, string more) =>
        """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + string.Concat((links ?? new Dictionary<string, string>()).Select(l =>
            $"""<Relationship Id="{l.Key}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{SecurityElement.Escape(l.Value).Replace("\n", "&#10;")}" TargetMode="External"/>"""))
        + more + "</Relationships>";

    /// <summary>A WordprocessingML paragraph of <paramref name="text"/>.</summary>
    public static string Paragraph(string text) => $"<w:p><w:r><w:t>{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    /// <summary>A WordprocessingML paragraph of <paramref name="text"/> in the paragraph style <paramref name="style"/> ("Heading1", "Title").</summary>
    public static string Styled(string style, string text) => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    /// <summary>A paragraph of <paramref name="text"/> that is an item of list <paramref name="id"/> at <paramref name="level"/> (0 for the outermost).</summary>
    public static string ListItem(int id, int level, string text) =>
        $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr><w:r><w:t>{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    /// <summary>
    /// A list level of a numbering definition: numbered in <paramref name="format"/> ("decimal", "lowerLetter",
    /// "upperRoman"…) from <paramref name="start"/>, started again as <paramref name="restartAfter"/> says (Word's
    /// w:lvlRestart: 0 never; none after any level above).
    /// </summary>
    public static string NumberingLevel(int level, string format, int start, int? restartAfter = null) =>
        $"<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/>"
        + (restartAfter is { } after ? $"<w:lvlRestart w:val=\"{after}\"/>" : "") + "</w:lvl>";

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
