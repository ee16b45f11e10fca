using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace PPNBlog.Submissions.Privacy;

/// <summary>
/// Keeps the sender's own email address out of everything published: it is personal data, and the only copy kept is
/// the mailbox's. Found in any case, Markdown-escaped (<c>jo\_evans@</c>), percent-encoded (<c>jo.evans%40</c>), with
/// emphasis or a line break inside it (<c>jo.**evans**@</c>), without its +tag, with its domain in either IDN form, and
/// as OneDrive names the sender's own site (<c>jo_evans_nhs_net</c>).
/// </summary>
public sealed partial class SenderAddress
{
    /// <summary>What the address is replaced with in text.</summary>
    public const string Removed = "(email address removed)";

    /// <summary>
    /// What may stand between two characters of an address in Markdown and still show it whole: emphasis, a hard break,
    /// a space or tab (<c>jo.evans @ nhs.net</c>, or a tab folded into a subject).
    /// </summary>
    private const string Between = @"(?:[*_~]{1,3}|\\\n|[ \t]{1,3})?";

    private readonly Regex? _address;

    /// <summary>The addresses <paramref name="message"/> was sent from and asks replies to (From, Sender, Reply-To).</summary>
    public SenderAddress(MimeMessage message)
    {
        var addresses = message.From.Mailboxes.Concat(message.ReplyTo.Mailboxes).Append(message.Sender)
            .Select(m => m?.Address?.Trim()).OfType<string>().Where(a => a.Contains('@'))
            .SelectMany(Forms).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0) return;
        // Without backtracking: the search takes time in proportion to the text, whatever address the sender chose (with
        // backtracking, 64 a's before the @ and a body of "a a a …" took seconds per 100 KB). Where an address may not
        // begin or end is checked beside each match instead (see IsWhole), as this engine has no lookaround.
        _address = new Regex($"(?:{string.Join('|', addresses.Select(Written))})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    /// <summary>How many times the address was taken out so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// True (and counted) when a link's target <paramref name="href"/> holds the address (a mailto: link, a form's
    /// ?email=): the converter then keeps only the link's words.
    /// </summary>
    public bool IsIn(string href)
    {
        if (!Matches(href).Any()) return false;
        Count++;
        return true;
    }

    /// <summary><paramref name="text"/> (a title, summary or tag, or a Markdown body) with the address replaced.</summary>
    public string FromText(string text)
    {
        var found = Matches(text).ToList();
        if (found.Count == 0) return text;
        Count += found.Count;
        var replaced = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (index, length) in found)
        {
            replaced.Append(text, at, index - at).Append(Removed);
            at = index + length;
        }
        return replaced.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Where the address is written in <paramref name="text"/> as an address of its own, in order.</summary>
    private IEnumerable<(int Index, int Length)> Matches(string text)
    {
        if (_address is null) yield break;
        for (var start = 0; _address.Match(text, start) is { Success: true } match;)
        {
            if (IsWhole(text, match.Index, match.Length))
            {
                yield return (match.Index, match.Length);
                start = match.Index + match.Length;
            }
            else
            {
                start = match.Index + 1;
            }
        }
    }

    /// <summary>
    /// True when the match at <paramref name="index"/> is not part of another address: no address character before it
    /// (but a percent-encoded byte ends in one: Outlook's Safe Links carry "%7Cjo.evans%40nhs.net"), and no letter, digit
    /// or hyphen right after it. A dot or an underscore may follow: a file named "jo.evans@nhs.net.pdf" or
    /// "jo.evans@nhs.net_notes.docx" holds the address, and a longer domain the sender's is part of is taken out with it.
    /// </summary>
    private static bool IsWhole(string text, int index, int length)
    {
        var before = index == 0 || !(IsWordCharacter(text[index - 1]) || text[index - 1] is '.' or '%' or '+' or '-' or '\\')
            || index >= 3 && text[index - 3] == '%' && char.IsAsciiHexDigit(text[index - 2]) && char.IsAsciiHexDigit(text[index - 1]);
        var end = index + length;
        return before && (end == text.Length || !(IsWordCharacter(text[end]) && text[end] != '_' || text[end] == '-'));
    }

    /// <summary>What a regular expression's \w is: letters, digits, marks and connectors (the underscore).</summary>
    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// The address as sent, without its +tag (the same mailbox), with its local part in quotes and without them
    /// (<c>"jo.evans"@nhs.net</c> is the same mailbox), and with its domain in the other IDN form.
    /// </summary>
    private static IEnumerable<string> Forms(string address)
    {
        var at = address.LastIndexOf('@');
        var (local, domain) = (address[..at], address[(at + 1)..]);
        if (local is ['"', .. var inside, '"']) local = inside;
        var idn = new IdnMapping();
        var domains = new[] { domain, Try(() => idn.GetAscii(domain)), Try(() => idn.GetUnicode(domain)) }.OfType<string>();
        var locals = local.IndexOf('+') is var plus and > 0 ? [local, local[..plus]] : new[] { local };
        var written = locals.SelectMany(l => domains.Select(d => $"{l}@{d}")).ToList();
        // OneDrive and SharePoint name a person's site by their address, each character but letters and digits an
        // underscore: a link to a document the sender shares holds "/personal/jo_evans_nhs_net/".
        var siteNames = written.Select(a => OtherThanLetterOrDigit().Replace(a, "_"));
        return [.. locals.SelectMany(l => domains.Select(d => $"\"{l}\"@{d}")), .. written, .. siteNames];
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex OtherThanLetterOrDigit();

    private static string? Try(Func<string> convert)
    {
        try { return convert(); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Every way <paramref name="address"/> is written in Markdown or a link: each character as itself, escaped, or percent-encoded.</summary>
    private static string Written(string address) =>
        string.Join(Between, address.Normalize(NormalizationForm.FormC).EnumerateRunes().Select(rune =>
        {
            var bytes = new byte[rune.Utf8SequenceLength];
            rune.EncodeToUtf8(bytes);
            return $@"(?:\\?{Regex.Escape(rune.ToString())}|{string.Concat(bytes.Select(b => $"%{b:X2}"))})";
        }));
}
