using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace PPNBlog.Submissions.Privacy;

/// <summary>
/// Keeps the sender's own email address out of everything published: it is personal data, and the only copy kept is
/// the mailbox's. Found in any case, Markdown-escaped (<c>jo\_evans@</c>) or percent-encoded (<c>jo.evans%40</c>).
/// </summary>
public sealed partial class SenderAddress
{
    /// <summary>What the address is replaced with in text.</summary>
    public const string Removed = "(email address removed)";

    private readonly Regex? _address;

    /// <summary>The addresses <paramref name="message"/> was sent from and asks replies to (From, Sender, Reply-To).</summary>
    public SenderAddress(MimeMessage message)
    {
        var addresses = message.From.Mailboxes.Concat(message.ReplyTo.Mailboxes).Append(message.Sender)
            .Select(m => m?.Address?.Trim()).OfType<string>().Where(a => a.Contains('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0) return;
        // Not inside a longer address: no address character before it, and no more of a domain after it.
        var address = $@"(?<![\w.%+\-\\])(?:{string.Join('|', addresses.Select(Written))})(?![\w\-]|\\?\.\w)";
        _address = new Regex(address, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>How many times the address was taken out so far.</summary>
    public int Count { get; private set; }

    /// <summary><paramref name="markdown"/> with each link to the address reduced to its label, and the address itself replaced.</summary>
    public string FromMarkdown(string markdown)
    {
        if (_address is null) return markdown;
        markdown = Link().Replace(markdown, m =>
        {
            if (!_address.IsMatch(m.Groups[2].Value)) return m.Value;
            Count++;
            return m.Groups[1].Value;
        });
        return FromText(markdown);
    }

    /// <summary><paramref name="text"/> (a title, summary or tag; or Markdown with its links done) with the address replaced.</summary>
    public string FromText(string text)
    {
        if (_address is null) return text;
        return _address.Replace(text, _ =>
        {
            Count++;
            return Removed;
        });
    }

    /// <summary>A link as the converter writes one, [label](&lt;target&gt;); a label may hold an image. Linear time, whatever the text.</summary>
    [GeneratedRegex(@"\[((?:\\.|!\[(?:\\.|[^\\\]])*\]\([^)\n]*\)|[^\\\]])*)\]\(<([^<>\n]*)>\)", RegexOptions.NonBacktracking)]
    private static partial Regex Link();

    /// <summary>Every way <paramref name="address"/> is written in Markdown or a link: each character as itself, escaped, or percent-encoded.</summary>
    private static string Written(string address) =>
        string.Concat(address.Normalize(NormalizationForm.FormC).EnumerateRunes().Select(rune =>
        {
            var bytes = new byte[rune.Utf8SequenceLength];
            rune.EncodeToUtf8(bytes);
            return $@"(?:\\?{Regex.Escape(rune.ToString())}|{string.Concat(bytes.Select(b => $"%{b:X2}"))})";
        }));
}
