namespace PPNBlog.Generator.Rendering;

// Page models handed to the Liquid templates (snake_case in templates: DateIso is date_iso). Fields ending in Html
// are trusted, post-processed HTML that templates print with `| raw`; everything else is HTML-encoded.

/// <summary>A page model record: immutable, and read by templates through a <see cref="ViewValue"/>.</summary>
public interface ITemplateView;

/// <summary>A link: its text and URL.</summary>
public sealed record LinkView(string Title, string Url) : ITemplateView;

/// <summary>A commitment as shown in lists, cards and archive headers.</summary>
public sealed record CommitmentView(string Slug, string Title, string Summary, string DescriptionHtml, string Url, string FeedUrl, string? Hashtag, int PostCount) : ITemplateView;

/// <summary>A commitment linked from a post.</summary>
public sealed record CommitmentLinkView(string Slug, string Title, string Url) : ITemplateView;

/// <summary>A tag linked from a post, or listed on the tags page with its post count.</summary>
public sealed record TagView(string Name, string Url, int Count) : ITemplateView;

/// <summary>A post as a card in lists.</summary>
public record PostCardView(
    string Title, string Url, string DateIso, string DateDisplay, string Author, string? Role, string Kind, string KindLabel,
    string Summary, IReadOnlyList<CommitmentLinkView> Commitments) : ITemplateView;

/// <summary>A post page: the card's fields and everything the page shows.</summary>
public sealed record PostView(
    PostCardView Card, string AbsoluteUrl, int ReadingMinutes, string ContentHtml, IReadOnlyList<TagView> Tags, string? ImageUrl,
    string? ImageWidth, string? ImageHeight, string? ImageAlt, string? Event, LinkView? Previous, LinkView? Next, IReadOnlyList<PostCardView> Related)
    : PostCardView(Card);

/// <summary>One numbered link of a pagination bar, or an ellipsis between numbers.</summary>
public sealed record PaginationItemView(int Number, string Url, bool Current, bool Ellipsis) : ITemplateView;

/// <summary>Pagination of a list of posts.</summary>
public sealed record PaginationView(int Current, int TotalPages, string? PreviousUrl, string? NextUrl, IReadOnlyList<PaginationItemView> Items) : ITemplateView;

/// <summary>A filter link of a commitment archive (all, keynotes, blogs).</summary>
public sealed record FilterView(string Label, string Url, bool Current, int Count) : ITemplateView;

/// <summary>A standalone page's content.</summary>
public sealed record PageContentView(string Title, string ContentHtml) : ITemplateView;

/// <summary>URLs of the main navigation (Contribute is null when the site has no contribute page).</summary>
public sealed record NavView(string Home, string Commitments, string Tags, string? Contribute, string Search) : ITemplateView;

/// <summary>Site-wide values every template sees as <c>site</c>.</summary>
public sealed record SiteView(
    string Title, string Description, string Language, string BaseUrl, string Url, string? ContactEmail, string? FooterNote,
    IReadOnlyList<string> Hashtags, string FeedUrl, string JsonFeedUrl, IReadOnlyList<CommitmentView> Commitments,
    IReadOnlyDictionary<string, object> Assets, NavView Nav) : ITemplateView
{
    /// <summary>
    /// The site's language as Open Graph writes a locale, language_TERRITORY: "en-GB" is en_GB, and a language without a
    /// region (cy) is taken as spoken in the United Kingdom, where the network is (cy_GB).
    /// </summary>
    public string OgLocale => Language.Split('-') is var parts && parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter)) is var region
        ? $"{parts[0].ToLowerInvariant()}_{(region ?? "GB").ToUpperInvariant()}" : "en_GB";
}

/// <summary>Per-page values every template sees as <c>page</c>: head metadata, section and breadcrumbs.</summary>
public sealed record PageMetaView(
    string Title, string Heading, string Description, string CanonicalUrl, string OgTitle, string OgType, string OgImage,
    string Section, IReadOnlyList<LinkView> Breadcrumbs, string? FeedUrl) : ITemplateView;
