using System.Globalization;
using System.Runtime.CompilerServices;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Rendering;

/// <summary>Builds the template page models from the site model: the only place that decides what templates see.</summary>
public sealed class ViewFactory
{
    private readonly SiteModel _site;
    private readonly SiteUrls _urls;
    private readonly Dictionary<string, CommitmentView> _commitments;

    /// <summary>Each post's card, for as long as the post is part of the site (serve replaces an edited post's object).</summary>
    private readonly ConditionalWeakTable<PublishedPost, PostCardView> _cards = [];

    /// <summary>Prepares the site-wide views.</summary>
    public ViewFactory(SiteModel site, ThemeAssets assets)
    {
        _site = site;
        _urls = site.Urls;
        _commitments = site.Commitments.ToDictionary(c => c.Commitment.Slug, Commitment, StringComparer.Ordinal);
        var settings = site.Settings;
        Site = new SiteView(settings.Title, settings.Description, settings.Language, settings.BaseUrl.AbsoluteUri, _urls.BasePath,
            settings.ContactEmail, settings.FooterNote, settings.Hashtags, _urls.Url("feed.xml"), _urls.Url("feed.json"),
            site.Commitments.Select(c => _commitments[c.Commitment.Slug]).ToList(),
            assets.Urls(_urls),
            new NavView(_urls.Url(SiteUrls.HomePath()), _urls.Url(SiteUrls.CommitmentsPath), _urls.Url(SiteUrls.TagsPath),
                site.Pages.Any(p => p.Page.Slug == "contribute") ? _urls.Url(SiteUrls.PagePath("contribute")) : null,
                _urls.Url(SiteUrls.SearchPath)));
        DefaultImage = _urls.Absolute(assets.OpenGraphImagePath);
    }

    /// <summary>What every template sees as <c>site</c>.</summary>
    public SiteView Site { get; }

    /// <summary>The Open Graph image of pages without their own.</summary>
    public string DefaultImage { get; }

    /// <summary>A commitment's view.</summary>
    public CommitmentView CommitmentOf(string slug) => _commitments[slug];

    /// <summary>The <c>page</c> values of a page at <paramref name="path"/>.</summary>
    public PageMetaView Meta(string path, string heading, string description, string section, IReadOnlyList<LinkView> breadcrumbs,
        string ogType = "website", string? image = null, string? feedPath = null, int page = 1)
    {
        var titled = page > 1 ? $"{heading} (page {page})" : heading;
        // Home and its later pages are headed by the site's title already: "Blog (page 2)", not "Blog (page 2) – Blog".
        var title = path.Length == 0 ? _site.Settings.Title : heading == _site.Settings.Title ? titled : $"{titled} – {_site.Settings.Title}";
        return new PageMetaView(title, heading, description, _urls.Absolute(path), titled, ogType, image ?? DefaultImage, section,
            breadcrumbs, feedPath is null ? null : _urls.Url(feedPath));
    }

    /// <summary>Breadcrumbs from the home page through <paramref name="trail"/> (title, path pairs; the last is the current page).</summary>
    public IReadOnlyList<LinkView> Breadcrumbs(params (string Title, string Path)[] trail) =>
        [new LinkView("Home", _urls.Url(SiteUrls.HomePath())), .. trail.Select(t => new LinkView(t.Title, _urls.Url(t.Path)))];

    /// <summary>A post card: made once per post, as the post shows on about ten pages (home, archives, tags, related posts).</summary>
    public PostCardView Card(PublishedPost post) => _cards.TryGetValue(post, out var card) ? card : _cards.GetValue(post, MakeCard);

    private PostCardView MakeCard(PublishedPost post)
    {
        var front = post.Post.FrontMatter;
        return new PostCardView(front.Title, _urls.Url(post.Path), DateIso(front.Date), DateDisplay(front.Date), front.Author, front.Role,
            front.Kind.ToString().ToLowerInvariant(), front.Kind.ToString(), post.Summary,
            front.Commitments.Select(c => new CommitmentLinkView(c, _commitments[c].Title, _commitments[c].Url)).ToList());
    }

