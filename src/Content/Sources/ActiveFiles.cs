using System.Text.RegularExpressions;

namespace PPNBlog.Content.Sources;

/// <summary>
/// Files beside content that a browser would run rather than show: published with the site, a web page, a script or an
/// SVG picture holding one would run as the site's own (reading what the site may read), so they are never published.
/// </summary>
public static partial class ActiveFiles
{
    /// <summary>Kinds of file a browser opens as a page or runs, by extension.</summary>
    private static readonly HashSet<string> RunByBrowsers = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".js", ".mjs", ".xml", ".xsl", ".xslt", ".swf",
    };

    /// <summary>SVG is read whole up to this size to look for scripts; a larger one is refused unread.</summary>
    private const int MaxSvgBytes = 4 * 1024 * 1024;

    /// <summary>Why <paramref name="file"/> may not be published (as the end of a sentence naming it), or null when it may.</summary>
    public static string? Why(string file)
    {
        var extension = Path.GetExtension(file);
        if (RunByBrowsers.Contains(extension))
            return $"is a web page or script ({extension}), which would run as part of this site";
        var compressed = extension.Equals(".svgz", StringComparison.OrdinalIgnoreCase);
        if (!compressed && !extension.Equals(".svg", StringComparison.OrdinalIgnoreCase)) return null;
        if (compressed || new FileInfo(file).Length > MaxSvgBytes)
            return "is an SVG picture that cannot be checked for scripts (compressed, or over 4 MB)";
        return Script().IsMatch(File.ReadAllText(file)) ? "is an SVG picture holding a script, which would run when the picture is opened on its own" : null;
    }

    /// <summary>What runs in an SVG: a script element, an event handler, a javascript: address, HTML embedded in it.</summary>
    [GeneratedRegex(@"<script|<foreignObject|<iframe|<embed|<object|javascript:|\son[a-z]+\s*=|<!ENTITY", RegexOptions.IgnoreCase)]
    private static partial Regex Script();
}
