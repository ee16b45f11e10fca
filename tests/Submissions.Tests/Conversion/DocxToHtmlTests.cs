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

        var (html, _, problem) = DocxToHtml.Convert(bytes);

        Assert.Null(html);
        Assert.Contains("too large", problem);
    }

    [Fact]
    public void A_zip_that_understates_its_unpacked_size_is_refused_without_being_unpacked()
    {
        var (html, _, _) = DocxToHtml.Convert(Package(spaceMegabytes: 1));
        Assert.Contains("<p>Text", html);

        // 400 MiB of document that compresses to under a megabyte, its headers patched to say 4 KiB.
        var bytes = Package(spaceMegabytes: 400);
        // The uncompressed size: at offset 22 of the local header ("PK\x03\x04"), 24 of the central one ("PK\x01\x02").
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.AsSpan().LastIndexOf("PK\u0003\u0004"u8) + 22), 4096);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8) + 24), 4096);
        Assert.True(DocxToHtml.IsDocx(bytes));

        (html, _, var problem) = DocxToHtml.Convert(bytes);

        Assert.Null(html);
        Assert.Equal("damaged, or not really a .docx", problem);
    }

    /// <summary>A package Word would open, its document (written last) one paragraph of text and then spaces.</summary>
    private static byte[] Package(int spaceMegabytes)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                writer.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            using (var writer = new StreamWriter(zip.CreateEntry("_rels/.rels").Open()))
                writer.Write("""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            document.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Text"u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < spaceMegabytes; i++) document.Write(spaces);
            document.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Broken_documents_give_a_reason_not_an_exception()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<not xml");
        var (html, _, problem) = DocxToHtml.Convert(buffer.ToArray());
        Assert.Null(html);
        Assert.NotNull(problem);
        Assert.False(DocxToHtml.IsDocx("PK\u0003\u0004 junk"u8.ToArray()));
    }
}
