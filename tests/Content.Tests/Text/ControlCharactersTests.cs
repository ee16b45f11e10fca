using System.Xml;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.Tests.Text;

public sealed class ControlCharactersTests
{
    [Fact]
    public void Forbidden_characters_are_exactly_those_xml_cannot_hold_and_the_controls_html_refuses()
    {
        // Every UTF-16 unit outside the surrogates (strict UTF-8 decoding never yields a lone one). HTML makes every
        // control but ASCII white space a parse error: beyond XML's, DEL and the C1 controls (U+007F–U+009F).
        for (var c = '\0'; c < char.MaxValue; c++)
        {
            if (char.IsSurrogate(c)) continue;
            var htmlRefuses = char.IsControl(c) && c is not ('\t' or '\n' or '\f' or '\r');
            Assert.True(ControlCharacters.IndexOf([c]) >= 0 == (!XmlConvert.IsXmlChar(c) || htmlRefuses), $"U+{(int)c:X4}");
        }
        Assert.Equal(0, ControlCharacters.IndexOf([char.MaxValue]));
    }

    [Fact]
    public void The_first_forbidden_character_is_found_whichever_kind_comes_first()
    {
        Assert.Equal(1, ControlCharacters.IndexOf("a\u0085b\u0007c\uFFFE"));
        Assert.Equal(1, ControlCharacters.IndexOf("a\u0007b\u0085c\uFFFE"));
        Assert.Equal(1, ControlCharacters.IndexOf("a\uFFFEb\u0085c\u0007"));
        Assert.Equal(4, ControlCharacters.IndexOf("caf\u00E9\u007F"));
    }

    [Fact]
    public void Removing_keeps_words_apart_across_line_and_page_breaks_and_drops_the_rest()
    {
        Assert.Equal("one two three colour red.", ControlCharacters.Remove("one\vtwo\fthree colour\u0007 \u001B\u001Bred.\0"));
        // A next line (U+0085) is a line break too; the C1 controls a Windows-1252 text read as Latin-1 brings are dropped.
        Assert.Equal("next line, its end.", ControlCharacters.Remove("next\u0085line, it\u0092s\u007F end\u0080."));
        Assert.Equal(0, ControlCharacters.Count("Tabs\tand\r\nline breaks stay."));
        Assert.Equal(4, ControlCharacters.Count("\u0001a\u0002b\uFFFE\u009F"));
    }

    [Theory]
    [InlineData("a bell &#7; here", 7)]
    [InlineData("escape &#x1B;[31m", 7)]
    [InlineData("upper &#X0b; x", 6)]
    [InlineData("non-character &#xFFFF;", 14)]
    [InlineData("Windows-1252's ellipsis &#x85; and &#133;", 24)]
    [InlineData("DEL &#127;", 4)]
    [InlineData("escaped \\&#7; then real &#8;", 24)]
    [InlineData("escaped backslash \\\\&#7;", 20)]
    [InlineData("fine: &#9; &#10; &#13; &#65; &#0; &#x1F642; &amp;#7; &#12345678;", -1)]
    public void References_to_forbidden_characters_are_found_where_they_are_written(string text, int index) =>
        Assert.Equal(index, ControlCharacters.IndexOfReference(text));

    [Fact]
    public void Text_without_them_is_returned_as_it_is()
    {
        var text = "Nothing to remove:\ttabs, line\r\nbreaks, Latin-1 \u00A0\u00E9 and emoji \U0001F642 are allowed.";
        Assert.Same(text, ControlCharacters.Remove(text));
    }
}
