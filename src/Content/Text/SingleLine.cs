using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>
/// One line of plain text from outside (an email header, a contributor line, a command-line argument): control
/// characters become spaces, bidirectional overrides (which can disguise text) and the non-characters U+FFFE/U+FFFF
/// are dropped, runs of white space become one space.
/// </summary>
public static partial class SingleLine
{
    /// <summary><paramref name="value"/> as one clean, trimmed line ("" for null).</summary>
    public static string From(string? value) =>
        CollapseWhitespace(new string((value ?? "").Select(c => char.IsControl(c) ? ' ' : c)
            .Where(c => c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069') and < '\uFFFE').ToArray())).Trim();

    /// <summary>
    /// The wording of <paramref name="text"/>: its letters and digits, in lower case. Two lines that differ only in
    /// capitals, punctuation and spacing (a title and a heading repeating it) have the same wording.
    /// </summary>
    public static string Wording(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>Collapses runs of white space (including no-break and zero-width spaces) to one space.</summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"[\s\u00A0\u200B\uFEFF]+")]
    private static partial Regex Whitespace();
}
