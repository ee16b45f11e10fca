using PPNBlog.Content.FrontMatter;

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
}
