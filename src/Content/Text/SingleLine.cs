using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>
/// One line of plain text from outside (an email header, a contributor line, a command-line argument): control
/// characters become spaces, invisible characters (zero-width spaces and joiners, soft hyphens, word joiners, Hangul
/// fillers, direction marks, overrides and isolates, which can disguise text, tag characters, the byte-order mark) and the non-characters U+FFFE/U+FFFF are
/// dropped, runs of white space become one space.
/// </summary>
public static partial class SingleLine
{
    /// <summary><paramref name="value"/> as one clean, trimmed line ("" for null).</summary>
    public static string From(string? value)
    {
        var runes = (value ?? "").EnumerateRunes().ToList();
        var line = new StringBuilder(runes.Count);
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            if (Rune.IsControl(rune)) line.Append(' ');
            // A zero-width joiner inside an emoji sequence (👩‍⚕️) is part of the picture; anywhere else it only hides.
            else if (!IsInvisible(rune) || rune.Value == ZeroWidthJoiner && i > 0 && i + 1 < runes.Count && IsEmoji(runes[i - 1]) && IsEmoji(runes[i + 1]))
                line.Append(rune.ToString());
        }
        return CollapseWhitespace(line.ToString()).Trim();
    }

    /// <summary>
    /// <paramref name="text"/> (several lines: a post's body) without the direction overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069), which make text read differently from how it is stored, and without the
    /// characters that show as nothing inside a word (soft hyphen, zero-width space, word joiner…), which make one word
    /// look like another: an address with one inside it would not be found.
    /// </summary>
    public static string WithoutHiddenCharacters(string text) => HiddenInText().Replace(text, "");

    private const int ZeroWidthJoiner = 0x200D;

    private static bool IsInvisible(Rune rune) => rune.Value is (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x2069)
        or 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x180E or 0x3164 or 0xFEFF or 0xFFA0 or 0xFFFE or 0xFFFF or (>= 0xE0000 and <= 0xE007F);

    private static bool IsEmoji(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol || rune.Value == 0xFE0F;

    /// <summary>
    /// The wording of <paramref name="text"/>: its letters and digits, in lower case. Two lines that differ only in
    /// capitals, punctuation and spacing (a title and a heading repeating it) have the same wording.
    /// </summary>
    public static string Wording(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>Collapses runs of white space (including no-break and zero-width spaces) to one space.</summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"[\s\u00A0\u200B\uFEFF]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\u202A-\u202E\u2066-\u2069\u00AD\u034F\u180E\u200B\u2060-\u2064\uFEFF]")]
    private static partial Regex HiddenInText();
}
