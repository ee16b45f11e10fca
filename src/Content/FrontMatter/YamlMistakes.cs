using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// What YamlDotNet's parse errors mean in an editor's words: the mistakes people make most in front matter, found
/// from the error and the lines it points at, each with the place to fix it and how.
/// </summary>
internal static partial class YamlMistakes
{
    /// <summary>A located explanation; Line and Column are 1-based in the YAML text.</summary>
    public readonly record struct Explanation(long Line, long Column, string Message, string? Hint);

    public static Explanation Explain(string yaml, YamlException error)
    {
        var message = (error.InnerException?.Message ?? error.Message).Split('\n')[0];
        var lines = yaml.Split('\n');
        var line = (int)Math.Clamp(error.Start.Line, 1, lines.Length);
        // "title:Hello" is one plain scalar to YAML; the error comes on a later line, where the next key is.
        for (var i = line - 1; i >= 0 && i >= line - 2; i--)
        {
            if (NoSpaceAfterColon().Match(lines[i].TrimEnd('\r')) is { Success: true } missing)
                return new(i + 1, missing.Groups["key"].Index + missing.Groups["key"].Length + 1,
                    $"there is no space after the colon in '{missing.Value.Trim()}'",
                    $"Write a space after the colon: '{missing.Groups["key"].Value}: {missing.Groups["value"].Value}'.");
        }
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && Array.FindIndex(lines, l => l.TrimStart(' ').StartsWith('\t')) is var tabbed and >= 0)
            return new(tabbed + 1, lines[tabbed].IndexOf('\t') + 1, $"invalid YAML: {message}", "Indent with spaces, not tabs: YAML does not allow a tab there.");
        var text = lines[line - 1];
        return new(error.Start.Line, error.Start.Column, $"invalid YAML: {message}", message switch
        {
            _ when text.Contains(": \u201C", StringComparison.Ordinal) || text.Contains(": \u2018", StringComparison.Ordinal) =>
                "Curly quotes (\u201C \u201D \u2018 \u2019) are letters to YAML, not quotes: use straight double quotes, e.g. title: \"Part one: the start\".",
            _ when message.Contains("multi-line", StringComparison.OrdinalIgnoreCase) =>
                "A quoted value runs over several lines: close its quote on the same line, or indent the lines that follow by two spaces.",
            _ when message.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase) || message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase) =>
                "A value contains ': '. Put the whole value in double quotes, e.g. title: \"Part one: the start\".",
            _ when message.Contains("found unexpected end of stream", StringComparison.OrdinalIgnoreCase) =>
                "A quote or bracket is opened and never closed.",
            _ when message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase) =>
                "Check the line's indentation, and quote values that start with a special character such as @, `, [ or {.",
            _ => null,
        });
    }

    /// <summary>
    /// The hint for a key whose value is empty because a '#' on its line began a YAML comment (<c>title: #1 tip</c>);
    /// null when the line has no comment.
    /// </summary>
    public static string? CommentedOutValue(string yaml, Mark key)
    {
        var lines = yaml.Split('\n');
        if (key.Line < 1 || key.Line > lines.Length) return null;
        var text = lines[key.Line - 1].TrimEnd('\r');
        var colon = text.IndexOf(':', (int)Math.Min(text.Length, key.Column - 1));
        if (colon < 0 || text.AsSpan(colon + 1).TrimStart() is not ['#', ..] comment) return null;
        return $"'#' starts a comment in YAML, so the rest of the line was left out: put the value in double quotes, e.g. {text[..colon].Trim()}: \"{comment}\".";
    }

    /// <summary>A key, a colon and then a value with no space between them (not a URL's "https://" nor a time's "10:30").</summary>
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_-]*):(?<value>[^\s:/#'""\[{][^\n]*)$")]
    private static partial Regex NoSpaceAfterColon();
}
