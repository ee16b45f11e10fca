using AngleSharp.Html.Parser;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>What the theme's templates say in the built pages: head links, the 404 page, an empty site, the icons its stylesheets ask for.</summary>
public sealed class ThemePageTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Page(TestSite site, string sitePath) =>
        new HtmlParser().ParseDocument(site.ReadOutput(sitePath));

    [Fact]
    public void A_commitments_keynotes_and_blogs_pages_name_the_feed_they_link_after_the_commitment_whose_every_post_it_holds()
    {
        using var site = new TestSite();
        site.WritePost("a-keynote", date: "2021-01-01", kind: "keynote");
        site.WritePost("a-blog", date: "2021-02-01");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        foreach (var filter in new[] { "", "keynotes/", "blogs/" })
        {
            var link = Page(site, $"commitments/put-people-first/{filter}index.html")
                .QuerySelector("link[rel=alternate][href='/blog/commitments/put-people-first/feed.xml']");
            Assert.Equal("Put people first (Atom)", link?.GetAttribute("title"));
        }
        // The feed those pages link is the commitment's, keynotes and blogs alike.
        var feed = site.ReadOutput("commitments/put-people-first/feed.xml");
        Assert.Contains("Post a-keynote", feed, StringComparison.Ordinal);
        Assert.Contains("Post a-blog", feed, StringComparison.Ordinal);
    }
}
