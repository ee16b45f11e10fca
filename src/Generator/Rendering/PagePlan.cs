using PPNBlog.Content.Model;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// One HTML page to write: its site path, its template, (built on demand) its template values, and what those are
/// made from, so serve can tell which pages an edit changed without rendering them.
/// </summary>
/// <param name="Path">The site path, e.g. "posts/x/".</param>
/// <param name="Template">The page template's name.</param>
/// <param name="Values">Builds the values the template sees.</param>
/// <param name="Shows">The posts whose data the values hold (cards, links, bodies).</param>
/// <param name="Key">Everything else in the values but what every page sees (<c>site</c>): page numbers, counts, a page's text.</param>
public sealed record PlannedPage(string Path, string Template, Func<IReadOnlyDictionary<string, object?>> Values,
    Func<IReadOnlyList<PublishedPost>> Shows, string Key);

/// <summary>
/// Every HTML page of the site, in one list: the renderer writes them, the sitemap lists them and the link check
/// resolves links against them, so the three can never disagree.
/// </summary>
public static class PagePlan
{
    /// <summary>The filters of a commitment archive: (site path segment, label, kind or null for all).</summary>
    public static readonly IReadOnlyList<(string Segment, string Label, PostKind? Kind)> ArchiveFilters =
        [("", "All posts", null), ("keynotes", "Keynotes", PostKind.Keynote), ("blogs", "Blogs", PostKind.Blog)];

