using PPNBlog.Content.Text;

namespace PPNBlog.Content.Tests.Text;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Small acts: a year on", "small-acts-a-year-on")]
    [InlineData("Café culture in Cymru: ŵyr a wyres", "cafe-culture-in-cymru-wyr-a-wyres")]
    public void Latin_text_keeps_its_words_and_drops_its_accents(string text, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(text));
        Assert.Equal(slug, Slugs.ForTag(text));
    }

    [Theory]
    [InlineData("2025-01-01 Small acts that make a difference", "small-acts-that-make-a-difference")]
    [InlineData("20250101_Small acts", "small-acts")]
    [InlineData("2025/01/01: 2024-12-31 Small acts", "small-acts")]
    [InlineData("2025-01-01", "2025-01-01")]
    [InlineData("2025 in review", "2025-in-review")]
    public void A_title_slug_names_a_folder_whose_address_is_that_slug(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
        Assert.Equal(slug, Slugs.FromFileName(Slugs.FromTitle(title)));
    }

    [Fact]
    public void Text_beyond_latin_gets_a_short_hash_so_two_never_share_an_address()
    {
        Assert.Matches("^post-[0-9a-f]{8}$", Slugs.FromTitle("心理健康"));
        Assert.Matches("^tag-[0-9a-f]{8}$", Slugs.ForTag("心理"));
        Assert.NotEqual(Slugs.ForTag("心理"), Slugs.ForTag("健康"));
        Assert.Matches("^nhs-[0-9a-f]{8}$", Slugs.ForTag("NHS 心理"));
        Assert.NotEqual(Slugs.ForTag("NHS"), Slugs.ForTag("NHS 心理"));
        // The same tag in other capitals is the same tag; a slug made once is its own slug.
        Assert.Equal(Slugs.ForTag("Søren"), Slugs.ForTag("SØREN"));
        Assert.Equal(Slugs.ForTag("心理"), Slugs.ForTag(Slugs.ForTag("心理")));
    }

    [Fact]
    public void Text_without_a_letter_or_digit_gets_a_short_hash_not_a_shared_untitled()
    {
        string[] texts = ["🧠", "💥💥", "#", "...", "-", "?!"];
        foreach (var text in texts)
        {
            Assert.Matches("^tag-[0-9a-f]{8}$", Slugs.ForTag(text));
            Assert.Matches("^post-[0-9a-f]{8}$", Slugs.FromTitle(text));
        }
        Assert.Equal(texts.Length, texts.Select(Slugs.ForTag).Distinct().Count());
        // A tag that is the word itself keeps its readable slug.
        Assert.Equal("untitled", Slugs.ForTag("Untitled"));
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_and_keeps_its_hash()
    {
        var latin = Slugs.FromTitle(string.Join(' ', Enumerable.Repeat("wellbeing", 20)));
        Assert.True(latin.Length <= Slugs.MaxLength);
        Assert.EndsWith("wellbeing", latin);
        var mixed = Slugs.FromTitle(string.Join(' ', Enumerable.Repeat("wellbeing", 20)) + " 心理");
        Assert.True(mixed.Length <= Slugs.MaxLength);
        Assert.Matches("^(wellbeing-)+[0-9a-f]{8}$", mixed);
    }
}
