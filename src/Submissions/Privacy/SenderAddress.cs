using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace PPNBlog.Submissions.Privacy;

/// <summary>
/// Keeps the sender's own email address out of everything published: it is personal data, and the only copy kept is
/// the mailbox's. Found in any case, Markdown-escaped (<c>jo\_evans@</c>), percent-encoded (<c>jo.evans%40</c>), with
/// emphasis or a line break inside it (<c>jo.**evans**@</c>), without its +tag, and with its domain in either IDN form.
/// </summary>
public sealed class SenderAddress
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
        // Not inside a longer address: no address character before it (a percent-encoded byte ends in one: Outlook's
        // Safe Links carry "%7Cjo.evans%40nhs.net"), and no more of a domain after it.
        var address = $@"(?:(?<![\w.%+\-\\])|(?<=%[0-9A-Fa-f]{{2}}))(?:{string.Join('|', addresses.Select(Written))})(?![\w\-]|\\?\.\w)";
        _address = new Regex(address, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>How many times the address was taken out so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// True (and counted) when a link's target <paramref name="href"/> holds the address (a mailto: link, a form's
    /// ?email=): the converter then keeps only the link's words.
    /// </summary>
    public bool IsIn(string href)
    {
        if (_address is null || !_address.IsMatch(href)) return false;
        Count++;
        return true;
    }

    /// <summary><paramref name="text"/> (a title, summary or tag, or a Markdown body) with the address replaced.</summary>
    public string FromText(string text)
    {
        if (_address is null) return text;
        return _address.Replace(text, _ =>
        {
            Count++;
            return Removed;
        });
    }

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
        return locals.SelectMany(l => new[] { l, $"\"{l}\"" }).SelectMany(l => domains.Select(d => $"{l}@{d}"));
    }

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
