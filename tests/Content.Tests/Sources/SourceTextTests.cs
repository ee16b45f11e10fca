using System.Text;
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

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void UTF_16_is_named_as_such(string encoding)
    {
        var diagnostics = new DiagnosticList();
        var utf16 = Encoding.GetEncoding(encoding);
        Assert.Null(SourceText.Decode([.. utf16.Preamble, .. utf16.GetBytes("---\ntitle: Café\n---\n")], "post.md", diagnostics));
        Assert.StartsWith("post.md:1:1: error PPN011: file is saved as UTF-16 (\"Unicode\"), not UTF-8 (hint: Save the file as UTF-8",
            Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void Lines_ended_by_a_carriage_return_alone_are_lines()
    {
        var diagnostics = new DiagnosticList();
        Assert.Equal("---\ntitle: ok\n---\n", SourceText.Decode("---\rtitle: ok\r---\r"u8, "post.md", diagnostics));
        Assert.Equal("---\r\ntitle: ok\r\n", SourceText.Decode("---\r\ntitle: ok\r\n"u8, "post.md", diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        var diagnostics = new DiagnosticList();
        Assert.Equal("---", SourceText.Decode([0xEF, 0xBB, 0xBF, .. "---"u8], "post.md", diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Theory]
    [InlineData('\u0007', "U+0007")]
    [InlineData('\u001B', "U+001B")]
    [InlineData('\v', "U+000B")]
    [InlineData('\0', "U+0000")]
    [InlineData('\uFFFF', "U+FFFF")]
    [InlineData('\u0085', "U+0085")]
    [InlineData('\u009B', "U+009B")]
    [InlineData('\u007F', "U+007F")]
    public void A_control_character_is_reported_where_it_is(char control, string name)
    {
        var diagnostics = new DiagnosticList();
        var text = $"---\r\ntitle: Bell\r\n---\r\n\r\nA line\tthen {control}here, and {control}{control} later.\n";
        Assert.Null(SourceText.Decode(Encoding.UTF8.GetBytes(text), "post.md", diagnostics));
        Assert.Equal($"post.md:5:13: error PPN023: the file holds the control character {name} (and 2 more after it), which feeds cannot carry "
            + "and pages do not show (hint: Delete the character at that place (most editors do not show it; it often comes with text pasted from a PDF or a terminal).)",
            Assert.Single(diagnostics.Sorted()).ToString());
    }

    [Fact]
    public void Tabs_and_line_breaks_are_kept()
    {
        var diagnostics = new DiagnosticList();
        // Tab, CR, LF: the only controls a page can carry (HTML refuses DEL and the C1 range, which XML allows).
        const string text = "---\r\ntitle: \"Tab\there\"\r\n---\n\nA no-break\u00A0space, Latin-1 \u00E9 and emoji 🙂.\n";
        Assert.Equal(text, SourceText.Decode(Encoding.UTF8.GetBytes(text), "post.md", diagnostics));
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

    [Fact]
    public void Files_of_any_size_up_to_the_limit_read_whole_one_after_another()
    {
        // Each thread reads into one buffer it keeps and grows: a long file, then a short one, then an empty one.
        var path = Path.GetTempFileName();
        try
        {
            var line = "Ünïcödé text, line after line — with “quotes”.\n";
            foreach (var text in new[] { string.Concat(Enumerable.Repeat(line, 30_000)), "short", "" })
            {
                File.WriteAllText(path, text);
                var diagnostics = new DiagnosticList();
                Assert.Equal(text, SourceText.Read(path, "post.md", diagnostics));
                Assert.Empty(diagnostics.Sorted());
            }
        }
        finally { File.Delete(path); }
    }
}
