using System.Text.RegularExpressions;
using PPNBlog.Content.Text;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Turns a plain-text email body into Markdown blocks: blank lines separate paragraphs, hard-wrapped lines are
/// joined, list-looking lines stay list items, the message replied to is left out (a quote of the post's own is a block
/// quote), and every character is escaped (URLs are linked by the generator).
/// </summary>
public static partial class PlainTextToMarkdown
{
    private const int ShortLine = 50;

    /// <summary>Converts <paramref name="text"/> to Markdown blocks, telling whether lines quoted with '>' were left out.</summary>
    public static List<string> Convert(string text, out bool quoteLeftOut)
    {
        text = SafeLinks.UnwrapIn(ControlCharacters.Remove(text)).Replace("\r\n", "\n").Replace('\r', '\n');
        var lines = WithoutRepliedQuotes(text.Split('\n'), out quoteLeftOut);
        var blocks = new List<string>();
        // What is left quoted is the post's own quote: a block quote between the paragraphs around it.
        for (var start = 0; start < lines.Length;)
        {
            var quoted = IsQuoted(lines[start]);
            var end = start;
            while (end < lines.Length && IsQuoted(lines[end]) == quoted) end++;
            var section = lines[start..end];
            if (!quoted) blocks.AddRange(Paragraphs(section));
            // One level: a quote inside it stays text ("\> …"), as it was typed.
            else if (Paragraphs([.. section.Select(l => QuoteMark().Replace(l, ""))]) is { Count: > 0 } inner) blocks.Add(MarkdownText.BlockQuote(inner));
            start = end;
        }
        return blocks;
    }

