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

        // Posts are read from the model when a page is rendered, not when it is planned: serve puts an edited post in
        // its earlier version's place (SiteModel.Replace) and renders the pages showing it from this same plan.
        var homeCount = site.PageCount(site.Posts.Count);
        for (var number = 1; number <= homeCount; number++)
        {
            var page = number;
            var path = SiteUrls.HomePath(page);
            pages.Add(new PlannedPage(path, "home", () => Values(views,
                views.Meta(path, settings.Title, settings.Description, "home", page == 1 ? [] : views.Breadcrumbs(($"Page {page}", path)), page: page),
                ("intro_html", page == 1 ? site.Intro.Html : ""),
                ("commitments", views.Site.Commitments),
                ("posts", site.PageOf(site.Posts, page).Select(views.Card).ToList()),
                ("pagination", views.Pagination(page, homeCount, n => SiteUrls.HomePath(n)))),
                () => site.PageOf(site.Posts, page), $"{page}/{homeCount}"));
        }

        for (var index = 0; index < site.Posts.Count; index++)
        {
            var at = index;
            var path = site.Posts[at].Path;
            pages.Add(new PlannedPage(path, "post", () =>
            {
                var post = site.Posts[at];
                var front = post.Post.FrontMatter;
                var first = views.CommitmentOf(front.Commitments[0]);
                return Values(views,
                    views.Meta(path, front.Title, post.Summary, "post",
                        views.Breadcrumbs((first.Title, SiteUrls.CommitmentPath(first.Slug)), (front.Title, path)), "article",
                        views.ImageAbsoluteUrl(post)),
                    ("post", views.Post(post)));
            }, () => [site.Posts[at], .. site.Neighbours(site.Posts[at]), .. site.Related(site.Posts[at])], ""));
        }

        pages.Add(new PlannedPage(SiteUrls.CommitmentsPath, "commitments", () => Values(views,
            views.Meta(SiteUrls.CommitmentsPath, "The five commitments", "The five commitments of the Vision for the Psychological Professions, and the posts about each.",
                "commitments", views.Breadcrumbs(("Commitments", SiteUrls.CommitmentsPath))),
            ("commitments", views.Site.Commitments)), () => [], ""));

        foreach (var archive in site.Commitments)
        {
            var slug = archive.Commitment.Slug;
            var commitment = views.CommitmentOf(slug);
            var filterCounts = ArchiveFilters.Select(f => site.ArchivePosts(slug, f.Kind).Count).ToList();
            var counts = string.Join('/', filterCounts);
            foreach (var (segment, label, kind) in ArchiveFilters)
            {
                var posts = site.ArchivePosts(slug, kind);
                var count = site.PageCount(posts.Count);
                for (var number = 1; number <= count; number++)
                {
                    var page = number;
                    var path = SiteUrls.CommitmentPath(slug, segment, page);
                    var heading = kind is null ? commitment.Title : $"{commitment.Title}: {label.ToLowerInvariant()}";
                    pages.Add(new PlannedPage(path, "commitment", () => Values(views,
                        views.Meta(path, heading, commitment.Summary, "commitments",
                            views.Breadcrumbs(("Commitments", SiteUrls.CommitmentsPath), (heading, path)),
                            feedPath: SiteUrls.CommitmentFeedPath(slug), page: page),
                        ("commitment", commitment),
                        ("filters", ArchiveFilters.Select((f, n) => new FilterView(f.Label, site.Urls.Url(SiteUrls.CommitmentPath(slug, f.Segment)),
                            f.Segment == segment, filterCounts[n])).ToList()),
                        ("posts", site.PageOf(posts, page).Select(views.Card).ToList()),
                        ("pagination", views.Pagination(page, count, n => SiteUrls.CommitmentPath(slug, segment, n)))),
                        () => site.PageOf(posts, page), $"{counts}/{page}/{count}"));
                }
            }
        }

        pages.Add(new PlannedPage(SiteUrls.TagsPath, "tags", () => Values(views,
            views.Meta(SiteUrls.TagsPath, "Tags", $"Every tag used on {settings.Title}.", "tags", views.Breadcrumbs(("Tags", SiteUrls.TagsPath))),
            ("tags", site.Tags.Select(t => new TagView(t.Name, site.Urls.Url(SiteUrls.TagPath(t.Slug)), t.Posts.Count)).ToList())),
            () => [], string.Join('\n', site.Tags.Select(t => $"{t.Name}/{t.Slug}/{t.Posts.Count}"))));

        foreach (var tag in site.Tags)
        {
            var count = site.PageCount(tag.Posts.Count);
            for (var number = 1; number <= count; number++)
            {
                var page = number;
                var path = SiteUrls.TagPath(tag.Slug, page);
                var heading = $"Posts tagged “{tag.Name}”";
                pages.Add(new PlannedPage(path, "tag", () => Values(views,
                    views.Meta(path, heading, $"Posts tagged “{tag.Name}” on {settings.Title}.", "tags",
                        views.Breadcrumbs(("Tags", SiteUrls.TagsPath), (tag.Name, path)), page: page),
                    ("tag", new TagView(tag.Name, site.Urls.Url(SiteUrls.TagPath(tag.Slug)), tag.Posts.Count)),
                    ("posts", site.PageOf(tag.Posts, page).Select(views.Card).ToList()),
                    ("pagination", views.Pagination(page, count, n => SiteUrls.TagPath(tag.Slug, n)))),
                    () => site.PageOf(tag.Posts, page), $"{tag.Name}/{tag.Posts.Count}/{page}/{count}"));
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
