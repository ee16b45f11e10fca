using System.Text.RegularExpressions;
using PPNBlog.Content.Text;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Turns a plain-text email body into Markdown blocks: blank lines separate paragraphs, hard-wrapped lines are
/// joined, list-looking lines stay list items, and every character is escaped (URLs are linked by the generator).
/// </summary>
public static partial class PlainTextToMarkdown
{
    private const int ShortLine = 50;

    /// <summary>Converts <paramref name="text"/> to Markdown blocks, telling whether lines quoted with '>' were left out.</summary>
    public static List<string> Convert(string text, out bool quoteLeftOut)
    {
        var blocks = new List<string>();
        text = SafeLinks.UnwrapIn(ControlCharacters.Remove(text)).Replace("\r\n", "\n").Replace('\r', '\n');
        quoteLeftOut = QuotedLine().IsMatch(text);
        foreach (var paragraph in BlankLines().Split(WithoutQuoteAttributions(text)))
        {
            var lines = paragraph.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            // A list typed straight under the line that introduces it ("We changed three things:" and then "- …" lines,
            // as phones and Outlook users type it) is a paragraph and then the list.
            var listStart = lines.Count;
            while (listStart > 0 && ListItem().IsMatch(lines[listStart - 1])) listStart--;
            if (listStart > 0 && lines.Count - listStart < 2) listStart = lines.Count;
            if (Prose(lines[..listStart]) is { } prose) blocks.Add(prose);
            if (listStart < lines.Count) blocks.Add(string.Join("\n", lines[listStart..].Select(l => ListItem().Match(l)).Select(Item)));
        }
        return blocks;
    }

    /// <summary>
    /// The text without the attribution line ("On 11/11/2026 16:02, Sam Brown wrote:") of each quote marked with '>',
    /// whose lines are left out anyway: the text after such a quote (a reply written below it) is the contributor's, and
    /// a bare attribution would otherwise be published, or cut with all that follows it.
    /// </summary>
    private static string WithoutQuoteAttributions(string text)
    {
        var lines = text.Split('\n');
        var dropped = new bool[lines.Length];
        var quoted = false;
        // From the end, so whether the next line with words is quoted is known at each line.
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i].Trim().Length == 0) continue;
            // The attribution may be wrapped onto a second line ("On 3 Feb 2025, at 10:00,\nSam Patel wrote:").
            if (quoted && BodyCleanup.IsReplyHeader(lines[i])) dropped[i] = true;
            else if (quoted && i > 0 && BodyCleanup.IsReplyHeader(lines[i - 1] + " " + lines[i].Trim())) dropped[i] = dropped[--i] = true;
            quoted = lines[i].TrimStart().StartsWith('>');
        }
        return string.Join('\n', lines.Where((_, i) => !dropped[i]));
    }

    /// <summary>A list item as typed: "1." and "1)" keep their number, any bullet becomes "-".</summary>
    private static string Item(Match item) =>
        (item.Groups["number"].Success ? item.Groups["number"].Value + ". " : "- ") + MarkdownText.EscapeLineStart(MarkdownText.Escape(item.Groups["text"].Value.Trim()));

    /// <summary>A paragraph's lines as one block; null when nothing of it is left.</summary>
    private static string? Prose(List<string> lines)
    {
        // Quoted lines are the message being replied to, never the contributor's new text.
        lines.RemoveAll(l => l.TrimStart().StartsWith('>'));
        if (lines.Count == 0) return null;
        // Contributor lines (Author:, Summary:…) are each a line whatever their length; after them, hard-wrapped prose
        // (long lines) is re-flowed, and short lines (signatures, addresses, poems) keep their breaks.
        var leading = lines.TakeWhile(l => ContributorLines.IsLine(l.Trim())).Count();
        var prose = lines.Skip(leading).ToList();
        var kept = prose.SkipLast(1).All(l => l.Length < ShortLine)
            ? lines
            : [.. lines.Take(leading), string.Join(' ', prose.Select(l => l.Trim()))];
        return string.Join("\\\n", kept.Select(l => MarkdownText.EscapeLineStart(MarkdownText.Escape(SingleLine.CollapseWhitespace(l.Trim())))));
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^[ \t]*>", RegexOptions.Multiline)]
    private static partial Regex QuotedLine();

    [GeneratedRegex(@"^\s*(?:[-*•·]|(?<number>\d{1,3})[.)])\s+(?<text>.+)$")]
    private static partial Regex ListItem();
}
