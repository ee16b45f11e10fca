using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>What the theme's templates say in the built pages: head links, the 404 page, an empty site, the icons its stylesheets ask for.</summary>
public sealed partial class ThemePageTests
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

    [Fact]
    public void The_404_page_asks_not_to_be_indexed_and_claims_no_address_while_every_other_page_names_its_own()
    {
        using var site = new TestSite();
        site.WritePost("one", extra: "tags: [letters]\n");
        site.Write("pages/contribute.md", "---\ntitle: Write for us\nsummary: How to send a post.\n---\n\nSend an email.\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var notFound = Page(site, "404.html");
        Assert.Equal("noindex", notFound.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(notFound.QuerySelector("link[rel=canonical]"));
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 8, $"only {pages.Count} pages");
        foreach (var file in pages)
        {
            var document = new HtmlParser().ParseDocument(File.ReadAllText(file));
            Assert.Null(document.QuerySelector("meta[name=robots]"));
            var path = Path.GetRelativePath(site.Output, Path.GetDirectoryName(file)!).Replace('\\', '/');
            Assert.Equal(path == "." ? "https://example.org/blog/" : $"https://example.org/blog/{path}/",
                document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        }
    }

    [Fact]
    public void An_empty_sites_home_page_says_there_are_no_posts_yet_as_its_archives_do()
    {
        using var site = new TestSite();

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        foreach (var path in new[] { "index.html", "commitments/put-people-first/index.html" })
        {
            var heading = Page(site, path).QuerySelectorAll("main h2").Last();
            Assert.Equal("No posts yet.", heading.NextElementSibling?.TextContent);
        }
    }

    [Fact]
    public void Every_file_the_stylesheets_ask_for_is_published_and_the_search_boxs_clear_icon_is_found_under_a_sub_path()
    {
        using var site = new TestSite();
        site.WritePost("one");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var nhsuk = Urls(site.ReadOutput("assets/nhsuk-frontend.min.css"));
        // nhsuk-frontend asks from the host's root: published there for a site at a root; its fonts are on assets.nhs.uk.
        Assert.Contains("/assets/images/nhsuk-icon-cross.svg", nhsuk);
        foreach (var url in nhsuk.Where(u => !u.StartsWith("https://assets.nhs.uk/", StringComparison.Ordinal)))
        {
            Assert.StartsWith("/", url);
            Assert.True(site.OutputExists(url.TrimStart('/')), $"nhsuk-frontend.min.css asks for {url}, which is not published");
        }
        // The theme's own stylesheet asks beside itself, so the site at /blog/ serves what it asks for.
        var stylesheet = new Uri("https://example.org/blog/assets/ppnblog.css");
        var own = Urls(site.ReadOutput("assets/ppnblog.css")).Select(u => new Uri(stylesheet, u).AbsolutePath).ToList();
        Assert.Contains("/blog/assets/images/nhsuk-icon-cross.svg", own);
        Assert.All(own, path => Assert.True(path.StartsWith("/blog/", StringComparison.Ordinal) && site.OutputExists(path["/blog/".Length..]),
            $"ppnblog.css asks for {path}, which the site at /blog/ does not serve"));
    }

    private static List<string> Urls(string css) => CssUrl().Matches(css).Select(m => m.Groups[1].Value.Trim('"', '\'')).Distinct().ToList();

    [GeneratedRegex(@"url\(([^)]*)\)")]
    private static partial Regex CssUrl();
}
