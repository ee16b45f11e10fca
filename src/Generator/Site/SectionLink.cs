using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Site;

/// <summary>What the link check of one body found: files to publish beside its page, and links to sections of pages.</summary>
/// <param name="Copies">(source file, site path) pairs to copy.</param>
/// <param name="Sections">Links to a section (<c>#…</c>) of this page or another content page.</param>
public sealed record CheckedLinks(IReadOnlyList<(string Source, string SitePath)> Copies, IReadOnlyList<SectionLink> Sections);

/// <summary>
/// A link to a section of a content page (<c>#methods</c>, <c>../2024/report.md#methods</c>, <c>/posts/report/#methods</c>):
/// checked against the ids of the page's body once every body is rendered, as the page linked may change without this one.
/// </summary>
/// <param name="Url">The link as written.</param>
/// <param name="Id">The section's id (the fragment without '#').</param>
/// <param name="TargetPath">The site path of the page linked, when linked by its address (or on the same page).</param>
/// <param name="TargetFile">The content file linked, when linked by its file.</param>
/// <param name="Location">Where the link is written.</param>
public sealed record SectionLink(string Url, string Id, string? TargetPath, string? TargetFile, SourceLocation Location)
{
    /// <summary>The section <paramref name="url"/> leads to: its fragment, "" for none, "#" alone or "#top" (a browser's top of page).</summary>
    public static string IdIn(string url)
    {
        var id = Html.LinkTarget.Fragment(url).TrimStart('#');
        return id.Equals("top", StringComparison.OrdinalIgnoreCase) ? "" : id;
    }

    /// <summary>
    /// Whether a page whose body has <paramref name="ids"/> has the section (the layout's ids too, such as the skip link's
    /// target), matched as a browser matches it: the id as written, then percent-decoded.
    /// </summary>
    public bool IsIn(IReadOnlyCollection<string> ids) =>
        ids.Contains(Id) || Html.DomRewriter.LayoutIds.Contains(Id) || Uri.UnescapeDataString(Id) is var decoded && (ids.Contains(decoded) || Html.DomRewriter.LayoutIds.Contains(decoded));

    /// <summary>How to mend the link: the id differing only in capitals, or the page's sections to choose from.</summary>
    public string Hint(IReadOnlyCollection<string> ids)
    {
        if (ids.FirstOrDefault(i => i.Equals(Uri.UnescapeDataString(Id), StringComparison.OrdinalIgnoreCase)) is { } near)
            return $"Write '#{near}': a section's name is matched exactly, small letters and capitals too.";
        // Footnotes' ids (fn:1, fnref:1) are not sections anyone links by hand.
        var sections = ids.Where(i => !i.Contains(':', StringComparison.Ordinal)).Take(8).Select(i => "#" + i).ToList();
        return sections.Count == 0
            ? "The page has no headings to link to: link the page itself, or add the heading (## Methods is #methods)."
            : $"The page's sections: {string.Join(", ", sections)}.";
    }
}
