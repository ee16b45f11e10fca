using System.Xml;
using PPNBlog.Generator.Rendering;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>Writes sitemap.xml (every planned page but the 404) and robots.txt pointing at it.</summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Writes both files, unless <paramref name="pagesStamp"/> (what every file sees and every page's path) and the
    /// posts' dates are as when the build that <paramref name="output"/> continues wrote them.
    /// </summary>
    public static void Write(SiteModel site, IReadOnlyList<PlannedPage> pages, SiteOutput output, ulong pagesStamp)
    {
        var inputs = site.Posts.Aggregate(new Fingerprint().Add((long)pagesStamp), (f, p) => f.Add(p.Post.Date.Value.Ticks).Add(p.Post.Date.Value.Offset.Ticks));
        var sitemapKept = output.Unchanged("sitemap.xml", inputs.Value);
        if (output.Unchanged("robots.txt", pagesStamp) && sitemapKept) return;
        var modified = site.Posts.ToDictionary(p => p.Path, p => p.Post.Date.Value, StringComparer.Ordinal);
        output.WriteXml("sitemap.xml", writer =>
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var page in pages.Where(p => p.Template != "404"))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, site.Urls.Absolute(page.Path));
                if (modified.TryGetValue(page.Path, out var date))
                    writer.WriteElementString("lastmod", Namespace, date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }, inputs.Value);
        output.WriteText("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {site.Urls.Absolute("sitemap.xml")}\n", pagesStamp);
    }
}
