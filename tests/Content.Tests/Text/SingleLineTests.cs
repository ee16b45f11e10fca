using PPNBlog.Content.Text;

namespace PPNBlog.Content.Tests.Text;

public sealed class SingleLineTests
{
    [Theory]
    [InlineData("Jo\u200B Evans\u200C\u200E", "Jo Evans")]
    [InlineData("\uFEFFSmall acts", "Small acts")]
    [InlineData("Invoice \u202Egpj.exe\u202C and \u2067isolated\u2069 \u061Cmark\u200F", "Invoice gpj.exe and isolated mark")]
    [InlineData("Hidden\U000E0041\U000E0042 tags", "Hidden tags")]
    [InlineData("Line\none\ttwo\u0007", "Line one two")]
    [InlineData("Joiner\u200Dalone", "Joineralone")]
    // Each shows as nothing inside a word: "well\u00ADbeing" looked like another tag "wellbeing".
    [InlineData("well\u00ADbe\u2060ing\u034F \u180EJane\u3164", "wellbeing Jane")]
    // Unicode's other default-ignorable characters: a variation selector after a plain letter, Khmer's inherent vowels,
    // Mongolian form selectors outside Mongolian, the Hangul half-width filler, musical format marks; the blank Braille
    // pattern is a space.
    [InlineData("wellbeing\uFE0F care\U000E0100 \u17B4a\u17B5\u180Bb\u180F \uFFA0c\U0001D173", "wellbeing care ab c")]
    [InlineData("\uFE0Fstart \uFE0F", "start")]
    [InlineData("two\u2800words", "two words")]
    public void Invisible_and_direction_changing_characters_are_removed(string text, string line) => Assert.Equal(line, SingleLine.From(text));

    [Theory]
    [InlineData("Love \u2764\uFE0F and \u00A9\uFE0E")]
    [InlineData("Keycap 1\uFE0F\u20E3 and #\uFE0F\u20E3")]
    [InlineData("Pride \U0001F3F3\uFE0F\u200D\U0001F308")]
    [InlineData("Name \u8FBB\U000E0100")]
    [InlineData("Mongolian \u1820\u180B")]
    public void A_variation_or_form_selector_stays_with_the_symbol_or_letter_it_shapes(string text) => Assert.Equal(text, SingleLine.From(text));

    [Fact]
    public void An_emoji_sequence_keeps_its_joiners()
    {
        const string HealthWorker = "\U0001F469\u200D\u2695\uFE0F";
        const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.Equal($"Our {HealthWorker} and {Family}", SingleLine.From($"Our {HealthWorker} and {Family}"));
    }

    [Fact]
    public void A_body_keeps_its_lines_and_loses_its_direction_overrides_and_hidden_characters()
    {
        Assert.Equal("First gpj.exe\n\nSecond \u200Dline", SingleLine.WithoutHiddenCharacters("First \u202Egpj.exe\u202C\n\nSecond \u2066\u200Dline\u2069"));
        Assert.Equal("jane.smith@nhs.net", SingleLine.WithoutHiddenCharacters("jane.smi\u00ADth@\u200Bnhs.\u2060net"));
    }
}
