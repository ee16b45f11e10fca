using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>
/// Characters no page or feed can carry: the C0 controls other than tab, line feed and carriage return, DEL and the C1
/// controls (U+007F–U+009F), and the non-characters U+FFFE and U+FFFF. XML forbids the C0 controls and the
/// non-characters, so an Atom feed or sitemap holding one cannot be written at all; HTML makes every one of them a parse
/// error (a C1 control written as a reference, <c>&amp;#x85;</c>, even shows as another character, "…"); in a page they
/// are invisible at best. They arrive with text pasted from PDFs, terminals and word processors.
/// </summary>
public static partial class ControlCharacters
{
    // The C0 part alone: an ASCII-only set is searched many characters at a time (every body of a build passes through
    // here); with U+FFFE in the same set the search went character by character. The other ranges are searched each
    // as a range, which is as fast.
    private static readonly SearchValues<char> C0 = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>DEL with the C1 controls, and the non-characters.</summary>
    private static readonly (char First, char Last)[] Ranges = [('\u007F', '\u009F'), ('\uFFFE', '\uFFFF')];

    private static bool IsForbidden(char c) => C0.Contains(c) || Ranges.Any(range => c >= range.First && c <= range.Last);

    /// <summary>The index of the first forbidden character in <paramref name="text"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAny(C0);
        foreach (var (from, to) in Ranges)
        {
            // Only the text before the first found so far is searched again.
            if ((first < 0 ? text : text[..first]).IndexOfAnyInRange(from, to) is var at and >= 0) first = at;
        }
        return first;
    }

    /// <summary>How many forbidden characters <paramref name="text"/> holds.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var at = IndexOf(text); at >= 0; at = IndexOf(text))
        {
            count++;
            text = text[(at + 1)..];
        }
        return count;
    }

    /// <summary>
    /// <paramref name="text"/> without forbidden characters: a vertical tab, form feed or next line (U+0085: a line or
    /// page break in a word processor) becomes a space, so the words either side stay apart; the others are dropped.
    /// </summary>
    public static string Remove(string text)
    {
        if (IndexOf(text) < 0) return text;
        var output = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\v' or '\f' or '\u0085') output.Append(' ');
            else if (!IsForbidden(c)) output.Append(c);
        }
        return output.ToString();
    }

    /// <summary>
    /// The index of the first numeric character reference to a forbidden character (<c>&amp;#7;</c>, <c>&amp;#x1B;</c>)
    /// in Markdown or HTML <paramref name="text"/>, or -1: the Markdown and HTML parsers decode them into the page.
    /// </summary>
    public static int IndexOfReference(string text)
    {
        foreach (Match reference in NumericReference().Matches(text))
        {
            // After an odd number of backslashes the ampersand is escaped (Markdown): the reference is text.
            var backslashes = reference.Index - text.AsSpan(0, reference.Index).TrimEnd('\\').Length;
            if (backslashes % 2 == 1) continue;
            var digits = reference.Groups[1].ValueSpan;
            var hex = digits[0] is 'x' or 'X';
            // &#0; is read as U+FFFD by both parsers, so it is harmless.
            if (int.TryParse(hex ? digits[1..] : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= char.MaxValue && IsForbidden((char)code))
                return reference.Index;
        }
        return -1;
    }

    [GeneratedRegex("&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")]
    private static partial Regex NumericReference();

    /// <summary>How a diagnostic names <paramref name="c"/>, e.g. <c>U+0007</c>.</summary>
    public static string Name(char c) => $"U+{(int)c:X4}";
}
