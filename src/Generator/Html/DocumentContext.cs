namespace PPNBlog.Generator.Html;

/// <summary>Where a rendered body will be published and where it came from: what relative links resolve against.</summary>
/// <param name="PageUrl">The page's root-relative URL, e.g. "/posts/my-post/".</param>
/// <param name="SourceDirectory">The folder of the Markdown file.</param>
/// <param name="UrlOfMarkdownFile">The published URL of another content file (by full path), or null when it is not published.</param>
public sealed record DocumentContext(string PageUrl, string SourceDirectory, Func<string, string?> UrlOfMarkdownFile);
