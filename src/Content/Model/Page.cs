namespace PPNBlog.Content.Model;

/// <summary>A standalone page from <c>input/pages</c> (e.g. how to contribute), published at <c>/&lt;slug&gt;/</c>.</summary>
/// <param name="Slug">The file name without .md.</param>
/// <param name="Title">The page's title.</param>
/// <param name="Summary">One sentence for the meta description.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Source">Where it came from.</param>
public sealed record Page(string Slug, string Title, string? Summary, string Body, SourceFile Source);
