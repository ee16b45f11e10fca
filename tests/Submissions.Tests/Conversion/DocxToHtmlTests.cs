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