    /// <summary>
    /// Plans every page of <paramref name="site"/>. Each page's <c>Shows</c> and <c>Key</c> must cover what its values
    /// read beyond <c>site</c>: a test compares serve's rebuilds after every kind of edit with fresh builds.
    /// </summary>
    public static IReadOnlyList<PlannedPage> Create(SiteModel site, ViewFactory views)
    {
        var pages = new List<PlannedPage>();
        var settings = site.Settings;

        var homePages = site.Paginate(site.Posts);
        for (var i = 0; i < homePages.Count; i++)
        {
            var number = i + 1;
            var posts = homePages[i];
            var path = SiteUrls.HomePath(number);
            pages.Add(new PlannedPage(path, "home", () => Values(views,
                views.Meta(path, settings.Title, settings.Description, "home", number == 1 ? [] : views.Breadcrumbs(($"Page {number}", path)), page: number),
                ("intro_html", number == 1 ? site.Intro.Html : ""),
                ("commitments", views.Site.Commitments),
                ("posts", posts.Select(views.Card).ToList()),
                ("pagination", views.Pagination(number, homePages.Count, n => SiteUrls.HomePath(n)))),
                () => posts, $"{number}/{homePages.Count}"));
        }

        foreach (var post in site.Posts)
        {
            var front = post.Post.FrontMatter;
            var first = views.CommitmentOf(front.Commitments[0]);
            pages.Add(new PlannedPage(post.Path, "post", () =>
            {
                var view = views.Post(post);
                return Values(views,
                    views.Meta(post.Path, front.Title, post.Summary, "post",
                        views.Breadcrumbs((first.Title, SiteUrls.CommitmentPath(first.Slug)), (front.Title, post.Path)), "article",
                        views.ImageAbsoluteUrl(post)),
                    ("post", view));
            }, () => [post, .. site.Neighbours(post), .. site.Related(post)], ""));
        }

        pages.Add(new PlannedPage(SiteUrls.CommitmentsPath, "commitments", () => Values(views,
            views.Meta(SiteUrls.CommitmentsPath, "The five commitments", "The five commitments of the Vision for the Psychological Professions, and the posts about each.",
                "commitments", views.Breadcrumbs(("Commitments", SiteUrls.CommitmentsPath))),
            ("commitments", views.Site.Commitments)), () => [], ""));

        foreach (var archive in site.Commitments)
        {
            var slug = archive.Commitment.Slug;
            var commitment = views.CommitmentOf(slug);
            var counts = string.Join('/', ArchiveFilters.Select(f => f.Kind is null ? archive.Posts.Count : archive.Posts.Count(p => p.Kind == f.Kind)));
            foreach (var (segment, label, kind) in ArchiveFilters)
            {
                var posts = kind is null ? archive.Posts : archive.Posts.Where(p => p.Kind == kind).ToList();
                var chunks = site.Paginate(posts);
                for (var i = 0; i < chunks.Count; i++)
                {
                    var number = i + 1;
                    var chunk = chunks[i];
                    var path = SiteUrls.CommitmentPath(slug, segment, number);
                    var heading = kind is null ? commitment.Title : $"{commitment.Title}: {label.ToLowerInvariant()}";
                    pages.Add(new PlannedPage(path, "commitment", () => Values(views,
                        views.Meta(path, heading, commitment.Summary, "commitments",
                            views.Breadcrumbs(("Commitments", SiteUrls.CommitmentsPath), (heading, path)),
                            feedPath: SiteUrls.CommitmentFeedPath(slug), page: number),
                        ("commitment", commitment),
                        ("filters", ArchiveFilters.Select(f => new FilterView(f.Label, site.Urls.Url(SiteUrls.CommitmentPath(slug, f.Segment)),
                            f.Segment == segment, f.Kind is null ? archive.Posts.Count : archive.Posts.Count(p => p.Kind == f.Kind))).ToList()),
                        ("posts", chunk.Select(views.Card).ToList()),
                        ("pagination", views.Pagination(number, chunks.Count, n => SiteUrls.CommitmentPath(slug, segment, n)))),
                        () => chunk, $"{counts}/{number}/{chunks.Count}"));
                }
            }
        }

        pages.Add(new PlannedPage(SiteUrls.TagsPath, "tags", () => Values(views,
            views.Meta(SiteUrls.TagsPath, "Tags", $"Every tag used on {settings.Title}.", "tags", views.Breadcrumbs(("Tags", SiteUrls.TagsPath))),
            ("tags", site.Tags.Select(t => new TagView(t.Name, site.Urls.Url(SiteUrls.TagPath(t.Slug)), t.Posts.Count)).ToList())),
            () => [], string.Join('\n', site.Tags.Select(t => $"{t.Name}/{t.Slug}/{t.Posts.Count}"))));

        foreach (var tag in site.Tags)
        {
            var chunks = site.Paginate(tag.Posts);
            for (var i = 0; i < chunks.Count; i++)
            {
                var number = i + 1;
                var chunk = chunks[i];
                var path = SiteUrls.TagPath(tag.Slug, number);
                var heading = $"Posts tagged “{tag.Name}”";
                pages.Add(new PlannedPage(path, "tag", () => Values(views,
                    views.Meta(path, heading, $"Posts tagged “{tag.Name}” on {settings.Title}.", "tags",
                        views.Breadcrumbs(("Tags", SiteUrls.TagsPath), (tag.Name, path)), page: number),
                    ("tag", new TagView(tag.Name, site.Urls.Url(SiteUrls.TagPath(tag.Slug)), tag.Posts.Count)),
                    ("posts", chunk.Select(views.Card).ToList()),
                    ("pagination", views.Pagination(number, chunks.Count, n => SiteUrls.TagPath(tag.Slug, n)))),
                    () => chunk, $"{tag.Name}/{tag.Posts.Count}/{number}/{chunks.Count}"));
            }
        }

        foreach (var page in site.Pages)
        {
            var section = page.Page.Slug == "contribute" ? "contribute" : "";
            pages.Add(new PlannedPage(page.Path, "page", () => Values(views,
                views.Meta(page.Path, page.Page.Title, page.Page.Summary ?? page.Body.Excerpt, section, views.Breadcrumbs((page.Page.Title, page.Path))),
                ("page_content", new PageContentView(page.Page.Title, page.Body.Html))),
                () => [], $"{page.Page.Title}\n{page.Page.Summary}\n{page.Body.Excerpt}\n{page.Body.Html}"));
        }

        pages.Add(new PlannedPage(SiteUrls.SearchPath, "search", () => Values(views,
            views.Meta(SiteUrls.SearchPath, "Search", $"Search the posts of {settings.Title}.", "search", views.Breadcrumbs(("Search", SiteUrls.SearchPath))),
            ("pagefind", site.Urls.Url(SiteUrls.PagefindScriptPath))), () => [], ""));
        pages.Add(new PlannedPage("404.html", "404", () => Values(views,
            views.Meta("404.html", "Page not found", "The page you were looking for could not be found.", "", [])), () => [], ""));
        return pages;
    }

    private static IReadOnlyDictionary<string, object?> Values(ViewFactory views, PageMetaView meta, params (string Key, object? Value)[] values)
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.Ordinal) { ["site"] = views.Site, ["page"] = meta };
        foreach (var (key, value) in values) dictionary[key] = value;
        return dictionary;
    }
}
