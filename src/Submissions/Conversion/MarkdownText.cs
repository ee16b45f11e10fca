using System.Text;
using System.Text.RegularExpressions;

namespace PPNBlog.Submissions.Conversion;

/// <summary>Escaping for text that came from an email, so nothing in it is read as Markdown or HTML syntax.</summary>
public static partial class MarkdownText
{
    /// <summary>
    /// Escapes characters that Markdown (with the generator's extensions) would treat as syntax: emphasis, links,
    /// code, raw HTML, entities, tables, sub/superscript. A contributor's "&lt;script&gt;" stays text.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var address = BareAddress().Match(text);
        for (var i = 0; i < text.Length; i++)
        {
            while (address.Success && i >= address.Index + address.Length) address = address.NextMatch();
            var c = text[i];
            // A bare web address is linked by the generator as written: an escape inside it would be part of the link
            // (my\_page). Only a table's cell separator is escaped there.
            var inAddress = address.Success && i >= address.Index;
            // "==" marks and "++" inserts text in the generator's Markdown: a pair's first character is escaped.
            if (inAddress ? c == '|' : c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '^' ||
                (c is '=' or '+' && i + 1 < text.Length && text[i + 1] == c) || (c == '&' && EntityStart().IsMatch(text.AsSpan(i))))
                builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Escapes what would start a block (heading, list, quote, rule) when it begins a paragraph.</summary>
    public static string EscapeLineStart(string line) => BlockStart().Match(line) is not { Success: true } start ? line
        // A backslash escapes punctuation only: "\1." shows the backslash, "1\." shows "1." as typed.
        : char.IsAsciiDigit(line[0]) ? line.Insert(start.Groups["number"].Length, "\\") : "\\" + line;

    /// <summary>Markdown <paramref name="blocks"/> as one block quote, each of its lines marked, a marked blank line between blocks.</summary>
    public static string BlockQuote(IEnumerable<string> blocks) => string.Join("\n>\n", blocks.Select(b => "> " + b.Replace("\n", "\n> ")));

    /// <summary>Undoes <see cref="Escape"/> (for contributor lines read back out of the converted text).</summary>
    public static string Unescape(string text) => Escaped().Replace(text, "$1");

    /// <summary>A web address Markdig's autolinks extension links (after a space or the start, as it requires).</summary>
    [GeneratedRegex(@"(?<![^\s(*_~])(?:https?://|ftp://|www\.)[^\s<>`\\\[\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex EntityStart();

    [GeneratedRegex(@"^(#{1,6}(\s|$)|[-+*=]\s|[-=_*]{3,}\s*$|(?<number>\d{1,9})[.)](\s|$)|>)")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"\\([\\`*_\[\]<>|~^&#+=\-.!()])")]
    private static partial Regex Escaped();
}
