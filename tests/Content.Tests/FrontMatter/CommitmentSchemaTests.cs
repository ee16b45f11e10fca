using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;

namespace PPNBlog.Content.Tests.FrontMatter;

public class CommitmentSchemaTests
{
    private static (string? Hashtag, List<string> Lines) Read(string hashtag)
    {
        var diagnostics = new DiagnosticList();
        var commitment = CommitmentSchema.Read(FrontMatterBlock.Split($"---\ntitle: Put people first\norder: 1\nsummary: People first.\nhashtag: {hashtag}\n---\n\nText.\n"),
            "/in/commitments/put-people-first.md", "commitments/put-people-first.md", diagnostics);
        return (commitment?.Hashtag, diagnostics.Sorted().Select(d => d.ToString()).ToList());
    }

    [Theory]
    [InlineData("PutPeopleFirst", "PutPeopleFirst")]
    [InlineData("\"#PutPeopleFirst\"", "PutPeopleFirst")]
    [InlineData("PPN_2026", "PPN_2026")]
    public void A_hashtag_is_kept_without_its_hash(string written, string expected)
    {
        var (hashtag, lines) = Read(written);
        Assert.Empty(lines);
        Assert.Equal(expected, hashtag);
    }

    [Theory]
    [InlineData("\"#Put People First!\"", "Put People First!")]
    [InlineData("PP", "PP")]
    [InlineData("2026Week", "2026Week")]
    public void A_hashtag_the_bot_could_never_find_is_reported_but_the_commitment_stays(string written, string shown)
    {
        var (hashtag, lines) = Read(written);
        Assert.Equal(shown, hashtag);
        Assert.Equal([$"commitments/put-people-first.md:5:10: error PPN004: 'hashtag' should be one word of letters, digits or _, not '{shown}' "
            + "(hint: Write it as one word of 3 to 61 characters, e.g. hashtag: PutPeopleFirst: the bot finds the commitment by it in emails.)"], lines);
    }
}
