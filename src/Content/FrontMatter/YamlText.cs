using YamlDotNet.Core;

namespace PPNBlog.Content.FrontMatter;

/// <summary>Positions in front matter's YAML text, for the checks that read the lines an editor wrote.</summary>
internal static class YamlText
{
    /// <summary>The offset of a 1-based line and column in <paramref name="yaml"/>, or -1.</summary>
    public static int OffsetOf(string yaml, Mark mark)
    {
        var offset = 0;
        for (var line = 1; line < mark.Line; line++)
        {
            offset = yaml.IndexOf('\n', offset) + 1;
            if (offset == 0) return -1;
        }
        return offset + (int)mark.Column - 1;
    }

    /// <summary>The 1-based line of the character at <paramref name="offset"/>.</summary>
    public static int LineOf(string yaml, int offset) => yaml.AsSpan(0, offset).Count('\n') + 1;

    /// <summary>The 1-based column of the character at <paramref name="offset"/>.</summary>
    public static int ColumnOf(string yaml, int offset) => offset - (offset == 0 ? 0 : yaml.LastIndexOf('\n', offset - 1) + 1) + 1;

    /// <summary>The offset of the end of the line holding <paramref name="from"/> (its '\n', or the end of the text).</summary>
    public static int LineEnd(string yaml, int from) =>
        from >= yaml.Length ? yaml.Length : yaml.IndexOf('\n', from) is var newline and >= 0 ? newline : yaml.Length;

    /// <summary>
    /// The offset of the quote that closes the quoted value opened at <paramref name="open"/> (a '"' or '\''), or -1
    /// when it is never closed: '\' escapes the next character in double quotes, '' is an apostrophe in single quotes.
    /// </summary>
    public static int ClosingQuote(string yaml, int open)
    {
        var quote = yaml[open];
        for (var i = open + 1; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (quote == '"' && c == '\\' && i + 1 < yaml.Length && yaml[i + 1] != '\n') i++;
            else if (quote == '\'' && c == '\'' && i + 1 < yaml.Length && yaml[i + 1] == '\'') i++;
            else if (c == quote) return i;
        }
        return -1;
    }

    /// <summary>The line's text from <paramref name="mark"/> on, without a trailing comment or spaces; null when the mark is outside the text.</summary>
    public static string? RestOfLine(string yaml, Mark mark)
    {
        var from = OffsetOf(yaml, mark);
        if (from < 0 || from >= yaml.Length) return null;
        var line = yaml.AsSpan(from, LineEnd(yaml, from) - from);
        return (line.IndexOf(" #") is var comment and >= 0 ? line[..comment] : line).TrimEnd("\r \t").ToString();
    }

    /// <summary>The line holding the character at <paramref name="offset"/>, without its line break.</summary>
    public static string LineAt(string yaml, int offset)
    {
        var start = offset == 0 ? 0 : yaml.LastIndexOf('\n', offset - 1) + 1;
        return yaml[start..LineEnd(yaml, start)].TrimEnd('\r');
    }

    /// <summary>
    /// The comment that follows, on its line, a value (or a key's colon) ending at <paramref name="end"/>, and the offset
    /// where its '#' is; null when none does.
    /// </summary>
    public static (string Text, int Offset)? CommentAfter(string yaml, int end)
    {
        if (end < 0 || end >= yaml.Length) return null;
        var after = yaml.AsSpan(end, LineEnd(yaml, end) - end).TrimEnd('\r');
        var hash = after.IndexOf('#');
        if (hash <= 0 || !after[..hash].IsWhiteSpace()) return null;
        return (after[hash..].TrimEnd().ToString(), end + hash);
    }

    /// <summary><paramref name="value"/> written so that YAML reads it back as it is: in the quotes it needs.</summary>
    public static string Quoted(string value) =>
        !value.Contains('"') && !value.Contains('\\') ? $"\"{value}\""
        : !value.Contains('\'') ? $"'{value}'"
        : $"\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
}
