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
