using PPNBlog.Content.Text;

namespace PPNBlog.Content.Tests.Text;

public class PlainTextMarkupTests
{
    [Theory]
    [InlineData("Read *this* and [the report](https://x.org) &amp; <b>bold</b>", "*this*|[the report](https://x.org)|&amp;|<b>|</b>", "Read this and the report & bold")]
    [InlineData("A **strong** start, __and__ _emphasis_.", "**strong**|__and__|_emphasis_", "A strong start, and emphasis.")]
    [InlineData("Run `ppnblog check` first", "`ppnblog check`", "Run ppnblog check first")]
    [InlineData("See ![our team](team.jpg) at work", "![our team](team.jpg)", "See our team at work")]
    [InlineData("The Interior&#39;s work, Amanda Weaver&rsquo;s team", "&#39;|&rsquo;", "The Interior's work, Amanda Weaver\u2019s team")]
    [InlineData("Some <a href=\"https://18f.gsa.gov/\">great coverage</a>, line<br/>break", "<a href=\"https://18f.gsa.gov/\">|</a>|<br/>", "Some great coverage, line break")]
    public void Markdown_and_html_are_found_with_the_text_readers_should_see(string text, string written, string plain)
    {
        var found = PlainTextMarkup.In(text);
        Assert.NotNull(found);
        Assert.Equal(written.Split('|'), found.Written);
        Assert.Equal(plain, found.Plain);
        Assert.Equal(text.IndexOf(found.Written[0], StringComparison.Ordinal), found.Index);
    }

    [Theory]
    [InlineData("Why 5 * 3 is not 5 * 4")]
    [InlineData("Mind & body, R&D; and fish & chips")]
    [InlineData("Services for < 18s and > 65s")]
    [InlineData("Dear <name>, press <Ctrl> to start")]
    [InlineData("Bitly's google_auth_proxy and snake_case_names")]
    [InlineData("Footnotes[1] and [brackets] (and parentheses)")]
    [InlineData("An asterisk* for a footnote, and a 5*3*2 sum")]
    [InlineData("A price of £5 & a mark of 100%")]
    public void Plain_text_with_a_symbol_in_it_is_not_markup(string text) =>
        Assert.Null(PlainTextMarkup.In(text));
}
