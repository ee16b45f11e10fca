using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PPNBlog.Generator.Rendering;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>
/// The headless part: a static JSON content API under /api/ (see README), written from the same site model as the
/// pages, so the two never disagree. Kept across serve's builds, it serializes again only the posts that changed.
/// </summary>
public sealed class ApiWriter
{
    // Each post's entry of api/posts.json, serialized and indented for its place in the file, by post version: after
    // one edit, a rebuild of 10,000 posts serializes one entry, not all of them.
    private Dictionary<long, byte[]> _entries = [];
    private ulong _entriesStamp;

    /// <summary>
    /// Writes api/posts.json, api/posts/&lt;slug&gt;.json (only for posts that changed since the build that
    /// <paramref name="output"/> continues, given <paramref name="siteStamp"/>, the fingerprint of what every file
    /// sees), api/commitments.json, api/commitments/&lt;slug&gt;.json, api/pages.json and api/pages/&lt;slug&gt;.json.
    /// </summary>
    /// <param name="site">The site.</param>
    /// <param name="views">Its views.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="siteStamp">The fingerprint of what every file sees.</param>
    /// <param name="edited">Serve's in-place edits: only these posts changed, and no commitment or post came or went.</param>
    public void Write(SiteModel site, ViewFactory views, SiteOutput output, ulong siteStamp, IReadOnlyList<PublishedPost>? edited = null)
    {
        var urls = site.Urls;
        WritePostIndex(site, output, siteStamp);
        var posts = edited ?? site.Posts;
        Parallel.For(0, posts.Count, i =>
        {
            var post = posts[i];
            var path = $"api/posts/{post.Post.Slug}.json";
            var inputs = new Fingerprint().Add((long)siteStamp).Add(post.Version).Value;
            if (output.Unchanged(path, inputs)) return;
            var front = post.Post.FrontMatter;
            var s = Summary(site, post);
            output.WriteJson(path, new PostDetail(s.Slug, s.Title, s.Date, s.Author, s.Commitments, s.Kind, s.Summary, s.Url,
                front.Role, site.TagsOf(post.Post), front.Event, post.Body.ReadingMinutes, views.ImageAbsoluteUrl(post), front.ImageAlt, post.Body.Html), Json.Site.PostDetail, inputs);
        });
        if (edited is not null) return;
        var commitments = site.Commitments.Select(a => new CommitmentSummary(a.Commitment.Slug, a.Commitment.Title, a.Commitment.Order,
            a.Commitment.Summary, a.Commitment.Hashtag, urls.Absolute(SiteUrls.CommitmentPath(a.Commitment.Slug)), a.Posts.Count)).ToList();
        output.WriteJson("api/commitments.json", new CommitmentIndex(commitments), Json.Site.CommitmentIndex);
        foreach (var (archive, c) in site.Commitments.Zip(commitments))
            output.WriteJson($"api/commitments/{c.Slug}.json", new CommitmentDetail(c.Slug, c.Title, c.Order, c.Summary, c.Hashtag, c.Url, c.PostCount,
                archive.Description.Html, archive.Posts.Select(p => p.Post.Slug).ToList()), Json.Site.CommitmentDetail);
        var pages = site.Pages.Select(p => new PageSummary(p.Page.Slug, p.Page.Title, p.Page.Summary ?? p.Body.Excerpt, urls.Absolute(p.Path))).ToList();
        output.WriteJson("api/pages.json", new PageIndex(pages), Json.Site.PageIndex);
        foreach (var (page, summary) in site.Pages.Zip(pages))
            output.WriteJson($"api/pages/{summary.Slug}.json", new PageDetail(summary.Slug, summary.Title, summary.Summary, summary.Url, page.Body.Html), Json.Site.PageDetail);
    }

    /// <summary>Files this writer makes besides api/posts/&lt;slug&gt;.json, so content may link to them.</summary>
    public static IEnumerable<string> IndexAndDetailFiles(SiteModel site) =>
        new[] { "api/posts.json", "api/commitments.json", "api/pages.json" }
            .Concat(site.Commitments.Select(c => $"api/commitments/{c.Commitment.Slug}.json"))
            .Concat(site.Pages.Select(p => $"api/pages/{p.Page.Slug}.json"));

