using System.Text;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Sources;

namespace PPNBlog.Content.Tests.FrontMatter;

public class FrontMatterBlockTests
{
    [Fact]
    public void Splits_yaml_and_body_with_their_first_lines()
    {
        var block = FrontMatterBlock.Split("---\ntitle: x\n---\n\nBody\n");
        Assert.Equal(FrontMatterShape.Closed, block.Shape);
        Assert.Equal("title: x\n", block.Yaml);
        Assert.Equal(2, block.YamlFirstLine);
        Assert.Equal("\nBody\n", block.Body);
        Assert.Equal(4, block.BodyFirstLine);
    }

    [Fact]
    public void Accepts_crlf_leading_blank_lines_and_trailing_spaces_on_delimiters()
    {
        var block = FrontMatterBlock.Split("\r\n---  \r\ntitle: x\r\n--- \r\nBody");
        Assert.Equal(FrontMatterShape.Closed, block.Shape);
        Assert.Equal(3, block.YamlFirstLine);
        Assert.Equal("Body", block.Body);
        Assert.Equal(5, block.BodyFirstLine);
    }

    [Fact]
    public void Tells_missing_from_unclosed()
    {
        Assert.Equal(FrontMatterShape.None, FrontMatterBlock.Split("# Title\n---\n").Shape);
        Assert.Equal(FrontMatterShape.Unclosed, FrontMatterBlock.Split("---\ntitle: x\nBody\n").Shape);
    }

    /// <summary>Files whose split is found in their bytes, and files <see cref="FrontMatterBlock.Read"/> must refuse or decode whole.</summary>
    private static readonly Dictionary<string, byte[]> Files = new()
    {
        { "closed", Encoding.UTF8.GetBytes("---\ntitle: Café ☕\n---\n\nBody with é, 😀 and U+2028 (\u2028).\n") },
        { "crlf, blank lines, trailing spaces and tabs", Encoding.UTF8.GetBytes("\r\n \t\r\n---  \r\ntitle: x\r\n---\t\r\nBody\r\n") },
        { "closed by '...'", Encoding.UTF8.GetBytes("---\ntitle: x\n...\nBody") },
        { "no line end after the closing line", Encoding.UTF8.GetBytes("---\ntitle: x\n---") },
        { "unclosed", Encoding.UTF8.GetBytes("---\ntitle: x\nBody\n") },
        { "no front matter", Encoding.UTF8.GetBytes("# Title\n---\nBody\n") },
        { "a delimiter of four", Encoding.UTF8.GetBytes("----\ntitle: x\n----\n") },
        { "byte-order mark", [0xEF, 0xBB, 0xBF, .. "---\ntitle: x\n---\nBody\n"u8] },
        { "byte-order mark inside the YAML", Encoding.UTF8.GetBytes("---\ntitle: \uFEFFx\n---\nBody\n") },
        { "lines ended by CR alone", Encoding.UTF8.GetBytes("---\rtitle: x\r---\rBody\r") },
        { "one line", Encoding.UTF8.GetBytes("---") },
        { "only a line end", "\n"u8.ToArray() },
        { "invalid UTF-8 in the body", [.. "---\ntitle: x\n---\nCaf"u8, 0xE9, .. "\n"u8] },
        { "invalid UTF-8 in the YAML", [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\nBody\n"u8] },
        { "a sequence cut at the end", [.. "---\ntitle: x\n---\nBody "u8, 0xE2, 0x82] },
        { "control character in the body", Encoding.UTF8.GetBytes("---\ntitle: x\n---\nBody\u0007 and \u0085\n") },
        { "control character in the YAML", Encoding.UTF8.GetBytes("---\ntitle: x\u001B\n---\nBody\n") },
        { "UTF-16", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("---\ntitle: x\n---\n")] },
    };

    public static TheoryData<string> FileNames => [.. Files.Keys];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Reads_a_file_as_its_text_split(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ppnblog-block-{Guid.NewGuid():N}.md");
        File.WriteAllBytes(path, Files[name]);
        try
        {
            var fromText = new DiagnosticList();
            var expected = SourceText.Read(path, "post.md", fromText) is { } text ? FrontMatterBlock.Split(text) : null;
            var fromBytes = new DiagnosticList();
            Assert.Equal(expected, FrontMatterBlock.Read(path, "post.md", fromBytes));
            Assert.Equal(fromText.Sorted().Select(d => d.ToString()), fromBytes.Sorted().Select(d => d.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reading_an_empty_file_gives_an_empty_body()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ppnblog-block-{Guid.NewGuid():N}.md");
        File.WriteAllBytes(path, []);
        try
        {
            Assert.Equal(new FrontMatterBlock("", 1, "", 1, FrontMatterShape.None), FrontMatterBlock.Read(path, "post.md", new DiagnosticList()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
