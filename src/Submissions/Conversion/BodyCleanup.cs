using System.Text.RegularExpressions;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Removes what is not the post from converted blocks: the quoted message being replied to or forwarded, the
/// sender's signature and sign-off block, and legal disclaimers (patterns in disclaimers.txt).
/// </summary>
public sealed partial class BodyCleanup(IReadOnlyList<Regex> disclaimers)
{
    /// <summary>What <see cref="Clean"/> names the message being replied to or forwarded when it removes it.</summary>
    public const string QuotedMessage = "quoted reply or forwarded message";

    /// <summary>What <see cref="Clean"/> names a mail server's banner above the text when it removes it (the only part cut from the start).</summary>
    public const string ExternalMailWarning = "external-mail warning";

    /// <summary>Trailing blocks in which a sign-off or disclaimer is looked for.</summary>
    private const int TailBlocks = 6;

    /// <summary>Loads the shipped disclaimer patterns (disclaimers.txt beside the assembly).</summary>
    public static BodyCleanup Default { get; } = new(LoadPatterns(Path.Combine(AppContext.BaseDirectory, "disclaimers.txt")));

    /// <summary>Reads one case-insensitive pattern a line; '#' starts a comment line.</summary>
    public static IReadOnlyList<Regex> LoadPatterns(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
                .Select(l => new Regex(l.Trim(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))).ToList()
            : [];

    /// <summary>Cuts replies, signatures and disclaimers from <paramref name="blocks"/>; returns what was removed, for the summary.</summary>
    public List<string> Clean(List<string> blocks)
    {
        var removed = new List<string>();
        // A mail server's "this email came from outside the organisation" banner, put above the contributor's text.
        if (blocks.Count > 1 && ExternalMailBanner().IsMatch(Plain(blocks[0])) && Words().Count(Plain(blocks[0])) <= 80)
        {
            blocks.RemoveAt(0);
            removed.Add(ExternalMailWarning);
        }
        Cut(blocks, ReplyHeaderIndex(blocks), QuotedMessage, removed);
        Cut(blocks, blocks.FindIndex(b => Plain(b) is "--" or "-- " || Plain(b).StartsWith("--\n", StringComparison.Ordinal)), "signature", removed);
        var tailStart = Math.Max(1, blocks.Count - TailBlocks);
        Cut(blocks, IndexInTail(blocks, tailStart, b => disclaimers.Any(d => d.IsMatch(Plain(b)))), "mail footer (a disclaimer or a 'Sent from' line)", removed);
        Cut(blocks, SignOffIndex(blocks), "sign-off and signature", removed);
        // A rule that separated the post from what was cut is left dangling.
        while (blocks.Count > 0 && blocks[^1] == "---") blocks.RemoveAt(blocks.Count - 1);
        return removed;
    }

    /// <summary>
    /// The first block that starts the quoted message: a whole "On … wrote:" block naming a time or an address (a
    /// paragraph that only begins "On Monday…" and says "wrote:" is the post), a mail program's separator line, or a
    /// rule of underscores followed by a From: line (alone, it is only a rule).
    /// </summary>
    private static int ReplyHeaderIndex(List<string> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            // Outlook writes the quoted message's header fields in bold (**From:** …).
            var text = Plain(blocks[i]).Replace("**", "", StringComparison.Ordinal);
            if (ReplyHeader().IsMatch(text) || UnderscoreRuleThenFrom().IsMatch(i + 1 < blocks.Count ? text + "\n" + Plain(blocks[i + 1]) : text)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The first sign-off ("Kind regards", "Thanks!") among the last <see cref="SignatureBlocks"/> blocks that only a
    /// signature follows: blocks of a few words each (Outlook writes each line of a signature as a paragraph of its own).
    /// A sign-off followed by more of the post ("Thanks!" opening its acknowledgements) is not one.
    /// </summary>
    private static int SignOffIndex(List<string> blocks)
    {
        var afterIsSignature = true;
        var found = -1;
        for (var i = blocks.Count - 1; i >= Math.Max(1, blocks.Count - SignatureBlocks) && afterIsSignature; i--)
        {
            if (SignOff().IsMatch(Plain(blocks[i]).Split('\n')[0].Trim())) found = i;
            afterIsSignature = Words().Count(Plain(blocks[i])) <= MaxSignatureLineWords;
        }
        return found;
    }

    /// <summary>How far back from the end a signature's sign-off is looked for.</summary>
    private const int SignatureBlocks = 20;

    /// <summary>The most words a block of a signature has (a job title, an organisation, an address).</summary>
    private const int MaxSignatureLineWords = 25;

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\W*((caution|warning|attention|external( e-?mail| message)?)\b.{0,300}?\b(outside|external)\b.{0,300}?\b(links?|attachments?|sender)\b|(external\W{1,3})?this (e-?mail|message) (originated|came|was sent) from outside)",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ExternalMailBanner();

    private static int IndexInTail(List<string> blocks, int start, Func<string, bool> match)
    {
        for (var i = start; i < blocks.Count; i++) if (match(blocks[i])) return i;
        return -1;
    }

    private static void Cut(List<string> blocks, int index, string what, List<string> removed)
    {
        if (index <= 0) return;
        removed.Add(what);
        blocks.RemoveRange(index, blocks.Count - index);
    }

    /// <summary>A block's text without Markdown escapes and with hard breaks as newlines, for matching.</summary>
    private static string Plain(string block) => MarkdownText.Unescape(block.Replace("\\\n", "\n")).Trim();

    [GeneratedRegex(@"^(On\s(?=.{0,200}?(\b\d{1,2}[:.]\d{2}\b|@)).{4,200}?(wrote|a écrit|schrieb)\s*:$|-{2,}\s*Original Message\s*-{2,}|-{2,}\s*Forwarded message\s*-{2,}|Begin forwarded message:|From:\s.+\n(Sent|Date):\s)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ReplyHeader();

    [GeneratedRegex(@"^_{10,}\s*\n\W*From:", RegexOptions.IgnoreCase)]
    private static partial Regex UnderscoreRuleThenFrom();

    [GeneratedRegex(@"^((kind|best|warm|warmest|many|with)\s+)?(regards|wishes|thanks)\b[\s,.!]*$|^(thank you|thanks|cheers|all the best|best|yours( sincerely| faithfully| truly)?|sincerely)[\s,.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();
}
