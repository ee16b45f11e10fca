using System.Xml;
using PPNBlog.Generator.Rendering;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>Writes sitemap.xml (every planned page but the 404) and robots.txt pointing at it.</summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Writes both files, unless no page was added or removed and no post changed (given <paramref name="siteStamp"/>).</summary>
    public static void Write(SiteModel site, IReadOnlyList<PlannedPage> pages, SiteOutput output, ulong siteStamp)
    {
        var inputs = pages.Aggregate(new Fingerprint().Add((long)siteStamp), (f, p) => f.Add(p.Path));
        inputs = site.Posts.Aggregate(inputs, (f, p) => f.Add(p.Path).Add(p.Post.Date.Value.Ticks).Add(p.Post.Date.Value.Offset.Ticks));
        var sitemapKept = output.Unchanged("sitemap.xml", inputs.Value);
        if (output.Unchanged("robots.txt", siteStamp) && sitemapKept) return;
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
        });
        output.WriteText("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {site.Urls.Absolute("sitemap.xml")}\n");
    }
}
