using System.Globalization;

namespace PPNBlog.Content.Text;

/// <summary>
/// Cutting text to a length without cutting a character in two. A cut by UTF-16 index can split an emoji (a surrogate
/// pair) or a letter from its accent: the lone half makes YAML, XML feeds and JSON writers throw, and shows as a box.
/// </summary>
public static class WholeCharacters
{
    /// <summary>
    /// The length of the longest start of <paramref name="text"/> that is at most <paramref name="maxLength"/> UTF-16
    /// units and ends between two user-perceived characters (grapheme clusters: 👩‍⚕️ or é written as e + ◌́ stay whole).
    /// </summary>
    public static int PrefixLength(ReadOnlySpan<char> text, int maxLength)
    {
        if (text.Length <= maxLength) return text.Length;
        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text[end..]);
            if (next > maxLength) break;
            end = next;
        }
        return end;
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxLength"/> UTF-16 units between whole characters.</summary>
    public static string Prefix(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..PrefixLength(text, maxLength)];
}