    /// <summary>A post page's <c>post</c>.</summary>
    public PostView Post(PublishedPost post)
    {
        var front = post.Post.FrontMatter;
        var older = _site.Older(post);
        var newer = _site.Newer(post);
        var beside = front.Image is { } written && Html.LinkTarget.Classify(written) == Html.LinkKind.RelativeFile ? written : null;
        var image = beside is not null ? Html.LinkTarget.FromPage(_urls.Url(post.Path), beside)
            : ImagePath(post) is { } path ? (Html.LinkTarget.Classify(path) == Html.LinkKind.Absolute ? path : _urls.Url(path)) : null;
        // A picture beside the post has its size given, so the page does not shift as it loads (as a body's pictures).
        var folder = post.Post.Source.Directory;
        var size = beside is not null && Html.LinkTarget.ResolveInside(folder, beside) is { } file ? Html.BodyEdits.ImageSize(folder, file) : null;
        return new PostView(Card(post), _urls.Absolute(post.Path), post.Body.ReadingMinutes, post.Body.Html,
            _site.TagsOf(post.Post).Select(t => new TagView(t, _urls.Url(SiteUrls.TagPath(_site.TagSlug(t))), 0)).ToList(),
            image, size?.Width, size?.Height, front.ImageAlt, front.Event,
            older is null ? null : new LinkView(older.Post.Title, _urls.Url(older.Path)),
            newer is null ? null : new LinkView(newer.Post.Title, _urls.Url(newer.Path)),
            _site.Related(post).Select(Card).ToList());
    }

    /// <summary>The absolute URL of a post's header image (for Open Graph), or null when it has none.</summary>
    public string? ImageAbsoluteUrl(PublishedPost post) =>
        ImagePath(post) is { } path ? (Html.LinkTarget.Classify(path) == Html.LinkKind.Absolute ? path : _urls.Absolute(path)) : null;

    /// <summary>
    /// The header image as a site path ("posts/x/photo.jpg"), or its absolute URL; encoded as a body's pictures are
    /// (a space as %20, "é" as %C3%A9), as an address in HTML may have neither.
    /// </summary>
    private static string? ImagePath(PublishedPost post) => post.Post.FrontMatter.Image switch
    {
        null => null,
        var image when Html.LinkTarget.Classify(image) == Html.LinkKind.RelativeFile => post.Path + image,
        var image when Html.LinkTarget.Classify(image) == Html.LinkKind.SiteRooted => Html.LinkTarget.FromPage("/", image).TrimStart('/'),
        var image => Uri.TryCreate(image, UriKind.Absolute, out var url) ? url.AbsoluteUri : image,
    };

    /// <summary>Pagination for page <paramref name="current"/> of <paramref name="total"/>, with page paths from <paramref name="pathOf"/>.</summary>
    public PaginationView Pagination(int current, int total, Func<int, string> pathOf)
    {
        var items = new List<PaginationItemView>();
        for (var n = 1; n <= total; n++)
        {
            // Always the first, last and neighbours of the current page; an ellipsis stands for each gap.
            if (n == 1 || n == total || Math.Abs(n - current) <= 1)
                items.Add(new PaginationItemView(n, _urls.Url(pathOf(n)), n == current, false));
            else if (items.Count > 0 && !items[^1].Ellipsis)
                items.Add(new PaginationItemView(0, "", false, true));
        }
        return new PaginationView(current, total, current > 1 ? _urls.Url(pathOf(current - 1)) : null,
            current < total ? _urls.Url(pathOf(current + 1)) : null, items);
    }

    /// <summary>A date as machines read it: the day, or the date-time with its offset.</summary>
    public static string DateIso(PostDate date) => date.ToIsoString();

    /// <summary>A date as readers in the UK read it: "14 December 2020".</summary>
    public static string DateDisplay(PostDate date) =>
        TimeZoneInfo.ConvertTime(date.Value, PostDate.UkTime).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private CommitmentView Commitment(CommitmentArchive archive)
    {
        var c = archive.Commitment;
        return new CommitmentView(c.Slug, c.Title, c.Summary, archive.Description.Html, _urls.Url(SiteUrls.CommitmentPath(c.Slug)),
            _urls.Url(SiteUrls.CommitmentFeedPath(c.Slug)), c.Hashtag, archive.Posts.Count);
    }
}
