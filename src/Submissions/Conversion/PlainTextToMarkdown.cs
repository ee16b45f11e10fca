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

    /// <summary>Converts <paramref name="text"/> to Markdown blocks.</summary>
    public static List<string> Convert(string text)
    {
        var blocks = new List<string>();
        foreach (var paragraph in BlankLines().Split(SafeLinks.UnwrapIn(ControlCharacters.Remove(text)).Replace("\r\n", "\n").Replace('\r', '\n')))
        {
            var lines = paragraph.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0) continue;
            if (lines.All(l => ListItem().IsMatch(l)))
            {
                blocks.Add(string.Join("\n", lines.Select(l => "- " + MarkdownText.Escape(ListItem().Match(l).Groups[1].Value.Trim()))));
                continue;
            }
            // Quoted lines are the message being replied to, never the contributor's new text.
            lines.RemoveAll(l => l.TrimStart().StartsWith('>'));
            if (lines.Count == 0) continue;
            // Contributor lines (Author:, Summary:…) are each a line whatever their length; after them, hard-wrapped prose
            // (long lines) is re-flowed, and short lines (signatures, addresses, poems) keep their breaks.
            var leading = lines.TakeWhile(l => ContributorLines.IsLine(l.Trim())).Count();
            var prose = lines.Skip(leading).ToList();
            var kept = prose.SkipLast(1).All(l => l.Length < ShortLine)
                ? lines
                : [.. lines.Take(leading), string.Join(' ', prose.Select(l => l.Trim()))];
            blocks.Add(string.Join("\\\n", kept.Select(l => MarkdownText.EscapeLineStart(MarkdownText.Escape(SingleLine.CollapseWhitespace(l.Trim()))))));
        }
        return blocks;
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\s*(?:[-*•·]|\d{1,3}[.)])\s+(.+)$")]
    private static partial Regex ListItem();
}
