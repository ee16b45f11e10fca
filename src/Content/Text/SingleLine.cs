using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>
/// One line of plain text from outside (an email header, a contributor line, a command-line argument): control
/// characters and the blank Braille pattern become spaces, invisible characters (Unicode's default-ignorable ones:
/// zero-width spaces and joiners, soft hyphens, word joiners, Hangul fillers, direction marks, overrides and isolates,
/// stray variation selectors, tag characters, the byte-order mark, which can disguise text) and the non-characters
/// U+FFFE/U+FFFF are dropped, runs of white space become one space.
/// </summary>
public static partial class SingleLine
{
    /// <summary><paramref name="value"/> as one clean, trimmed line ("" for null).</summary>
    public static string From(string? value)
    {
        var runes = (value ?? "").EnumerateRunes().ToList();
        var line = new StringBuilder(runes.Count);
        Rune? previous = null;
        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            Rune? next = i + 1 < runes.Count ? runes[i + 1] : null;
            if (Rune.IsControl(rune) || rune.Value == BrailleBlank) rune = new Rune(' ');
            else if (IsInvisible(rune) && !ShapesWhatItFollows(rune, previous, next)) continue;
            line.Append(rune.ToString());
            previous = rune;
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

    /// <summary>The blank Braille pattern: a space that is not white space to a computer, so two words seem one.</summary>
    private const int BrailleBlank = 0x2800;

    /// <summary>
    /// Unicode's default-ignorable characters (shown as nothing when a font has no use for them: soft hyphen,
    /// zero-width characters, direction marks and overrides, Hangul fillers, Khmer's inherent vowels, Mongolian and other
    /// variation selectors, tag characters…), and the non-characters U+FFFE/U+FFFF.
    /// </summary>
    private static bool IsInvisible(Rune rune) => rune.Value is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F) or 0x3164
        or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or 0xFFFE or 0xFFFF
        or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>
    /// The invisible characters that are part of what they follow, kept there and only there: a zero-width joiner inside
    /// an emoji sequence (👩‍⚕️); a variation selector after a symbol or a letter beyond ASCII (the emoji form of ❤️, a
    /// name's form of a Chinese or Japanese character) or before a keycap (1️⃣); a Mongolian form selector after a
    /// Mongolian letter. After a plain letter, or alone, each only makes two equal-looking words differ.
    /// </summary>
    private static bool ShapesWhatItFollows(Rune rune, Rune? previous, Rune? next) => rune.Value switch
    {
        ZeroWidthJoiner => previous is { } p && next is { } n && IsEmoji(p) && IsEmoji(n),
        (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) =>
            next?.Value == CombiningKeycap || previous is { } p && !p.IsAscii && !Rune.IsWhiteSpace(p) && !IsVariationSelector(p),
        (>= 0x180B and <= 0x180D) or 0x180F => previous is { Value: >= 0x1820 and <= 0x18AA },
        _ => false,
    };

    private const int CombiningKeycap = 0x20E3;

    private static bool IsVariationSelector(Rune rune) => rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

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
