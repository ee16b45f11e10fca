using YamlDotNet.Core;

namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// Front matter written for Jekyll or Hugo often wraps a long quoted value onto lines that start at the margin:
/// <c>title: "A long\ntitle"</c>. libyaml and go-yaml (Jekyll, Hugo, Python) read that; YamlDotNet follows the YAML
/// 1.2 letter and refuses it. This indents such lines so YamlDotNet reads them as the others do, with the same value:
/// a quoted value's line breaks fold away the spaces that start the next line.
/// </summary>
internal static class QuotedValueIndentation
{
    /// <summary>
    /// The YAML with the lines of the quoted value that <paramref name="error"/> found under-indented moved in to
    /// its opening quote's column; null when the error is another one, the value cannot be found or is not closed, or
    /// the indented YAML would be longer than <paramref name="maxLength"/> (a hostile quote far to the right).
    /// Lines keep their numbers, so every other diagnostic still points at the line the editor wrote.
    /// </summary>
    public static string? Indent(string yaml, YamlException error, int maxLength)
    {
        var message = error.InnerException?.Message ?? error.Message;
        if (!message.Contains("quoted scalar", StringComparison.Ordinal) || !message.Contains("wrong indentation", StringComparison.Ordinal))
            return null;
        var open = YamlText.OffsetOf(yaml, error.Start);
        if (open < 0 || open >= yaml.Length || yaml[open] is not ('"' or '\'')) return null;
        var close = YamlText.ClosingQuote(yaml, open);
        if (close < 0) return null;
        var column = (int)error.Start.Column - 1;
        var continuations = new List<int>();
        for (var i = yaml.IndexOf('\n', open, close - open); i >= 0; i = yaml.IndexOf('\n', i + 1, close - i - 1)) continuations.Add(i + 1);
        return yaml.Length + continuations.Count * (long)column > maxLength ? null : Indented(yaml, continuations, column);
    }

    private static string Indented(string yaml, List<int> lineStarts, int column)
    {
        var result = new System.Text.StringBuilder(yaml.Length + lineStarts.Count * column);
        var copied = 0;
        foreach (var start in lineStarts)
        {
            var spaces = 0;
            while (start + spaces < yaml.Length && yaml[start + spaces] == ' ') spaces++;
            // A blank line is a line break in the value, however it is indented.
            if (spaces >= column || start + spaces >= yaml.Length || yaml[start + spaces] is '\n' or '\r') continue;
            result.Append(yaml, copied, start - copied).Append(' ', column - spaces);
            copied = start;
        }
        return result.Append(yaml, copied, yaml.Length - copied).ToString();
    }
}
