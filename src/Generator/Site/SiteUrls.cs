using PPNBlog.Content.Model;

namespace PPNBlog.Generator.Site;

/// <summary>
/// The URL contract of the site (other tools depend on it), in one place. A "path" is relative to the site root
/// ("posts/x/"); a "URL" is root-relative with the base path ("/blog/posts/x/"); an "absolute URL" adds the host.
/// </summary>
public sealed class SiteUrls(SiteSettings settings)
{
    /// <summary>"/" or the base URL's path, e.g. "/ppnblog/".</summary>
    public string BasePath { get; } = settings.BasePath;

    /// <summary>The site's host, to tell internal links from external ones.</summary>
    public string Host { get; } = settings.BaseUrl.Host;

    /// <summary>The home page, or its page <paramref name="page"/>.</summary>
    public static string HomePath(int page = 1) => page <= 1 ? "" : $"page/{page}/";

    /// <summary>A post page.</summary>
    public static string PostPath(string slug) => $"posts/{slug}/";

    /// <summary>The commitments index.</summary>
    public const string CommitmentsPath = "commitments/";

    /// <summary>A commitment archive; <paramref name="filter"/> is "" (all), "keynotes" or "blogs".</summary>
    public static string CommitmentPath(string slug, string filter = "", int page = 1) =>
        $"commitments/{slug}/{(filter.Length == 0 ? "" : filter + "/")}{(page <= 1 ? "" : $"page/{page}/")}";

    /// <summary>A commitment's Atom feed.</summary>
    public static string CommitmentFeedPath(string slug) => $"commitments/{slug}/feed.xml";

    /// <summary>The tags index.</summary>
    public const string TagsPath = "tags/";

    /// <summary>A tag archive, by the tag's slug (<see cref="SiteModel.TagSlug"/>).</summary>
    public static string TagPath(string slug, int page = 1) => $"tags/{slug}/{(page <= 1 ? "" : $"page/{page}/")}";

    /// <summary>The search page.</summary>
    public const string SearchPath = "search/";

    /// <summary>The folder the search stage writes its index into.</summary>
    public const string PagefindFolder = "pagefind/";

    /// <summary>Pagefind's browser API, which the search stage writes.</summary>
    public const string PagefindScriptPath = PagefindFolder + "pagefind.js";

    /// <summary>A standalone page.</summary>
    public static string PagePath(string slug) => $"{slug}/";

    /// <summary>Root-relative URL of a site path.</summary>
    public string Url(string path) => BasePath + path;

    /// <summary>Absolute URL of a site path.</summary>
    public string Absolute(string path) => new Uri(settings.BaseUrl, path).AbsoluteUri;

    /// <summary>The output file for a site path: "posts/x/" is written as "posts/x/index.html".</summary>
    public static string FileFor(string path) => path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
}
