using System.Net;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>
/// The pages at posts' earlier addresses (their <c>aliases</c>): each sends the reader on to the post, and tells search
/// engines where the post now is, so links, bookmarks and feeds readers' entries keep working after a rename.
/// </summary>
public static class RedirectWriter
{
    /// <summary>Each published post's earlier addresses, as site paths (<c>posts/old-name/</c>), with the post.</summary>
    public static IEnumerable<(string SitePath, PublishedPost Post)> Redirects(SiteModel site) =>
        site.Posts.SelectMany(p => p.Post.FrontMatter.Aliases.Select(alias => (SitePath(alias), p)));

    /// <summary>
    /// The site path of an alias: a folder's (<c>/posts/old-name</c> and <c>/posts/old-name/</c> are both
    /// <c>posts/old-name/</c>, as pages' paths are), or a file's when its last part has an extension (<c>old.html</c>).
    /// </summary>
    public static string SitePath(string alias)
    {
        var path = alias.TrimStart('/');
        return path.EndsWith('/') || Path.GetFileName(path).Contains('.') ? path : path + "/";
    }

    /// <summary>The file a redirect at <paramref name="sitePath"/> is written to: a folder's index.html, or the file it names.</summary>
    public static string FileFor(string sitePath) => sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath;

    /// <summary>Writes every redirect page.</summary>
    public static void Write(SiteModel site, SiteOutput output)
    {
        foreach (var (sitePath, post) in Redirects(site))
        {
            var to = WebUtility.HtmlEncode(site.Urls.Url(post.Path));
            var absolute = WebUtility.HtmlEncode(site.Urls.Absolute(post.Path));
            var title = WebUtility.HtmlEncode(post.Post.Title);
            output.WriteText(FileFor(sitePath),
                $"<!DOCTYPE html>\n<html lang=\"{WebUtility.HtmlEncode(site.Settings.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n" +
                $"<title>{title}</title>\n<link rel=\"canonical\" href=\"{absolute}\">\n<meta name=\"robots\" content=\"noindex\">\n" +
                $"<meta http-equiv=\"refresh\" content=\"0; url={to}\">\n</head>\n<body>\n<p>This post has moved: <a href=\"{to}\">{title}</a>.</p>\n</body>\n</html>\n");
        }
    }
}
