using PPNBlog.Generator.Html;

namespace PPNBlog.Generator.Tests.Html;

/// <summary>The excerpt collapses white space and cuts at a word within 240 characters.</summary>
public sealed class ExcerptTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("  one \t two\n\nthree  ", "one two three")]
    [InlineData("a\u00a0b", "a b")]
    public void White_space_is_collapsed(string text, string excerpt) => Assert.Equal(excerpt, BodyEdits.Excerpt(text));

    [Fact]
    public void Any_text_gives_what_collapsing_all_of_it_then_cutting_gives()
    {
        // The excerpt collapses only as far as the cut can reach; the result must be that of collapsing everything.
        var random = new Random(20261127);
        string[] pieces = ["word", "longerword", ",", ".", ";", ":", " ", "  ", "\t", "\n", "\u00a0", "é", "\u2003", "x", "😀", "👩‍⚕️", "e\u0301"];
        for (var n = 0; n < 5000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 160)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(CollapseThenCut(text), BodyEdits.Excerpt(text));
        }
    }

    private static string CollapseThenCut(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= 240) return collapsed;
        var cut = collapsed.LastIndexOf(' ', 240);
        return (cut > 0 ? collapsed[..cut] : WholeCharactersWithin(collapsed, 240)).TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>The user-perceived characters of <paramref name="text"/> that fit in <paramref name="length"/> UTF-16 units.</summary>
    private static string WholeCharactersWithin(string text, int length)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var end = 0;
        while (elements.MoveNext() && elements.ElementIndex + ((string)elements.Current).Length <= length) end = elements.ElementIndex + ((string)elements.Current).Length;
        return text[..end];
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("👩‍⚕️")]
    [InlineData("e\u0301")]
    public void A_paragraph_with_no_space_to_cut_at_is_cut_between_whole_characters(string character)
    {
        // Chinese or Japanese prose has no spaces: the cut falls inside it, here on a character that straddles the 240th unit.
        var text = string.Concat(Enumerable.Repeat("心", 239)) + character + "理";
        Assert.Equal(string.Concat(Enumerable.Repeat("心", 239)) + "…", BodyEdits.Excerpt(text));
    }
}