    /// <summary>The blocks of <paramref name="lines"/>: blank lines separate paragraphs, and lists are found in them.</summary>
    private static List<string> Paragraphs(string[] lines)
    {
        var blocks = new List<string>();
        foreach (var paragraph in BlankLines().Split(string.Join('\n', lines)))
        {
            var paragraphLines = paragraph.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0).ToList();
            var prose = new List<string>();
            for (var i = 0; i < paragraphLines.Count;)
            {
                var items = ListAt(paragraphLines, i, out var next);
                // A list is two items or more (typed straight under the line that introduces it, as phones and Outlook users
                // type it, or with more of the post straight after it), or a paragraph of its own (items apart by blank
                // lines); one line starting "1." among others is prose.
                if (items.Count >= 2 || items.Count == 1 && i == 0 && next == paragraphLines.Count)
                {
                    if (Prose(prose) is { } before) blocks.Add(before);
                    prose.Clear();
                    blocks.Add(string.Join("\n", items));
                    i = next;
                }
                else prose.Add(paragraphLines[i++]);
            }
            if (Prose(prose) is { } rest) blocks.Add(rest);
        }
        return blocks;
    }

    /// <summary>
    /// The list starting at line <paramref name="start"/> as Markdown items ("1." and "1)" keep their number, any bullet
    /// becomes "-"), and the line after it: list-looking lines, each with the lines its mail program wrapped it onto
    /// (Thunderbird wraps at 72 characters), indented or following a long line; a short line, then one at the margin, is not the item's.
    /// Outlook writes a list's sub-items with the bullets its fonts draw them with, as text: "o" under an item, "§" under
    /// an "o" item, each before a tab or spaces: they are items under the one above. Only in a list: a line starting "o " elsewhere is prose.
    /// </summary>
    private static List<string> ListAt(List<string> lines, int start, out int next)
    {
        var items = new List<(int Level, string Marker, List<string> Text)>();
        for (next = start; next < lines.Count; next++)
        {
            if (ListItem().Match(lines[next]) is { Success: true } item)
                items.Add((0, item.Groups["number"].Success ? item.Groups["number"].Value + ". " : "- ", [item.Groups["text"].Value.Trim()]));
            else if (items.Count > 0 && OutlookSubItem().Match(lines[next]) is { Success: true } sub && (sub.Groups["second"].Success || items[^1].Level >= 1))
                items.Add((sub.Groups["second"].Success ? 1 : 2, "- ", [sub.Groups["text"].Value.Trim()]));
            else if (items.Count > 0 && (char.IsWhiteSpace(lines[next][0]) || lines[next - 1].Length >= ShortLine))
                items[^1].Text.Add(lines[next].Trim());
            else break;
        }
        // Each item is indented to where the words of the item above it at the level above start.
        var contentColumns = new int[3];
        var written = new List<string>();
        foreach (var (level, marker, text) in items)
        {
            var indent = level == 0 ? 0 : contentColumns[level - 1];
            contentColumns[level] = indent + marker.Length;
            written.Add(new string(' ', indent) + marker + MarkdownText.EscapeLineStart(MarkdownText.Escape(SingleLine.CollapseWhitespace(string.Join(' ', text)))));
        }
        return written;
    }

    /// <summary>
    /// <paramref name="lines"/> without the quoted message being replied to or forwarded, each of its lines left blank so
    /// the text either side stays apart: a quote marked with '>' whose attribution ("On 11/11/2026 16:02, Sam Brown
    /// wrote:") stands just before it, which goes too, or opens it; one with nothing of the post after it; or one with
    /// nothing of the sender's own before it (a reply written below the message it answers). A quote between words of
    /// the post, with no attribution, is the post's own ("One member wrote to us:"), as in HTML.
    /// </summary>
    private static string[] WithoutRepliedQuotes(string[] lines, out bool removed)
    {
        removed = false;
        var wordsAfter = false;
        // From the end, so whether words follow a quote is known when it is met.
        for (var end = lines.Length - 1; end >= 0; end--)
        {
            if (!IsQuoted(lines[end]))
            {
                wordsAfter |= lines[end].Trim().Length > 0;
                continue;
            }
            // The quote runs back over its quoted lines and the blank lines between them.
            var start = end;
            for (var i = end - 1; i >= 0 && (IsQuoted(lines[i]) || lines[i].Trim().Length == 0); i--)
                if (IsQuoted(lines[i])) start = i;
            var attribution = AttributionBefore(lines, start);
            var wordsBefore = lines.Take(attribution >= 0 ? attribution : start).Any(l => !IsQuoted(l) && l.Trim().Length > 0);
            if (attribution >= 0 || !wordsAfter || !wordsBefore || OpensWithAttribution(lines, start, end))
            {
                Array.Fill(lines, "", attribution >= 0 ? attribution : start, end - (attribution >= 0 ? attribution : start) + 1);
                removed = true;
            }
            else wordsAfter = true;
            end = start;
        }
        return lines;
    }

    /// <summary>
    /// Where the attribution of the quote starting at <paramref name="start"/> begins: the line with words before it, or
    /// the two before it, when it is wrapped ("On 3 Feb 2025, at 10:00,\nSam Patel wrote:"); -1 when there is none.
    /// </summary>
    private static int AttributionBefore(string[] lines, int start)
    {
        var last = start - 1;
        while (last >= 0 && lines[last].Trim().Length == 0) last--;
        if (last < 0) return -1;
        if (BodyCleanup.IsReplyHeader(lines[last])) return last;
        return last > 0 && BodyCleanup.IsReplyHeader(lines[last - 1] + " " + lines[last].Trim()) ? last - 1 : -1;
    }

    /// <summary>Whether the quote from <paramref name="start"/> to <paramref name="end"/> opens with a quoted message's header ("> On … wrote:", "> From: …\n> Sent: …").</summary>
    private static bool OpensWithAttribution(string[] lines, int start, int end)
    {
        var first = QuoteMark().Replace(lines[start], "");
        return BodyCleanup.IsReplyHeader(first) || start < end && BodyCleanup.IsReplyHeader(first + "\n" + QuoteMark().Replace(lines[start + 1], ""));
    }

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    /// <summary>A paragraph's lines as one block; null when nothing of it is left.</summary>
    private static string? Prose(List<string> lines)
    {
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

    /// <summary>A quoted line's mark: one '>', and the space after it.</summary>
    [GeneratedRegex(@"^[ \t]*> ?")]
    private static partial Regex QuoteMark();

    [GeneratedRegex(@"^\s*(?:[-*•·]|(?<number>\d{1,3})[.)])\s+(?<text>.+)$")]
    private static partial Regex ListItem();

    /// <summary>An item of a list's second level as Outlook writes it in plain text ("o", then a tab), or of its third ("§").</summary>
    [GeneratedRegex(@"^\s*(?:(?<second>o)|§)(?:\t|[ ]+)\s*(?<text>\S.*)$")]
    private static partial Regex OutlookSubItem();
}
