using PPNBlog.Content.Sources;

namespace PPNBlog.Generator.Html;

/// <summary>What a URL written in content points at; validation and rewriting both classify links this way.</summary>
public enum LinkKind
{
    /// <summary>"#section" on the same page.</summary>
    Fragment,

    /// <summary>http(s) or protocol-relative: another site (or this one by its full address).</summary>
    Absolute,

    /// <summary>mailto:, tel: and other schemes: left as they are.</summary>
    OtherScheme,

    /// <summary>"/posts/x/": a page of this site, from the site root.</summary>
    SiteRooted,

    /// <summary>"../2021/other.md": another content file, published under its own URL.</summary>
    RelativeMarkdown,

    /// <summary>"photo.jpg": a file beside the content file, published beside its page.</summary>
    RelativeFile,
}

/// <summary>Classifies URLs and splits off their query and fragment.</summary>
public static class LinkTarget
{
    /// <summary>The kind of <paramref name="url"/>.</summary>
    public static LinkKind Classify(string url)
    {
        // Read as a browser reads it: a backslash is a slash, tabs and line breaks are dropped ("/\evil.example" is
        // another site's address, not this site's page).
        if (url.AsSpan().IndexOfAny("\\\t\n\r") >= 0) url = url.Replace('\\', '/').Replace("\t", "").Replace("\n", "").Replace("\r", "");
        if (url.StartsWith('#')) return LinkKind.Fragment;
        if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
            url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return LinkKind.Absolute;
        var colon = url.IndexOf(':');
        var slash = url.IndexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) return LinkKind.OtherScheme;
        if (url.StartsWith('/')) return LinkKind.SiteRooted;
        return PathPart(url).EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? LinkKind.RelativeMarkdown : LinkKind.RelativeFile;
    }

    /// <summary>The URL without its query and fragment, percent-decoded: the path to look up.</summary>
    public static string PathPart(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return Uri.UnescapeDataString(end < 0 ? url : url[..end]);
    }

    /// <summary>The query and fragment of <paramref name="url"/> ("" when none).</summary>
    public static string Suffix(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? "" : url[end..];
    }

    /// <summary>
    /// The address of a file beside a page (<paramref name="relativeUrl"/>, as written) from the site root: resolved against
    /// <paramref name="pageUrl"/> as a browser would, spaces and characters beyond ASCII percent-encoded.
    /// </summary>
    public static string FromPage(string pageUrl, string relativeUrl) =>
        new Uri(new Uri("http://site" + pageUrl), relativeUrl).PathAndQuery + Fragment(relativeUrl);

    /// <summary>The fragment of <paramref name="url"/> with its '#' ("" when none).</summary>
    public static string Fragment(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? "" : url[hash..];
    }

    /// <summary>
    /// The file a relative URL names inside <paramref name="directory"/>, or null when it climbs out of it
    /// (content may only publish files from its own folder).
    /// </summary>
    public static string? ResolveInside(string directory, string relativeUrl) => FolderBounds.Resolve(directory, PathPart(relativeUrl));
}
