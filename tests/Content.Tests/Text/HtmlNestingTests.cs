using PPNBlog.Content.Text;

namespace PPNBlog.Content.Tests.Text;

/// <summary>Untrusted HTML nested deeper than browsers nest is refused before a parser builds it (quadratic in depth).</summary>
public sealed class HtmlNestingTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Fact]
    public void Nesting_up_to_the_limit_is_allowed_and_one_more_is_not()
    {
        Assert.False(HtmlNesting.IsTooDeep(Repeat("<div>", HtmlNesting.Limit) + "x" + Repeat("</div>", HtmlNesting.Limit)));
        Assert.True(HtmlNesting.IsTooDeep(Repeat("<div>", HtmlNesting.Limit + 1) + "x" + Repeat("</div>", HtmlNesting.Limit + 1)));
    }

    [Theory]
    [InlineData("<div>", 100_000)] // never closed
    [InlineData("<span><b>", 1_000)] // inline and formatting elements
    [InlineData("<div/>", 1_000)] // "/>" does not close a div in HTML
    [InlineData("<ul><li>", 1_000)] // lists in list items
    [InlineData("<table><tr><td>", 1_000)] // tables in cells
    [InlineData("<blockquote><p>", 1_000)]
    public void Built_to_nest_deep_is_too_deep(string unit, int times) =>
        Assert.True(HtmlNesting.IsTooDeep(Repeat(unit, times) + "x"));

    [Theory]
    [InlineData("<p>", 10_000)] // each <p> ends the one before
    [InlineData("<li>", 10_000)]
    [InlineData("<td>", 10_000)]
    [InlineData("<br><img src=a.png><hr>", 10_000)] // void elements hold nothing
    [InlineData("<div><span></div>", 10_000)] // the end tag closes what was opened inside it
    [InlineData("<div>x</div>", 10_000)] // long, not deep
    [InlineData("</div></span>", 10_000)] // end tags of elements not open are ignored
    public void Long_but_shallow_html_is_not_too_deep(string unit, int times) =>
        Assert.False(HtmlNesting.IsTooDeep("<div>" + Repeat(unit, times) + "</div>"));

    [Fact]
    public void Self_closing_tags_close_inside_svg()
    {
        Assert.False(HtmlNesting.IsTooDeep("<svg>" + Repeat("<path d='M0 0'/>", 2_000) + "</svg>"));
        Assert.True(HtmlNesting.IsTooDeep("<svg></svg>" + Repeat("<path/>", 2_000)));
    }

    [Theory]
    [InlineData("script")]
    [InlineData("style")]
    [InlineData("textarea")]
    [InlineData("title")]
    public void Tags_written_inside_text_elements_are_text(string element)
    {
        var tags = Repeat("<div>", 2_000);
        Assert.False(HtmlNesting.IsTooDeep($"<{element}>{tags}</{element}><p>after</p>"));
        // After the element's end, tags count again.
        Assert.True(HtmlNesting.IsTooDeep($"<{element}>x</{element}>{tags}"));
    }
}
