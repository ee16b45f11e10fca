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
        if (QuoteEndedEarly(yaml, error.Start) is { } quote) return quote;
        for (var i = line - 1; i >= 0 && i >= line - 2; i--)
        {
            if (ReservedStart(lines[i].TrimEnd('\r')) is { } reserved)
                return new(i + 1, reserved.Column, reserved.Message, reserved.Hint);
        }
        // A '[' or '{' left open: YamlDotNet stops where the list runs into the next key or the end, not where it opened.
        if (message.Contains("flow sequence", StringComparison.OrdinalIgnoreCase) || message.Contains("flow mapping", StringComparison.OrdinalIgnoreCase))
        {
            for (var i = line - 1; i >= 0; i--)
            {
                var open = lines[i].LastIndexOfAny(['[', '{']);
                if (open >= 0 && lines[i].IndexOfAny([']', '}'], open) < 0)
                    return new(i + 1, open + 1, $"invalid YAML: the '{lines[i][open]}' here is never closed", UnclosedHint);
            }
        }
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

    /// <summary>What to do about a '[' or '{' left open, or YAML that cannot be read past a point.</summary>
    public const string UnclosedHint = "Check that each '[' and '{' is closed on its line and each quote is matched; put a value that starts with one of them in double quotes.";

    /// <summary>
    /// The hint for a key whose value is empty because a '#' on its line began a YAML comment (<c>title: #1 tip</c>);
    /// null when the line has no comment.
    /// </summary>
    public static string? CommentedOutValue(string yaml, Mark key)
    {
        var at = (int)key.Index;
        if (at < 0 || at >= yaml.Length) return null;
        var colon = yaml.IndexOf(':', at, YamlText.LineEnd(yaml, at) - at);
        if (colon < 0 || YamlText.CommentAfter(yaml, colon + 1) is not { Text: var comment }) return null;
        return $"'#' starts a comment in YAML, so the rest of the line was left out: put the value in double quotes, e.g. {yaml[at..colon].Trim()}: \"{comment}\".";
    }

    /// <summary>
    /// A quoted value whose quote closes before the editor meant it to, found from the start of the YAML up to where
    /// the parser failed: a quote inside the value (<c>title: "Why "people first" matters"</c>, <c>title: 'It's here'</c>)
    /// ends it with text still to come on the line; a quote left open reads the lines after it into the value until a
    /// later quote (the next key's) closes it.
    /// </summary>
    private static Explanation? QuoteEndedEarly(string yaml, Mark failure)
    {
        var failedAt = YamlText.OffsetOf(yaml, failure) is var offset and >= 0 ? offset : yaml.Length;
        for (var start = 0; start < yaml.Length && start <= failedAt;)
        {
            var end = YamlText.LineEnd(yaml, start);
            var opening = QuotedValue().Match(yaml, start, end - start);
            if (!opening.Success)
            {
                start = end + 1;
                continue;
            }
            var open = opening.Groups["quote"].Index;
            var quote = yaml[open];
            var lead = opening.Groups["lead"].Value.TrimStart();
            var close = YamlText.ClosingQuote(yaml, open);
            var rest = yaml[(open + 1)..end].TrimEnd('\r', ' ');
            var unclosed = new Explanation(YamlText.LineOf(yaml, open), YamlText.ColumnOf(yaml, open),
                "the quote that opens this value is not closed on its line, so the lines after it were read as part of the value",
                $"Close the quote at the end of the value: {lead}{YamlText.Quoted(rest)}");
            if (close < 0) return unclosed;
            var closeEnd = YamlText.LineEnd(yaml, close);
            if (yaml.AsSpan(close + 1, closeEnd - close - 1).Trim() is [] or ['#', ..])
            {
                start = closeEnd + 1;
                continue;
            }
            // Text follows the closing quote. A quote that wrapped the lines after it in, up to the next key's, was left
            // open; otherwise a quote inside the value closed it.
            if (close > end && KeyLine().IsMatch(yaml.AsSpan(end + 1, YamlText.LineEnd(yaml, end + 1) - end - 1))) return unclosed;
            var meant = close < end && rest.EndsWith(quote) ? rest[..^1] : null;
            return new(YamlText.LineOf(yaml, close), YamlText.ColumnOf(yaml, close),
                quote == '"' ? "a double quote inside the quoted value ends it early, so the text after it cannot be read"
                    : "an apostrophe inside the single-quoted value ends it early, so the text after it cannot be read",
                meant is not null ? $"Quote the value so that its own quotes do not end it: {lead}{YamlText.Quoted(meant)}"
                    : quote == '"' ? "Write each \" inside the value as \\\", or put the whole value in single quotes."
                    : "Write each ' inside the value as '', or put the whole value in double quotes.");
        }
        return null;
    }

    /// <summary>
    /// A value that starts with a character YAML reads as something other than text (<c>title: [Draft] Notes</c>,
    /// <c>title: @ppn</c>, <c>title: *new* ideas</c>): what it is read as, and the value in the quotes that keep it text.
    /// </summary>
    public static (int Column, string Message, string Hint)? ReservedStart(string line)
    {
        if (ValueStart().Match(line) is not { Success: true } start) return null;
        var at = start.Groups["value"].Index;
        var value = line[at..].TrimEnd(' ');
        var meaning = value[0] switch
        {
            '[' when TextAfterBracket(value, '[', ']') => "a list",
            '{' when TextAfterBracket(value, '{', '}') => "a set of 'key: value' pairs",
            '*' => "a reference to another value (an alias)",
            '&' => "a name for the value (an anchor), not as text",
            '!' => "a type for the value (a tag), not as text",
            '|' or '>' when !BlockHeader().IsMatch(value) => "the start of text on the lines below",
            '@' or '`' or '%' => "",
            _ => null,
        };
        if (meaning is null) return null;
        return (at + 1, meaning.Length == 0 ? $"a value cannot start with '{value[0]}' in YAML (it is reserved)" : $"YAML reads a value that starts with '{value[0]}' as {meaning}",
            $"Put the whole value in double quotes: {line[..at].TrimStart()}{YamlText.Quoted(value)}");
    }

    /// <summary>True when text other than a comment follows the bracket that closes the one at the value's start.</summary>
    private static bool TextAfterBracket(string value, char open, char close)
    {
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == open) depth++;
            else if (value[i] == close && --depth == 0) return value.AsSpan(i + 1).TrimStart() is [not '#', ..];
        }
        return false;
    }

    /// <summary>A value that opens with a quote: after a key (<c>title: "</c>) or a list item's dash (<c>- '</c>).</summary>
    [GeneratedRegex(@"\G(?<lead>[ ]*(?:-[ ]+)?(?:[^\s#'""\[{:-][^:#\n]*:[ ]+)?)(?<quote>[""'])")]
    private static partial Regex QuotedValue();

    /// <summary>A line that starts a new key (the quote on the line before it was meant to close there).</summary>
    [GeneratedRegex(@"^[ ]*(?:-[ ]+)?[A-Za-z_][\w-]*:(?:[ ]|$)")]
    private static partial Regex KeyLine();

    /// <summary>A key's value, or a list item's.</summary>
    [GeneratedRegex(@"^[ ]*(?:(?:-[ ]+)|(?:[A-Za-z_][\w-]*:[ ]+))(?<value>\S)")]
    private static partial Regex ValueStart();

    /// <summary>A block scalar's header as YAML allows it: '|' or '>' with an indentation digit, a chomping sign, a comment.</summary>
    [GeneratedRegex(@"^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ ]+#.*)?$")]
    private static partial Regex BlockHeader();

    /// <summary>A key, a colon and then a value with no space between them (not a URL's "https://" nor a time's "10:30").</summary>
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_-]*):(?<value>[^\s:/#'""\[{][^\n]*)$")]
    private static partial Regex NoSpaceAfterColon();
}
