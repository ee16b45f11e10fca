using System.Globalization;

namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// Word, Outlook and macOS (Option-Space) type a no-break space, or another Unicode space, where the writer meant a
/// space: after a key's colon (<c>title:&#xA0;Our week</c>), as indentation, after a list's dash, or between the items
/// of a one-line list. YAML separates by plain spaces only, so it reads such a line as no key at all and fails lines
/// further on, with a hint about something else. These spaces are made plain before parsing, one character for one, so
/// every other problem keeps its line and column; one inside a value (<c>10&#xA0;km</c>) stays as written.
/// </summary>
internal static class YamlSeparators
{
    /// <summary><paramref name="yaml"/> with the Unicode spaces that separate its parts made plain spaces (the same string when there are none).</summary>
    public static string Plain(string yaml)
    {
        // Almost all front matter has none: one search settles it.
        if (!yaml.AsSpan().ContainsAnyExcept(AsciiOnly)) return yaml;
        char[]? plain = null;
        // The indentation of the key whose value is a block of text ("summary: |"), while its lines are read: every
        // character of those lines is the value's own, kept as written.
        var blockKeyIndent = -1;
        for (var start = 0; start < yaml.Length; start = YamlText.LineEnd(yaml, start) + 1)
        {
            var end = YamlText.LineEnd(yaml, start);
            var indent = 0;
            while (start + indent < end && IsSpace(yaml[start + indent])) indent++;
            if (blockKeyIndent >= 0 && (start + indent >= end || indent > blockKeyIndent)) continue;
            blockKeyIndent = -1;
            var at = Separator(yaml, start, end, ref plain);
            var item = false;
            while (at + 1 < end && yaml[at] == '-' && IsSpace(yaml[at + 1]))
            {
                at = Separator(yaml, at + 1, end, ref plain);
                item = true;
            }
            // A list item's "Update: 2021" is its text, as written: only a key of the mapping itself is read as one.
            if (!item && KeyColon(yaml, at, end) is var colon and >= 0)
            {
                at = Separator(yaml, colon + 1, end, ref plain);
                if (at < end && yaml[at] is '[' or '{') FlowSeparators(yaml, at, end, ref plain);
                else if (at < end && yaml[at] is '|' or '>') blockKeyIndent = indent;
            }
        }
        return plain is null ? yaml : new string(plain);
    }

    private static readonly System.Buffers.SearchValues<char> AsciiOnly = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).ToArray());

    /// <summary>A space YAML does not separate by: a no-break space, an em space, a narrow no-break space…</summary>
    private static bool IsUnicodeSpace(char c) => c > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    private static bool IsSpace(char c) => c is ' ' or '\t' || IsUnicodeSpace(c);

    /// <summary>Makes plain the run of spaces at <paramref name="at"/>; returns where it ends.</summary>
    private static int Separator(string yaml, int at, int end, ref char[]? plain)
    {
        for (; at < end && IsSpace(yaml[at]); at++)
        {
            if (IsUnicodeSpace(yaml[at])) (plain ??= yaml.ToCharArray())[at] = ' ';
        }
        return at;
    }

    /// <summary>The colon ending a key written at <paramref name="at"/> (a name of letters, digits, '_' or '-', then ':' and a space or the line's end), or -1.</summary>
    private static int KeyColon(string yaml, int at, int end)
    {
        if (at >= end || !(char.IsAsciiLetterOrDigit(yaml[at]) || yaml[at] == '_')) return -1;
        var i = at;
        while (i < end && (char.IsAsciiLetterOrDigit(yaml[i]) || yaml[i] is '_' or '-')) i++;
        return i < end && yaml[i] == ':' && (i + 1 == end || IsSpace(yaml[i + 1]) || yaml[i + 1] == '\r') ? i : -1;
    }

    /// <summary>In a one-line list or mapping from <paramref name="at"/>, makes plain the spaces beside its brackets and commas, outside quotes.</summary>
    private static void FlowSeparators(string yaml, int at, int end, ref char[]? plain)
    {
        for (var i = at; i < end; i++)
        {
            if (yaml[i] is '"' or '\'' && yaml[i - 1] is '[' or '{' or ',' or ' ')
            {
                i = YamlText.ClosingQuote(yaml, i);
                if (i < 0) return;
            }
            else if (IsSpace(yaml[i]))
            {
                var run = i;
                while (i < end && IsSpace(yaml[i])) i++;
                if (yaml[run - 1] is '[' or '{' or ',' || (i < end && yaml[i] is ']' or '}' or ',')) Separator(yaml, run, i, ref plain);
                i--;
            }
        }
    }
}
