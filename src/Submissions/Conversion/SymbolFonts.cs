namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// The symbol fonts Outlook and Word draw pictures with instead of characters: Outlook's AutoCorrect writes ":)" as a
/// "J" in Wingdings (☺) and "-->" as its "à" (→); Word's bullets, ticks and Insert › Symbol use Wingdings and Symbol.
/// Shown in any other font, as a web page shows them, they read as the letters they are coded as ("J", "ü", "Ø").
/// </summary>
public static class SymbolFonts
{
    /// <summary>
    /// Whether <paramref name="family"/> (a CSS font-family or Word font name, quotes allowed) is a symbol font, whose
    /// characters are pictures, not the letters they are coded as.
    /// </summary>
    public static bool IsSymbolFont(string? family) => Normalised(family) is "wingdings" or "wingdings 2" or "wingdings 3" or "symbol" or "webdings";

    /// <summary>The font's name as Outlook and Word write it ("Wingdings 2"), for telling the editor; null for no symbol font.</summary>
    public static string? Name(string? family) => Normalised(family) switch
    {
        "wingdings" => "Wingdings",
        "wingdings 2" => "Wingdings 2",
        "wingdings 3" => "Wingdings 3",
        "symbol" => "Symbol",
        "webdings" => "Webdings",
        _ => null,
    };

    /// <summary>
    /// What <paramref name="character"/> in the symbol font <paramref name="family"/> shows, as Unicode; white space as
    /// it is; null when it has no character of its own (a picture of a mouse, a candle), or the font is no symbol font
    /// this knows the characters of (Wingdings 3, Webdings). A character the font does not code is itself.
    /// The character may be written as the Windows code page 1252 letter it is coded as ("ü"), or moved into the
    /// private use area (U+F0FC), as Word writes Insert › Symbol's.
    /// </summary>
    public static string? ToUnicode(string? family, char character)
    {
        if (char.IsWhiteSpace(character)) return character.ToString();
        // A character no symbol font codes (an emoji, "☺" itself) is shown in another font, as itself.
        if (Code(character) is not { } code) return character.ToString();
        if (code < 0x21) return null;
        return Normalised(family) switch
        {
            "wingdings" => Wingdings.GetValueOrDefault(code),
            "wingdings 2" => Wingdings2.GetValueOrDefault(code),
            "symbol" => Symbol(code),
            _ => null,
        };
    }

    /// <summary>The code (0x00–0xFF) of a symbol font's character, as it is written in text; null for a character no such font has.</summary>
    private static int? Code(char character)
    {
        if (character is >= '\uF000' and <= '\uF0FF') return character - 0xF000;
        if (character <= '\u007F' || character is >= '\u00A0' and <= '\u00FF') return character;
        var windows = WindowsHighCodes.IndexOf(character, StringComparison.Ordinal);
        return windows >= 0 ? 0x80 + windows : null;
    }

