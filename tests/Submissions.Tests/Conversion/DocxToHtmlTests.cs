using System.IO.Compression;
using PPNBlog.Submissions.Conversion;

namespace PPNBlog.Submissions.Tests.Conversion;

public class DocxToHtmlTests
{
    [Fact]
    public void A_zip_bomb_is_refused_without_being_unpacked()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<w:document/>");
            using var bomb = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 120; i++) bomb.Write(zeros);
        }
        var bytes = buffer.ToArray();
        Assert.True(bytes.Length < 2 * 1024 * 1024);
        Assert.True(DocxToHtml.IsDocx(bytes));

        var (html, _, problem) = DocxToHtml.Convert(bytes, new());

        Assert.Null(html);
        Assert.Contains("too large", problem);
    }

    [Fact]
    public void A_zip_that_understates_its_unpacked_size_is_refused_without_being_unpacked()
    {
        var (html, _, _) = DocxToHtml.Convert(Package(spaceMegabytes: 1), new());
        Assert.Contains("<p>Text", html);

        // 400 MiB of document that compresses to under a megabyte, its headers patched to say 4 KiB.
        var bytes = Package(spaceMegabytes: 400);
        // The uncompressed size: at offset 22 of the local header ("PK\x03\x04"), 24 of the central one ("PK\x01\x02").
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.AsSpan().LastIndexOf("PK\u0003\u0004"u8) + 22), 4096);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8) + 24), 4096);
        Assert.True(DocxToHtml.IsDocx(bytes));

        (html, _, var problem) = DocxToHtml.Convert(bytes, new());

        Assert.Null(html);
        Assert.Equal("damaged, or not really a .docx", problem);
    }

    [Fact]
    public void Tracked_insertions_content_controls_smart_tags_footnotes_and_numbered_lists_are_read()
    {
        const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var body = "<w:p><w:r><w:t xml:space=\"preserve\">We opened the hub in </w:t></w:r><w:ins w:id=\"1\" w:author=\"Jo\"><w:r><w:t>May and </w:t></w:r></w:ins>"
            + "<w:del w:id=\"2\" w:author=\"Jo\"><w:r><w:delText>June and </w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\">it now sees forty staff a week in </w:t></w:r>"
            + "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"City\"><w:r><w:t>Leeds</w:t></w:r></w:smartTag>"
            + "<w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"Summary\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Text in a template field.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>First step</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Second step</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>A bullet</w:t></w:r></w:p>";
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        var footnotes = $"<w:footnotes xmlns:w=\"{W}\"><w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Figures from the hub's own records.</w:t></w:r></w:p></w:footnote></w:footnotes>";
        var bytes = WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering, [("footnotes", "footnotes")] = footnotes });

        var (html, _, problem) = DocxToHtml.Convert(bytes, new());

        Assert.Null(problem);
        Assert.Contains("<p>We opened the hub in May and it now sees forty staff a week in Leeds.<sup>[1]</sup></p>", html);
        Assert.Contains("<p>Text in a template field.</p>", html);
        Assert.Contains("<ol><li>First step</li><li>Second step</li></ol><ul><li>A bullet</li></ul>", html);
        Assert.Contains("<h2>Notes</h2><ol><li>Figures from the hub&#39;s own records.</li></ol>", html);
    }

    /// <summary>A package Word would open, its document (written last) one paragraph of text and then spaces.</summary>
    private static byte[] Package(int spaceMegabytes) => WordDocuments.Package(WordDocuments.Paragraph("Text"), padding: spaceMegabytes * 1024L * 1024);

    [Fact]
    public void Broken_documents_give_a_reason_not_an_exception()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<not xml");
        var (html, _, problem) = DocxToHtml.Convert(buffer.ToArray(), new());
        Assert.Null(html);
        Assert.NotNull(problem);
        Assert.False(DocxToHtml.IsDocx("PK\u0003\u0004 junk"u8.ToArray()));
    }
}
