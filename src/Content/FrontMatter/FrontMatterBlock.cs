using System.Numerics;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Sources;

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
        var parts = Parts.Of(text.AsSpan());
        return new FrontMatterBlock(text[parts.Yaml], parts.YamlFirstLine, text[parts.Body], parts.BodyFirstLine, parts.Shape);
    }

    /// <summary>
    /// Reads the content file at <paramref name="path"/> (<see cref="SourceText.Read"/>'s checks) and splits it as
    /// <see cref="Split"/> does; null, with the diagnostic, when it cannot be read.
    /// </summary>
    /// <remarks>
    /// The split is found in the file's UTF-8 bytes and each part decoded on its own: decoding the whole text first
    /// and then copying its body out allocated every body twice (at 10,000 posts, 320 MB more). The delimiters, line
    /// ends and the spaces trimmed are ASCII, which no other character's UTF-8 bytes contain, so the parts are the
    /// same. A file with a problem is decoded whole, for the diagnostic <see cref="SourceText.Decode"/> gives.
    /// </remarks>
    public static FrontMatterBlock? Read(string path, string displayPath, DiagnosticList diagnostics) =>
        SourceText.Read(path, displayPath, diagnostics, Decode);

    private static FrontMatterBlock? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticList diagnostics)
    {
        var text = SourceText.WithoutByteOrderMark(bytes);
        // No line feed: no lines yet, or lines ended by CR alone, which SourceText.Decode turns into lines first.
        if (text.Contains((byte)'\n'))
        {
            var parts = Parts.Of(text);
            if (SourceText.Valid(text[parts.Yaml]) is { } yaml && SourceText.Valid(text[parts.Body]) is { } body)
                return new FrontMatterBlock(yaml, parts.YamlFirstLine, body, parts.BodyFirstLine, parts.Shape);
        }
        return SourceText.Decode(bytes, displayPath, diagnostics) is { } whole ? Split(whole) : null;
    }

    /// <summary>Where the parts of a file's text are, found in its characters or its UTF-8 bytes alike.</summary>
    private readonly record struct Parts(Range Yaml, int YamlFirstLine, Range Body, int BodyFirstLine, FrontMatterShape Shape)
    {
        public static Parts Of<T>(ReadOnlySpan<T> text) where T : unmanaged, IBinaryInteger<T>
        {
            var lineNumber = 0;
            var position = 0;
            var yamlStart = -1;
            var yamlFirstLine = 1;
            while (position < text.Length)
            {
                var end = text[position..].IndexOf(T.CreateTruncating('\n')) is var found and >= 0 ? position + found : -1;
                var next = end < 0 ? text.Length : end + 1;
                var line = TrimEnd(text[position..(end < 0 ? text.Length : end)]);
                lineNumber++;
                if (yamlStart < 0)
                {
                    if (!line.IsEmpty && !IsThrice(line, '-')) break;
                    if (!line.IsEmpty)
                    {
                        yamlStart = next;
                        yamlFirstLine = lineNumber + 1;
                    }
                }
                else if (IsThrice(line, '-') || IsThrice(line, '.'))
                {
                    return new(yamlStart..position, yamlFirstLine, next.., lineNumber + 1, FrontMatterShape.Closed);
                }
                position = next;
            }
            return yamlStart < 0
                ? new(0..0, 1, .., 1, FrontMatterShape.None)
                : new(yamlStart.., yamlFirstLine, ^0.., lineNumber + 1, FrontMatterShape.Unclosed);
        }

        /// <summary>The line without the carriage return, spaces and tabs at its end.</summary>
        private static ReadOnlySpan<T> TrimEnd<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
        {
            var length = line.Length;
            while (length > 0 && int.CreateTruncating(line[length - 1]) is '\r' or ' ' or '\t') length--;
            return line[..length];
        }

        /// <summary>Whether the line is the delimiter character three times ("---", "...").</summary>
        private static bool IsThrice<T>(ReadOnlySpan<T> line, char delimiter) where T : unmanaged, IBinaryInteger<T> =>
            line.Length == 3 && line.IndexOfAnyExcept(T.CreateTruncating(delimiter)) < 0;
    }
}
