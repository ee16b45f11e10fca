using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Model;

namespace PPNBlog.Content.Tests.FrontMatter;

public class PostWriterTests
{
    [Fact]
    public void What_the_writer_writes_the_schema_reads_back_equal()
    {
        Assert.True(PostDate.TryParse("2021-03-04T10:15:00+00:00", out var date, out _));
        var written = new PostFrontMatter
        {
            Title = "Re: {{ site.title }} # not a comment: \"quoted\" @mention",
            Date = date,
            Author = "Dr O'Neil",
            Role = "Clinical Psychologist, PPN North West",
            Commitments = ["put-people-first", "transform-and-innovate"],
            Kind = PostKind.Keynote,
            Tags = ["ppn-week", "- dash", "yes"],
            Summary = "Line one: with a colon\nand a second line",
            Slug = "a-custom-slug",
            Draft = true,
            Event = "Psychological Professions Week 2020",
        };
        using var content = new TestContent();
        var post = content.ReadPost(PostWriter.Write(written, "Body with {% raw %} text."));

        Assert.Empty(content.Lines);
        var read = post!.FrontMatter;
        Assert.Equal(written.Title, read.Title);
        Assert.Equal(written.Date, read.Date);
        Assert.Equal(written.Author, read.Author);
        Assert.Equal(written.Role, read.Role);
        Assert.Equal(written.Commitments, read.Commitments);
        Assert.Equal(written.Kind, read.Kind);
        Assert.Equal(written.Tags, read.Tags);
        Assert.Equal(written.Summary, read.Summary);
        Assert.Equal(written.Slug, read.Slug);
        Assert.Equal(written.Draft, read.Draft);
        Assert.Equal(written.Event, read.Event);
        Assert.Equal("Body with {% raw %} text.\n", post.Body.TrimStart('\n'));
    }

    [Theory]
    [InlineData("!Important news")]
    [InlineData("&more to come")]
    [InlineData("*new* ideas")]
    [InlineData("[Draft] Notes")]
    [InlineData("> a quote")]
    [InlineData("| a pipe")]
    [InlineData("'single' and \"double\"")]
    [InlineData("%s `code` @ppn")]
    [InlineData("It's \"here\" #PPW2024")]
    public void Titles_that_start_or_end_with_yaml_syntax_are_written_quoted_and_read_back_unremarked(string title)
    {
        Assert.True(PostDate.TryParse("2021-03-04", out var date, out _));
        using var content = new TestContent();
        var post = content.ReadPost(PostWriter.Write(new PostFrontMatter { Title = title, Date = date, Author = title, Commitments = ["put-people-first"], Tags = [title] }, "Body."));
        Assert.Empty(content.Lines);
        Assert.Equal(title, post!.Title);
        Assert.Equal(title, post.FrontMatter.Author);
        Assert.Equal([title], post.FrontMatter.Tags);
    }

    [Theory]
    [InlineData("Null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("Yes")]
    [InlineData("off")]
    [InlineData("2025")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData(".inf")]
    [InlineData("2025-01-01")]
    public void Values_yaml_would_read_as_another_type_are_written_quoted_and_read_back_as_text(string value)
    {
        Assert.True(PostDate.TryParse("2021-03-04", out var date, out _));
        var written = new PostFrontMatter { Title = value, Date = date, Author = value, Role = value, Commitments = ["put-people-first"], Tags = [value], Summary = value };
        using var content = new TestContent();
        var post = content.ReadPost(PostWriter.Write(written, "Body."));
        Assert.Empty(content.Lines);
        var read = post!.FrontMatter;
        Assert.Equal((value, value, value, value), (read.Title, read.Author, read.Role, read.Summary));
        Assert.Equal([value], read.Tags);
        Assert.Equal(date, read.Date);
    }
}
