namespace PPNBlog.Content.FrontMatter;

/// <summary>Whether a file has a front matter block.</summary>
public enum FrontMatterShape
{
    /// <summary>The file does not start with a '---' line.</summary>
    None,

    /// <summary>Opened and closed by '---' lines.</summary>
    Closed,

    /// <summary>Opened by '---' but never closed.</summary>
    Unclosed,
}

/// <summary>A content file split into its YAML front matter and its Markdown body.</summary>
/// <param name="Yaml">The YAML text between the delimiters (empty when absent).</param>
/// <param name="YamlFirstLine">The 1-based file line where the YAML starts.</param>
/// <param name="Body">The Markdown after the closing delimiter.</param>
/// <param name="BodyFirstLine">The 1-based file line where the body starts.</param>
/// <param name="Shape">Whether the block was found and closed.</param>
public sealed record FrontMatterBlock(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine, FrontMatterShape Shape)
{
    /// <summary>
    /// Splits <paramref name="text"/>. The opening '---' may follow blank lines, and either delimiter may carry trailing
    /// spaces (both seen in real posts); CRLF and LF line endings are accepted.
    /// </summary>
    public static FrontMatterBlock Split(string text)
    {
        var lineNumber = 0;
        var position = 0;
        var yamlStart = -1;
        var yamlFirstLine = 1;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            var line = text.AsSpan(position, (end < 0 ? text.Length : end) - position).TrimEnd("\r \t");
            lineNumber++;
            if (yamlStart < 0)
            {
                if (!line.IsEmpty && !line.SequenceEqual("---")) break;
                if (!line.IsEmpty)
                {
                    yamlStart = next;
                    yamlFirstLine = lineNumber + 1;
                }
            }
            else if (line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                return new FrontMatterBlock(text[yamlStart..position], yamlFirstLine, text[next..], lineNumber + 1, FrontMatterShape.Closed);
            }
            position = next;
        }
        return yamlStart < 0
            ? new FrontMatterBlock("", 1, text, 1, FrontMatterShape.None)
            : new FrontMatterBlock(text[yamlStart..], yamlFirstLine, "", lineNumber + 1, FrontMatterShape.Unclosed);
    }
}
