using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Sources;
using PPNBlog.Generator.Html;
using PPNBlog.Generator.Markdown;

namespace PPNBlog.Generator.Site;

/// <summary>
/// Checks every link and image written in a Markdown body against the planned site, with the line and column where
/// it is written, and lists the files beside the content that must be published with it.
/// </summary>
/// <param name="isSitePath">Whether a path (<c>posts/a-slug/</c>) is a page or file of the site.</param>
/// <param name="isUnpublishedPost">Whether a path is a post's page that is not published yet (a draft, or dated later).</param>
/// <param name="isInvalidFile">Whether a content file failed validation: a link to it is left to that file's own error.</param>
/// <param name="diagnostics">Where problems go.</param>
/// <param name="siteAddress">The address the site is published at (site.yml's baseUrl): a link to it in full is checked as a page of the site.</param>
public sealed class LinkValidator(Func<string, bool> isSitePath, Func<string, bool> isUnpublishedPost, Func<string, bool> isInvalidFile, DiagnosticList diagnostics,
    Uri siteAddress)
{
    /// <summary>
    /// Checks the links of one body published at <paramref name="pagePath"/>, noting the files they lead to in
    /// <paramref name="context"/>; returns the files to copy and the links to sections, which are checked once every
    /// body's sections are known (<see cref="SectionLink"/>).
    /// </summary>
    public CheckedLinks Check(MarkdownHtml markdown, SourceFile source, string pagePath, DocumentContext context)
    {
        var copies = new List<(string, string)>();
        var sections = new List<SectionLink>();
        foreach (var link in markdown.Links)
        {
            var location = source.At(link.Line, link.Column);
            var what = link.IsImage ? "image" : "link";
            if (link.Url.Length == 0)
            {
                // [text]() links the page to itself; ![alt]() shows nothing.
                diagnostics.Add(link.IsImage ? DiagnosticCode.MissingImage : DiagnosticCode.BrokenLink, location,
                    $"{what} has no address: its round brackets are empty",
                    $"Write the address between them, e.g. {(link.IsImage ? "![what it shows](photo.jpg)" : "[the report](https://example.org/report)")}, or remove the {what}.");
                continue;
            }
            if (link.Url.Contains("{{", StringComparison.Ordinal) || link.Url.Contains("{%", StringComparison.Ordinal))
            {
                diagnostics.Add(link.IsImage ? DiagnosticCode.MissingImage : DiagnosticCode.BrokenLink, location,
                    $"{what} '{link.Url}' holds a template tag of another site generator, which posts never run",
                    "Write the address itself: a page of this site from /, e.g. /posts/<slug>/, or a file beside the post by its name.");
                continue;
            }
            var section = link.IsImage ? "" : SectionLink.IdIn(link.Url);
            var kind = LinkTarget.Classify(link.Url);
            // A post folder's own file written as its address on the site (/posts/<slug>/photo.png): the file beside it.
            var beside = kind == LinkKind.SiteRooted && Path.GetFileName(source.FullPath) == "index.md" && LinkTarget.PathPart(link.Url).TrimStart('/') is var rooted
                && rooted.StartsWith(pagePath, StringComparison.Ordinal) && rooted.Length > pagePath.Length && !isSitePath(rooted) && !rooted.EndsWith('/')
                ? rooted[pagePath.Length..] : null;
            if (beside is not null) kind = LinkKind.RelativeFile;
            // A page of this site by its full address, as copied from the published site, is checked as one.
            var fullAddressPath = kind == LinkKind.Absolute ? OwnAddressPath(link.Url) : null;
            if (fullAddressPath is not null) kind = LinkKind.SiteRooted;
            switch (kind)
            {
                case LinkKind.Fragment when section.Length > 0:
                    sections.Add(new SectionLink(link.Url, section, pagePath, null, location));
                    break;
                case LinkKind.SiteRooted:
                    if (CheckSiteAddress(link.Url, link.IsImage, location, ImageExample, fullAddressPath) is { } sitePath && section.Length > 0)
                        sections.Add(new SectionLink(link.Url, section, sitePath, null, location));
                    break;
                case LinkKind.RelativeMarkdown when link.IsImage:
                    PageNotPicture(location, link.Url, ImageExample);
                    break;
                case LinkKind.RelativeMarkdown:
                    var file = Path.GetFullPath(Path.Combine(source.Directory, LinkTarget.PathPart(link.Url)));
                    if (context.UrlOf(file) is not null)
                    {
                        if (section.Length > 0) sections.Add(new SectionLink(link.Url, section, null, file, location));
                        break;
                    }
                    if (isInvalidFile(file)) break;
                    if (File.Exists(file))
                        NotPublished(location, link.Url);
                    else
                        diagnostics.Add(DiagnosticCode.BrokenLink, location, $"link '{link.Url}' points at a file that does not exist", FolderBounds.OtherCaseHint(file));
                    break;
                case LinkKind.RelativeFile:
                    var target = LinkTarget.ResolveInside(source.Directory, beside ?? link.Url);
                    if (target is not null) context.Consult(target);
                    if (target is null)
                        diagnostics.Add(link.IsImage ? DiagnosticCode.MissingImage : DiagnosticCode.BrokenLink, location,
                            $"{what} '{link.Url}' is outside the post's folder", "Put the file in the post's own folder and link it by its name.");
                    else if (!File.Exists(target))
                        diagnostics.Add(link.IsImage ? DiagnosticCode.MissingImage : DiagnosticCode.BrokenLink, location,
                            $"{what} '{link.Url}' does not exist in the post's folder", FolderBounds.OtherCaseHint(target));
                    else if (FolderBounds.HasSymbolicLink(source.Directory, target))
                        diagnostics.Add(DiagnosticCode.SymbolicLink, location, $"{what} '{link.Url}' is a symbolic link");
                    else if (ActiveFiles.Why(target) is { } active)
                        diagnostics.Add(DiagnosticCode.ActiveFile, location, $"{what} '{link.Url}' {active}");
                    else
                    {
                        if (link.IsImage && !BrowserImages.CanShow(target))
                            diagnostics.Add(DiagnosticCode.UnshowableImage, location,
                                $"image '{link.Url}' is not a picture web browsers show (PNG, JPEG, GIF, WebP, AVIF or SVG), or it is damaged");
                        else if (link.IsImage && HeavyImages.Why(target) is { } heavy)
                            diagnostics.Add(DiagnosticCode.HeavyImage, location, $"image '{link.Url}' {heavy}");
                        copies.Add((target, pagePath + Path.GetRelativePath(source.Directory, target).Replace('\\', '/')));
                    }
                    break;
            }
            if (link.IsImage && link.AltText.Length == 0)
                diagnostics.Add(DiagnosticCode.MissingAltText, location, MarkdownRenderer.IsEmbed(link.Url)
                    ? $"recording '{link.Url}' has no alt text, which names its player (![Keynote, day one]({link.Url}))"
                    : $"image '{link.Url}' has no alt text");
            if (link.HasNoText)
                diagnostics.Add(DiagnosticCode.LinkWithoutText, location, $"link '{link.Url}' has no text, so a screen reader announces nothing for it");
        }
        return new CheckedLinks(copies, sections);
    }

    /// <summary>
    /// Checks a post's header image (front matter's <c>image</c>) when it is a site address (<c>/assets/…</c>), which only
    /// the planned site can tell; a file beside the post is checked with the front matter.
    /// </summary>
    public void CheckHeaderImage(string image, SourceLocation location)
    {
        if (LinkTarget.Classify(image) == LinkKind.SiteRooted) _ = CheckSiteAddress(image, isImage: true, location, "image: photo.jpg");
    }

    /// <summary>
    /// Checks a link or image written as a site address (<c>/posts/a-slug/</c>) against the planned site; returns the
    /// site path it leads to, or null when it leads nowhere.
    /// </summary>
    /// <param name="url">The address as written.</param>
    /// <param name="isImage">Whether it is a picture's.</param>
    /// <param name="location">Where it is written.</param>
    /// <param name="imageExample">How to write a picture there, for the hint.</param>
    /// <param name="rooted">Its path from the site's root, when it is written as a full address.</param>
    private string? CheckSiteAddress(string url, bool isImage, SourceLocation location, string imageExample, string? rooted = null)
    {
        var path = RequestedPath(LinkTarget.PathPart(rooted ?? url).TrimStart('/'));
        var sitePath = isSitePath(path) ? path : isSitePath(path + "/") ? path + "/" : null;
        // A page's address ends in '/' (its index.html): a browser shows it as a broken picture.
        if (isImage && sitePath is not null && (sitePath.Length == 0 || sitePath.EndsWith('/') || sitePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase)))
        {
            PageNotPicture(location, url, imageExample);
            return null;
        }
        if (sitePath is not null) return sitePath;
        if (!isImage && (isUnpublishedPost(path) || isUnpublishedPost(path + "/")))
            NotPublished(location, url);
        else if (isImage)
            diagnostics.Add(DiagnosticCode.MissingImage, location, $"image '{url}' is not a file of the site",
                $"Put the image in the post's own folder (the post as a folder holding index.md) and give its name, e.g. {imageExample}.");
        else
            diagnostics.Add(DiagnosticCode.BrokenLink, location, $"link '{url}' points at no page of the site");
        return null;
    }

    /// <summary>
    /// The site path a browser asks for: "." and ".." segments resolved (none climbs above the site's root), and a page's
    /// own "index.html" read as its folder (/posts/a-slug/index.html is /posts/a-slug/).
    /// </summary>
    private static string RequestedPath(string path)
    {
        if (!path.Contains('.')) return path;
        var segments = new List<string>();
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "." or "..")
            {
                if (parts[i] == ".." && segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                if (i == parts.Length - 1) segments.Add("");
            }
            else segments.Add(parts[i]);
        }
        var requested = string.Join('/', segments);
        return requested == "index.html" || requested.EndsWith("/index.html", StringComparison.Ordinal) ? requested[..^"index.html".Length] : requested;
    }

    /// <summary>
    /// The path from the site's root ("/posts/a-slug/") of a full address on the site (https or http, at the site's host
    /// and port, under its base path), with its query and fragment; null for any other site's address.
    /// </summary>
    private string? OwnAddressPath(string url)
    {
        if (!Uri.TryCreate(url.StartsWith("//", StringComparison.Ordinal) ? siteAddress.Scheme + ":" + url : url, UriKind.Absolute, out var address)
            || !string.Equals(address.Host, siteAddress.Host, StringComparison.OrdinalIgnoreCase)
            || !(address.Port == siteAddress.Port || address.IsDefaultPort && siteAddress.IsDefaultPort))
            return null;
        var basePath = siteAddress.AbsolutePath;
        if (address.AbsolutePath == basePath.TrimEnd('/')) return "/" + address.Query + address.Fragment;
        return address.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal) ? "/" + address.AbsolutePath[basePath.Length..] + address.Query + address.Fragment : null;
    }

    private const string ImageExample = "![what it shows](photo.jpg)";

    private void PageNotPicture(SourceLocation location, string url, string imageExample) =>
        diagnostics.Add(DiagnosticCode.MissingImage, location, $"image '{url}' is a page, not a picture: readers would see a broken picture",
            $"Give the picture's own file, beside the post (e.g. {imageExample}); to lead readers to the page, write a link to it instead.");

    private void NotPublished(SourceLocation location, string url) =>
        diagnostics.Add(DiagnosticCode.BrokenLink, location, $"link '{url}' points at a post that is not published (a draft, or dated in the future)",
            "Link it once it is published, or publish it first (remove 'draft: true', or give it today's date).");
}
