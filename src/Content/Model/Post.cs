using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;

namespace PPNBlog.Content.Model;

/// <summary>Where a content file came from, and where its parts are, for diagnostics and relative paths.</summary>
/// <param name="FullPath">The file on disk.</param>
/// <param name="DisplayPath">The path printed in diagnostics (relative to the working directory when inside it).</param>
/// <param name="BodyFirstLine">The 1-based file line where the Markdown body starts.</param>
/// <param name="Placement">Where the Markdown's characters are written, when it is a YAML value (site.yml's intro), not the file's lines from <paramref name="BodyFirstLine"/> on.</param>
public sealed record SourceFile(string FullPath, string DisplayPath, int BodyFirstLine, TextPlacement? Placement = null)
{
    /// <summary>The folder that relative links and images in the file are resolved against.</summary>
    public string Directory => Path.GetDirectoryName(FullPath)!;

    /// <summary>Where a 0-based line and column of the Markdown body are in the file.</summary>
    public SourceLocation At(int line, int column) =>
        Placement?.At(line, column) is (var fileLine, var fileColumn) ? new(DisplayPath, fileLine, fileColumn) : SourceLocation.FromMarkdown(DisplayPath, line, column, BodyFirstLine);
}

/// <summary>A post read and validated from <c>input/posts</c>.</summary>
/// <param name="FrontMatter">Its typed front matter.</param>
/// <param name="Slug">Its URL slug: <c>/posts/&lt;slug&gt;/</c>.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="IsBundle">True for <c>&lt;name&gt;/index.md</c>, whose folder holds its images.</param>
/// <param name="SlugLocation">Where the slug comes from (the slug line, or the file).</param>
/// <param name="CommitmentLocations">Where each commitment is written, for diagnostics.</param>
/// <param name="DateLocation">Where the date is written, for diagnostics.</param>
/// <param name="AliasLocations">Where each alias is written, for diagnostics.</param>
/// <param name="TagLocations">Where each tag is written, for diagnostics.</param>
/// <param name="ImageLocation">Where the header image is written, for diagnostics.</param>
public sealed record Post(
    PostFrontMatter FrontMatter,
    string Slug,
    string Body,
    SourceFile Source,
    bool IsBundle,
    SourceLocation SlugLocation,
    IReadOnlyList<Located> CommitmentLocations,
    SourceLocation DateLocation,
    IReadOnlyList<Located> AliasLocations,
    IReadOnlyList<Located> TagLocations,
    SourceLocation ImageLocation)
{
    /// <summary>The post's title.</summary>
    public string Title => FrontMatter.Title;

    /// <summary>The post's date.</summary>
    public PostDate Date => FrontMatter.Date;
}
