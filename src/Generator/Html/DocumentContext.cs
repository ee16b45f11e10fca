namespace PPNBlog.Generator.Html;

/// <summary>Where a rendered body will be published and where it came from: what relative links resolve against.</summary>
/// <param name="PageUrl">The page's root-relative URL, e.g. "/posts/my-post/".</param>
/// <param name="SourceDirectory">The folder of the Markdown file.</param>
/// <param name="UrlOfMarkdownFile">The published URL of another content file (by full path), or null when it is not published.</param>
public sealed record DocumentContext(string PageUrl, string SourceDirectory, Func<string, string?> UrlOfMarkdownFile)
{
    /// <summary>
    /// Every file the body led to (images measured, files and posts linked), with the URL each post resolved to:
    /// when one of them changes, serve processes the body again.
    /// </summary>
    public Dictionary<string, string?> Consulted { get; } = new(StringComparer.Ordinal);

    /// <summary>The published URL of the content file at <paramref name="fullPath"/> (or null), remembered as consulted.</summary>
    public string? UrlOf(string fullPath) => Consulted[fullPath] = UrlOfMarkdownFile(fullPath);

    /// <summary>Remembers that the body depends on the file at <paramref name="fullPath"/>, which may not exist (yet).</summary>
    public void Consult(string fullPath) => Consulted.TryAdd(fullPath, null);
}
