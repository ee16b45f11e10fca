using System.ServiceModel.Syndication;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Xml;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>Writes the Atom feeds (whole site, and one per commitment) and the JSON Feed 1.1.</summary>
public static partial class FeedWriter
{
    /// <summary>Entries per feed: the newest posts, as feed readers poll often.</summary>
    public const int EntryCount = 20;

    /// <summary>
    /// Writes feed.xml, feed.json and commitments/&lt;slug&gt;/feed.xml: each only when one of its entries, or what
    /// every file sees (<paramref name="siteStamp"/>), changed since the build <paramref name="output"/> continues.
    /// </summary>
    /// <param name="site">The site.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="siteStamp">The fingerprint of what every file sees.</param>
    /// <param name="now">The build's time: the date of the feeds of a site that has no posts.</param>
    public static void Write(SiteModel site, SiteOutput output, ulong siteStamp, DateTimeOffset now)
    {
        var settings = site.Settings;
        void Feed(string path, IReadOnlyList<PublishedPost> posts, Action<ulong> write)
        {
            var inputs = posts.Take(EntryCount).Aggregate(new Fingerprint().Add((long)siteStamp), (f, p) => f.Add(p.Version)).Value;
            if (!output.Unchanged(path, inputs)) write(inputs);
        }
        Feed("feed.xml", site.Posts, inputs => WriteAtom(site, output, "feed.xml", settings.Title, settings.Description, SiteUrls.HomePath(), site.Posts, now, inputs));
        foreach (var archive in site.Commitments)
        {
            var c = archive.Commitment;
            var path = SiteUrls.CommitmentFeedPath(c.Slug);
            Feed(path, archive.Posts, inputs => WriteAtom(site, output, path, $"{c.Title} – {settings.Title}", c.Summary,
                SiteUrls.CommitmentPath(c.Slug), archive.Posts, now, inputs));
        }
        Feed("feed.json", site.Posts, inputs => WriteJsonFeed(site, output, inputs));
    }

    private static void WriteAtom(SiteModel site, SiteOutput output, string path, string title, string description, string pagePath,
        IReadOnlyList<PublishedPost> posts, DateTimeOffset now, ulong inputs)
    {
        var urls = site.Urls;
        var entries = posts.Take(EntryCount).ToList();
        // A feed without entries (a commitment no post has yet) was last changed when the site was: its newest post, or
        // for a site without posts, now. Not 1970, which readers show as the feed's date.
        var updated = (entries.Count > 0 ? entries : site.Posts).Select(p => p.Post.Date.Value).DefaultIfEmpty(now).Max();
        var feed = new SyndicationFeed(title, description, new Uri(urls.Absolute(pagePath)), urls.Absolute(path), updated)
        {
            Language = site.Settings.Language,
            Items = entries.Select(post => Entry(site, post)).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(urls.Absolute(path)), "application/atom+xml"));
        output.WriteXml(path, new Atom10FeedFormatter(feed).WriteTo, inputs);
    }

    private static SyndicationItem Entry(SiteModel site, PublishedPost post)
    {
        var url = site.Urls.Absolute(post.Path);
        var front = post.Post.FrontMatter;
        var item = new SyndicationItem(front.Title, new TextSyndicationContent(AbsoluteLinks(site, post.Body.Html, url), TextSyndicationContentKind.Html),
            new Uri(url), url, front.Date.Value)
        {
            PublishDate = front.Date.Value,
            // A post with no words (a recording alone) has no summary rather than an empty one; feed readers show its content.
            Summary = post.Summary.Length == 0 ? null : new TextSyndicationContent(post.Summary),
        };
        item.Authors.Add(new SyndicationPerson { Name = front.Author });
        foreach (var commitment in front.Commitments) item.Categories.Add(new SyndicationCategory(commitment));
        return item;
    }

    /// <summary>
    /// Makes the body's root-relative href/src absolute, and its in-page links (heading anchors, footnotes) links into
    /// <paramref name="pageUrl"/>: feed readers show content away from the site, where "/x" and "#x" lead elsewhere. Only
    /// attributes of tags change: a code sample showing <c>href="/x"</c> is text, and stays as the post shows it.
    /// </summary>
    public static string AbsoluteLinks(SiteModel site, string html, string pageUrl)
    {
        var origin = site.Settings.BaseUrl.GetLeftPart(UriPartial.Authority);
        return LinkInTag().Replace(html, m => m.Groups["start"].Value switch
        {
            "#" => m.Groups["tag"].Value + pageUrl + "#",
            "/" => m.Groups["tag"].Value + origin + "/",
            _ => m.Value,
        });
    }

    private static void WriteJsonFeed(SiteModel site, SiteOutput output, ulong inputs)
    {
        var urls = site.Urls;
        var feed = new JsonFeed(
            "https://jsonfeed.org/version/1.1", site.Settings.Title, urls.Absolute(SiteUrls.HomePath()), urls.Absolute("feed.json"),
            site.Settings.Description, site.Settings.Language,
            site.Posts.Take(EntryCount).Select(post => JsonItem(site, post)).ToList());
        output.WriteJson("feed.json", feed, Json.Site.JsonFeed, inputs);
    }

    private static JsonFeedItem JsonItem(SiteModel site, PublishedPost post)
    {
        var url = site.Urls.Absolute(post.Path);
        return new JsonFeedItem(url, url, post.Post.Title, AbsoluteLinks(site, post.Body.Html, url), post.Summary.Length == 0 ? null : post.Summary,
            post.Post.Date.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            [new JsonFeedAuthor(post.Post.FrontMatter.Author)], [.. post.Post.FrontMatter.Commitments, .. site.TagsOf(post.Post)]);
    }

    /// <summary>
    /// An href or src value starting with "/" or "#" inside a start tag, as the HTML stage writes tags: name="value"
    /// attributes in double quotes. Text never holds a '&lt;' unescaped, so nothing in text matches.
    /// </summary>
    [GeneratedRegex("""(?<tag><[a-zA-Z][^\s/>]*(?:\s+[^\s=>"]+(?:="[^"]*")?)*?\s(?:href|src)=")(?<start>#|//?)""")]
    private static partial Regex LinkInTag();

    internal sealed record JsonFeed(string Version, string Title, string HomePageUrl, string FeedUrl, string Description, string Language, IReadOnlyList<JsonFeedItem> Items);

    internal sealed record JsonFeedItem(string Id, string Url, string Title, [property: JsonConverter(typeof(HtmlStringConverter))] string ContentHtml, string? Summary, string DatePublished,
        IReadOnlyList<JsonFeedAuthor> Authors, IReadOnlyList<string> Tags);

    internal sealed record JsonFeedAuthor(string Name);
}
