using AngleSharp.Html.Parser;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Html;

/// <summary>
/// Checks a built site the way a reader's browser would meet it: every internal href and src of every HTML page
/// must name a file of the site. Catches what content checks cannot see, such as a theme template's own links.
/// </summary>
public static class BuiltSiteLinkChecker
{
    /// <summary>Checks every page under <paramref name="siteRoot"/>, a site published at <paramref name="basePath"/>.</summary>
    /// <param name="siteRoot">The built site folder.</param>
    /// <param name="basePath">The site's base path ("/" or e.g. "/blog/").</param>
    /// <param name="displayRoot">How the site folder is named in diagnostics (e.g. "_site").</param>
    /// <param name="diagnostics">Where broken links go.</param>
    public static void Check(string siteRoot, string basePath, string displayRoot, DiagnosticList diagnostics)
    {
        var root = Path.GetFullPath(siteRoot);
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).ToList();
        Parallel.ForEach(pages, () => new HtmlParser(), (file, _, parser) =>
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var pageUrl = basePath + Path.GetRelativePath(root, file).Replace('\\', '/');
            var display = $"{displayRoot}/{Path.GetRelativePath(root, file).Replace('\\', '/')}";
            foreach (var element in document.QuerySelectorAll("a[href], link[href], img[src], script[src], iframe[src], source[src]"))
            {
                var attribute = element.HasAttribute("href") ? "href" : "src";
                var url = element.GetAttribute(attribute)!.Trim();
                var kind = LinkTarget.Classify(url);
                if (kind is LinkKind.Absolute or LinkKind.OtherScheme or LinkKind.Fragment || url.Length == 0) continue;
                var resolved = new Uri(new Uri("http://site" + pageUrl), url).AbsolutePath;
                if (!Exists(root, basePath, Uri.UnescapeDataString(resolved)))
                    diagnostics.Add(DiagnosticCode.BrokenLink, SourceLocation.WholeFile(display),
                        $"<{element.LocalName} {attribute}=\"{url}\"> points at no file of the built site",
                        "Fix the link in the template or content that produced this page.");
            }
            return parser;
        }, _ => { });
    }

    private static bool Exists(string root, string basePath, string path)
    {
        if (!path.StartsWith(basePath, StringComparison.Ordinal)) return false;
        var relative = path[basePath.Length..];
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root, StringComparison.Ordinal)) return false;
        return File.Exists(full) || File.Exists(Path.Combine(full, "index.html"));
    }
}
