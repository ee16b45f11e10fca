using YamlDotNet.Core;

namespace PPNBlog.Content.Diagnostics;

/// <summary>A 1-based line and column in a file, as an editor shows them.</summary>
/// <param name="File">The file's path, as it is printed.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The whole file (printed as line 1, column 1, where editors open it).</summary>
    public static SourceLocation WholeFile(string file) => new(file, 1, 1);

    /// <summary>From a YamlDotNet mark (already 1-based) in front matter that starts at <paramref name="firstLine"/> of the file.</summary>
    public static SourceLocation FromYaml(string file, Mark mark, int firstLine) =>
        new(file, (int)mark.Line + firstLine - 1, (int)mark.Column);

    /// <summary>From a Markdig position (0-based line and column) in a body that starts at <paramref name="firstLine"/> of the file.</summary>
    public static SourceLocation FromMarkdown(string file, int line, int column, int firstLine) =>
        new(file, line + firstLine, column + 1);
}