    /// <summary>What code page 1252 writes at 0x80–0x9F (the five it leaves undefined as themselves): Wingdings' circled numbers are among them.</summary>
    private const string WindowsHighCodes = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private static string Normalised(string? family) =>
        string.Join(' ', (family ?? "").Trim().Trim('"', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The Symbol font: Greek letters, mathematical signs and arrows (Adobe's Symbol encoding).</summary>
    private static string? Symbol(int code) => code switch
    {
        >= 0x41 and <= 0x5A => SymbolGreek[code - 0x41].ToString(),
        >= 0x61 and <= 0x7A => SymbolGreekSmall[code - 0x61].ToString(),
        >= 0x30 and <= 0x39 => ((char)code).ToString(),
        _ => SymbolSigns.GetValueOrDefault(code),
    };

    private const string SymbolGreek = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    private const string SymbolGreekSmall = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";

    /// <summary>The Symbol font's signs; the pieces it builds tall brackets and arrows from have no character, and are left out.</summary>
    private static readonly Dictionary<int, string> SymbolSigns = new()
    {
        [0x21] = "!", [0x22] = "∀", [0x23] = "#", [0x24] = "∃", [0x25] = "%", [0x26] = "&", [0x27] = "∋", [0x28] = "(", [0x29] = ")",
        [0x2A] = "∗", [0x2B] = "+", [0x2C] = ",", [0x2D] = "−", [0x2E] = ".", [0x2F] = "/", [0x3A] = ":", [0x3B] = ";", [0x3C] = "<",
        [0x3D] = "=", [0x3E] = ">", [0x3F] = "?", [0x40] = "≅", [0x5B] = "[", [0x5C] = "∴", [0x5D] = "]", [0x5E] = "⊥", [0x5F] = "_",
        [0x7B] = "{", [0x7C] = "|", [0x7D] = "}", [0x7E] = "∼",
        [0xA0] = "€", [0xA1] = "ϒ", [0xA2] = "′", [0xA3] = "≤", [0xA4] = "⁄", [0xA5] = "∞", [0xA6] = "ƒ", [0xA7] = "♣", [0xA8] = "♦",
        [0xA9] = "♥", [0xAA] = "♠", [0xAB] = "↔", [0xAC] = "←", [0xAD] = "↑", [0xAE] = "→", [0xAF] = "↓", [0xB0] = "°", [0xB1] = "±",
        [0xB2] = "″", [0xB3] = "≥", [0xB4] = "×", [0xB5] = "∝", [0xB6] = "∂", [0xB7] = "•", [0xB8] = "÷", [0xB9] = "≠", [0xBA] = "≡",
        [0xBB] = "≈", [0xBC] = "…", [0xBF] = "↵", [0xC0] = "ℵ", [0xC1] = "ℑ", [0xC2] = "ℜ", [0xC3] = "℘", [0xC4] = "⊗", [0xC5] = "⊕",
        [0xC6] = "∅", [0xC7] = "∩", [0xC8] = "∪", [0xC9] = "⊃", [0xCA] = "⊇", [0xCB] = "⊄", [0xCC] = "⊂", [0xCD] = "⊆", [0xCE] = "∈",
        [0xCF] = "∉", [0xD0] = "∠", [0xD1] = "∇", [0xD2] = "®", [0xD3] = "©", [0xD4] = "™", [0xD5] = "∏", [0xD6] = "√", [0xD7] = "⋅",
        [0xD8] = "¬", [0xD9] = "∧", [0xDA] = "∨", [0xDB] = "⇔", [0xDC] = "⇐", [0xDD] = "⇑", [0xDE] = "⇒", [0xDF] = "⇓", [0xE0] = "◊",
        [0xE1] = "〈", [0xE2] = "®", [0xE3] = "©", [0xE4] = "™", [0xE5] = "∑", [0xF1] = "〉", [0xF2] = "∫",
    };

    /// <summary>
    /// Wingdings, where Unicode has its picture: faces, hands, ticks and crosses, bullets, stars, circled numbers,
    /// clocks and arrows (its wide-headed arrows, which Outlook's AutoCorrect writes for "-->" and "&lt;--", as arrows).
    /// </summary>
    private static readonly Dictionary<int, string> Wingdings = new()
    {
        [0x21] = "✏", [0x22] = "✂", [0x23] = "✁", [0x24] = "👓", [0x25] = "🔔", [0x26] = "📖", [0x28] = "☎", [0x29] = "✆", [0x2A] = "✉",
        [0x2C] = "📪", [0x2D] = "📫", [0x2E] = "📬", [0x2F] = "📭", [0x30] = "📁", [0x31] = "📂", [0x32] = "📄", [0x36] = "⌛", [0x37] = "⌨",
        [0x3A] = "💻", [0x3C] = "💾", [0x3E] = "✇", [0x3F] = "✍", [0x41] = "✌", [0x42] = "👌", [0x43] = "👍", [0x44] = "👎", [0x45] = "☜",
        [0x46] = "☞", [0x47] = "☝", [0x48] = "☟", [0x49] = "✋", [0x4A] = "☺", [0x4B] = "😐", [0x4C] = "☹", [0x4D] = "💣", [0x4E] = "☠",
        [0x4F] = "⚐", [0x50] = "🚩", [0x51] = "✈", [0x52] = "☼", [0x53] = "💧", [0x54] = "❄", [0x56] = "✞", [0x58] = "✠", [0x59] = "✡",
        [0x5A] = "☪", [0x5B] = "☯", [0x5C] = "ॐ", [0x5D] = "☸", [0x5E] = "♈", [0x5F] = "♉", [0x60] = "♊", [0x61] = "♋", [0x62] = "♌",
        [0x63] = "♍", [0x64] = "♎", [0x65] = "♏", [0x66] = "♐", [0x67] = "♑", [0x68] = "♒", [0x69] = "♓", [0x6A] = "&", [0x6B] = "&",
        [0x6C] = "●", [0x6D] = "❍", [0x6E] = "■", [0x6F] = "□", [0x71] = "❑", [0x72] = "❒", [0x73] = "⬧", [0x74] = "⧫", [0x75] = "◆",
        [0x76] = "❖", [0x77] = "⬥", [0x78] = "⌧", [0x79] = "⍓", [0x7A] = "⌘", [0x7B] = "❀", [0x7C] = "✿", [0x7D] = "❝", [0x7E] = "❞",
        [0x80] = "⓪", [0x81] = "①", [0x82] = "②", [0x83] = "③", [0x84] = "④", [0x85] = "⑤", [0x86] = "⑥", [0x87] = "⑦", [0x88] = "⑧",
        [0x89] = "⑨", [0x8A] = "⑩", [0x8B] = "⓿", [0x8C] = "❶", [0x8D] = "❷", [0x8E] = "❸", [0x8F] = "❹", [0x90] = "❺", [0x91] = "❻",
        [0x92] = "❼", [0x93] = "❽", [0x94] = "❾", [0x95] = "❿", [0x9E] = "·", [0x9F] = "•", [0xA0] = "▪", [0xA1] = "○", [0xA2] = "⭕",
        [0xA4] = "◉", [0xA5] = "◎", [0xA7] = "▪", [0xA8] = "◻", [0xAA] = "✦", [0xAB] = "★", [0xAC] = "✶", [0xAD] = "✴", [0xAE] = "✹",
        [0xAF] = "✵", [0xB1] = "⌖", [0xB2] = "⟡", [0xB3] = "⌑", [0xB5] = "✪", [0xB6] = "✰", [0xB7] = "🕐", [0xB8] = "🕑", [0xB9] = "🕒",
        [0xBA] = "🕓", [0xBB] = "🕔", [0xBC] = "🕕", [0xBD] = "🕖", [0xBE] = "🕗", [0xBF] = "🕘", [0xC0] = "🕙", [0xC1] = "🕚", [0xC2] = "🕛",
        [0xD5] = "⌫", [0xD6] = "⌦", [0xD8] = "➢", [0xDC] = "➲", [0xDF] = "←", [0xE0] = "→", [0xE1] = "↑", [0xE2] = "↓", [0xE3] = "↖",
        [0xE4] = "↗", [0xE5] = "↙", [0xE6] = "↘", [0xE7] = "⬅", [0xE8] = "➔", [0xE9] = "⬆", [0xEA] = "⬇", [0xEB] = "⬉", [0xEC] = "⬈",
        [0xED] = "⬋", [0xEE] = "⬊", [0xEF] = "⇦", [0xF0] = "⇨", [0xF1] = "⇧", [0xF2] = "⇩", [0xF3] = "⬄", [0xF4] = "⇳", [0xF5] = "⬀",
        [0xF6] = "⬁", [0xF7] = "⬃", [0xF8] = "⬂", [0xF9] = "▭", [0xFA] = "▫", [0xFB] = "✗", [0xFC] = "✓", [0xFD] = "☒", [0xFE] = "☑",
    };

    /// <summary>Wingdings 2's ticks, crosses, boxes, circled numbers and shapes (its script ticks as the plain ones, which every font has).</summary>
    private static readonly Dictionary<int, string> Wingdings2 = new()
    {
        [0x25] = "✄", [0x26] = "✀", [0x32] = "📋", [0x33] = "🗑", [0x42] = "👈", [0x43] = "👉", [0x4A] = "👆", [0x4B] = "👇",
        [0x4F] = "✗", [0x50] = "✓", [0x51] = "☒", [0x52] = "☑", [0x53] = "☒", [0x54] = "☒", [0x5D] = "‽",
        [0x69] = "⓪", [0x6A] = "①", [0x6B] = "②", [0x6C] = "③", [0x6D] = "④", [0x6E] = "⑤", [0x6F] = "⑥", [0x70] = "⑦", [0x71] = "⑧",
        [0x72] = "⑨", [0x73] = "⑩", [0x74] = "⓿", [0x75] = "❶", [0x76] = "❷", [0x77] = "❸", [0x78] = "❹", [0x79] = "❺", [0x7A] = "❻",
        [0x7B] = "❼", [0x7C] = "❽", [0x7D] = "❾", [0x7E] = "❿", [0x80] = "☉", [0x82] = "☽", [0x83] = "☾", [0x85] = "✝", [0x95] = "⋅",
        [0x97] = "⦁", [0x98] = "●", [0x99] = "○", [0x9D] = "⊙", [0x9E] = "⦿", [0xA1] = "◾", [0xA2] = "■", [0xA3] = "□", [0xA8] = "▣",
        [0xAD] = "⬩", [0xAE] = "⬥", [0xAF] = "◇", [0xB1] = "◈", [0xB6] = "⬪", [0xB7] = "⬧", [0xB8] = "◊", [0xBA] = "◖", [0xBB] = "◗",
        [0xC0] = "⬟", [0xC2] = "⬣", [0xC3] = "⬢", [0xEB] = "✶", [0xF0] = "✹", [0xF3] = "✯", [0xF8] = "※", [0xF9] = "⁂",
    };
}
