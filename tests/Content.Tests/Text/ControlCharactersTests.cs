using System.Xml;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.Tests.Text;

public sealed class ControlCharactersTests
{
    [Fact]
    public void Forbidden_characters_are_exactly_those_xml_cannot_hold()
    {
        // Every UTF-16 unit outside the surrogates (strict UTF-8 decoding never yields a lone one).
        for (var c = '\0'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c)) continue;
            Assert.True(ControlCharacters.IndexOf([c]) >= 0 == !XmlConvert.IsXmlChar(c), $"U+{(int)c:X4}");
        }
        Assert.Equal(0, ControlCharacters.IndexOf([char.MaxValue]));
    }

    [Fact]
    public void Removing_keeps_words_apart_across_line_and_page_breaks_and_drops_the_rest()
    {
        Assert.Equal("one two three colour red.", ControlCharacters.Remove("one\vtwo\fthree colour\u0007 \u001B\u001Bred.\0"));
        Assert.Equal(0, ControlCharacters.Count("Tabs\tand\r\nline breaks stay."));
        Assert.Equal(3, ControlCharacters.Count("\u0001a\u0002b\uFFFE"));
    }

    [Theory]
    [InlineData("a bell &#7; here", 7)]
    [InlineData("escape &#x1B;[31m", 7)]
    [InlineData("upper &#X0b; x", 6)]
    [InlineData("non-character &#xFFFF;", 14)]
    [InlineData("escaped \\&#7; then real &#8;", 24)]
    [InlineData("escaped backslash \\\\&#7;", 20)]
    [InlineData("fine: &#9; &#10; &#13; &#65; &#0; &#x1F642; &amp;#7; &#12345678;", -1)]
    public void References_to_forbidden_characters_are_found_where_they_are_written(string text, int index) =>
        Assert.Equal(index, ControlCharacters.IndexOfReference(text));

    [Fact]
    public void Text_without_them_is_returned_as_it_is()
    {
        var text = "Nothing to remove:\ttabs, line\r\nbreaks, DEL \u007F and C1 \u0085 are allowed.";
        Assert.Same(text, ControlCharacters.Remove(text));
    }
}
