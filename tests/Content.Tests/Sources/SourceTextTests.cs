using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Sources;

namespace PPNBlog.Content.Tests.Sources;

public class SourceTextTests
{
    [Fact]
    public void Windows_1252_text_is_reported_at_the_first_bad_byte()
    {
        var diagnostics = new DiagnosticList();
        byte[] bytes = [.. "---\ntitle: ok\nauthor: Ren"u8, 0xE9, .. "e\n"u8];
        Assert.Null(SourceText.Decode(bytes, "post.md", diagnostics));
        Assert.StartsWith("post.md:3:12: error PPN011: file is not valid UTF-8", Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        var diagnostics = new DiagnosticList();
        Assert.Equal("---", SourceText.Decode([0xEF, 0xBB, 0xBF, .. "---"u8], "post.md", diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void A_huge_file_is_refused_without_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(path)) stream.SetLength(SourceText.MaxBytes + 1);
            var diagnostics = new DiagnosticList();
            Assert.Null(SourceText.Read(path, "big.md", diagnostics));
            Assert.StartsWith("big.md:1:1: error PPN012:", Assert.Single(diagnostics.Sorted()).ToString());
        }
        finally { File.Delete(path); }
    }
}
