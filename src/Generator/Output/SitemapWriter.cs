using System.Xml;
using PPNBlog.Generator.Rendering;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>Writes sitemap.xml (every planned page but the 404) and robots.txt pointing at it.</summary>
public static class SitemapWriter
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Writes both files.</summary>
    public static void Write(SiteModel site, IReadOnlyList<PlannedPage> pages, StagedOutput output)
    {
        var modified = site.Posts.ToDictionary(p => p.Path, p => p.Post.Date.Value, StringComparer.Ordinal);
        using (var writer = XmlWriter.Create(output.PathFor("sitemap.xml"), new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
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
        }
        output.WriteText("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {site.Urls.Absolute("sitemap.xml")}\n");
    }
}