    /// <summary>api/posts.json, byte for byte what serializing a <see cref="PostIndex"/> writes, from the kept entries.</summary>
    private void WritePostIndex(SiteModel site, SiteOutput output, ulong siteStamp)
    {
        if (siteStamp != _entriesStamp) (_entries, _entriesStamp) = ([], siteStamp);
        var entries = new Dictionary<long, byte[]>(site.Posts.Count);
        var bytes = new MemoryStream();
        using (var writer = new Utf8JsonWriter(bytes, Json.WriterOptions(Json.Options)))
        {
            // The names are PostIndex's, as the serializer spells them, so the file keeps the record's shape.
            static string Name(string property) => Json.Options.PropertyNamingPolicy!.ConvertName(property);
            writer.WriteStartObject();
            writer.WriteString(Name(nameof(PostIndex.BaseUrl)), site.Settings.BaseUrl.AbsoluteUri);
            writer.WriteNumber(Name(nameof(PostIndex.Count)), site.Posts.Count);
            writer.WriteStartArray(Name(nameof(PostIndex.Posts)));
            foreach (var post in site.Posts)
            {
                // A raw value is written as it is: the entry carries its own line break and indentation (JSON strings
                // hold no raw line breaks, so indenting every line is safe).
                var entry = entries[post.Version] = _entries.GetValueOrDefault(post.Version)
                    ?? Encoding.UTF8.GetBytes("\n    " + JsonSerializer.Serialize(Summary(site, post), Json.Site.PostSummary).Replace("\n", "\n    ", StringComparison.Ordinal));
                writer.WriteRawValue(entry, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        _entries = entries;
        output.WriteBytes("api/posts.json", bytes.ToArray());
    }

    private static PostSummary Summary(SiteModel site, PublishedPost post)
    {
        var front = post.Post.FrontMatter;
        return new PostSummary(post.Post.Slug, front.Title, ViewFactory.DateIso(front.Date), front.Author, front.Commitments,
            front.Kind.ToString().ToLowerInvariant(), post.Summary, site.Urls.Absolute(post.Path));
    }

    /// <summary>An entry of api/posts.json.</summary>
    public sealed record PostSummary(string Slug, string Title, string Date, string Author, IReadOnlyList<string> Commitments, string Kind, string Summary, string Url);

    /// <summary>api/posts.json.</summary>
    public sealed record PostIndex(string BaseUrl, int Count, IReadOnlyList<PostSummary> Posts);

    /// <summary>api/posts/&lt;slug&gt;.json: the index entry's fields, then the post's details and rendered body (URLs in it are root-relative).</summary>
    public sealed record PostDetail(
        string Slug, string Title, string Date, string Author, IReadOnlyList<string> Commitments, string Kind, string Summary, string Url,
        string? Role, IReadOnlyList<string> Tags, string? Event, int ReadingMinutes, string? Image, string? ImageAlt,
        [property: JsonConverter(typeof(HtmlStringConverter))] string ContentHtml);

    /// <summary>An entry of api/commitments.json.</summary>
    public sealed record CommitmentSummary(string Slug, string Title, int Order, string Summary, string? Hashtag, string Url, int PostCount);

    /// <summary>api/commitments.json.</summary>
    public sealed record CommitmentIndex(IReadOnlyList<CommitmentSummary> Commitments);

    /// <summary>api/commitments/&lt;slug&gt;.json: the index entry's fields, its description and its post slugs, newest first.</summary>
    public sealed record CommitmentDetail(
        string Slug, string Title, int Order, string Summary, string? Hashtag, string Url, int PostCount,
        [property: JsonConverter(typeof(HtmlStringConverter))] string DescriptionHtml, IReadOnlyList<string> Posts);

    /// <summary>An entry of api/pages.json (its summary, or the page's first words when it has none).</summary>
    public sealed record PageSummary(string Slug, string Title, string Summary, string Url);

    /// <summary>api/pages.json.</summary>
    public sealed record PageIndex(IReadOnlyList<PageSummary> Pages);

    /// <summary>api/pages/&lt;slug&gt;.json: the index entry's fields and the page's rendered body (URLs in it are root-relative).</summary>
    public sealed record PageDetail(string Slug, string Title, string Summary, string Url, [property: JsonConverter(typeof(HtmlStringConverter))] string ContentHtml);
}
