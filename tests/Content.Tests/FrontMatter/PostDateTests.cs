using PPNBlog.Content.Model;

namespace PPNBlog.Content.Tests.FrontMatter;

public class PostDateTests
{
    [Theory]
    [InlineData("2020-12-14", "2020-12-14T00:00:00+00:00", false)]
    [InlineData("2021-06-01", "2021-06-01T00:00:00+01:00", false)]
    [InlineData("2020-12-14T09:30:00+00:00", "2020-12-14T09:30:00+00:00", true)]
    [InlineData("2020-12-14T09:30:00Z", "2020-12-14T09:30:00+00:00", true)]
    [InlineData("2020-12-14 09:30", "", false)]
    [InlineData("2015-03-17 14:00:00 -4", "2015-03-17T14:00:00-04:00", true)]
    [InlineData("2015-03-17T14:00:00.123-04:00", "2015-03-17T14:00:00-04:00", true)]
    public void Parses_iso_dates_and_date_times_with_offsets(string text, string expected, bool hasTime)
    {
        var ok = PostDate.TryParse(text, out var date, out var problem);
        if (expected.Length == 0)
        {
            Assert.False(ok);
            Assert.Contains("no offset", problem);
            return;
        }
        Assert.True(ok, problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date.Value);
        Assert.Equal(expected.Substring(19), date.Value.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(hasTime, date.HasTime);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("0001-01-01")]
    [InlineData("3000-01-01")]
    [InlineData("1899-12-31")]
    public void A_year_no_post_can_have_is_a_problem_not_a_crash(string text)
    {
        // At the calendar's ends an offset took the moment past it: the build stopped with an unhandled exception.
        Assert.False(PostDate.TryParse(text, out _, out var problem));
        Assert.EndsWith("is not in the years a post may have (1900 to 2999)", problem);
        Assert.True(PostDate.TryParse("1900-01-01T00:00:00+14:00", out _, out _));
        Assert.True(PostDate.TryParse("2999-12-31T23:59:59-14:00", out _, out _));
    }

    [Fact]
    public void Writes_back_what_it_read()
    {
        Assert.True(PostDate.TryParse("2020-12-14", out var day, out _));
        Assert.Equal("2020-12-14", day.ToIsoString());
        Assert.True(PostDate.TryParse("2020-12-14T09:30:00+01:00", out var moment, out _));
        Assert.Equal("2020-12-14T09:30:00+01:00", moment.ToIsoString());
    }
}
