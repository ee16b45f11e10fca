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

    /// <summary>What <see cref="Clean"/> names a greeting to the blog's team, and the note after it, when it removes them from the start.</summary>
    public const string GreetingToTeam = "greeting to the blog team";

    /// <summary>What <see cref="Clean"/> names a note to the editors ending the email ("Let me know if you need anything else.") when it removes it.</summary>
    public const string NoteToEditors = "note to the editors";

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
        // A greeting to the blog's team ("Hi PPN blog team,", "Dear Editor") opens a note to us, not the post; a short
        // note after it saying what the email brings ("here is my post, as we discussed") goes with it. A greeting to a
        // person by name stays: it may open a letter the post is.
        if (blocks.Count > 1 && TeamGreeting().IsMatch(Plain(blocks[0])))
        {
            blocks.RemoveRange(0, blocks.Count > 2 && Words().Count(Plain(blocks[1])) <= 60 && CoveringNote().IsMatch(Plain(blocks[1])) ? 2 : 1);
            removed.Add(GreetingToTeam);
        }
        Cut(blocks, ReplyHeaderIndex(blocks), QuotedMessage, removed);
        Cut(blocks, blocks.FindIndex(b => Plain(b) is "--" or "-- " || Plain(b).StartsWith("--\n", StringComparison.Ordinal)), "signature", removed);
        var tailStart = Math.Max(1, blocks.Count - TailBlocks);
        Cut(blocks, IndexInTail(blocks, tailStart, b => disclaimers.Any(d => d.IsMatch(Plain(b)))), "mail footer (a disclaimer or a 'Sent from' line)", removed);
        // A postscript after the signature ("P.S. …") is the contributor's too: only what comes between goes.
        var postscript = blocks.Count > 1 ? blocks.FindIndex(Math.Max(1, blocks.Count - SignatureBlocks), b => Postscript().IsMatch(Plain(b))) : -1;
        // A signature after it goes too (signed again, or the "PS" was a paragraph of the post before the sign-off).
        if (postscript > 0 && (SignOffIndex(blocks, blocks.Count, postscript + 1) is var after and > 0 || (after = TrailingSignature(blocks, postscript + 1)) > 0))
        {
            removed.Add("sign-off and signature");
            blocks.RemoveRange(after, blocks.Count - after);
        }
        var end = postscript > 0 ? postscript : blocks.Count;
        if (SignOffIndex(blocks, end) is var signOff and > 0)
        {
            if (!removed.Contains("sign-off and signature")) removed.Add("sign-off and signature");
            blocks.RemoveRange(signOff, end - signOff);
        }
        Cut(blocks, NoteToEditorsIndex(blocks), NoteToEditors, removed);
        // A rule (---, a line of asterisks) that separated the post from what was cut is left dangling.
        while (blocks.Count > 0 && removed.Count > 0 && blocks[^1].Length > 0 && !blocks[^1].Any(char.IsLetterOrDigit)) blocks.RemoveAt(blocks.Count - 1);
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
    /// The first sign-off among the last <see cref="SignatureBlocks"/> blocks before <paramref name="end"/> (the end, or a
    /// postscript) that only a signature follows: blocks of
    /// at most <see cref="MaxSignatureBlockWords"/> words (Outlook writes each line of one as a paragraph of its own; a
    /// flexible-working note is longer). A sign-off signs off only where a signature starts after it: a name ("Kind
    /// regards, Jane", or a line of its own), Outlook's table of logo and details after a formal one, or nothing at all.
    /// Else the words are the post's own: a last section titled "Take care", "Thank you." before a list of helplines.
    /// </summary>
    private static int SignOffIndex(List<string> blocks, int end, int start = 1)
    {
        var found = -1;
        var longestAfter = 0;
        // Whether every line after the block looked at is a signature's (see OnlySignatureLines), kept as the scan goes back;
        // and whether every block after it is a signature's lines, its table, or one of its notes (working hours, pronouns).
        var signatureAfter = true;
        var signatureOrNoteAfter = true;
        string? nextBlock = null;
        for (var i = end - 1; i >= Math.Max(start, end - SignatureBlocks); i--)
        {
            var plain = Plain(blocks[i]);
            var lines = plain.Split('\n');
            var first = lines[0].Trim();
            var next = lines.Length > 1 ? lines[1] : nextBlock?.Split('\n')[0];
            var withinBlock = lines.Length > 1 ? Words().Count(string.Join(' ', lines.Skip(1))) : 0;
            if (SignOff().Match(first) is { Success: true } signOff)
            {
                var named = signOff.Groups["name"].Success;
                // Nothing after it: a sign-off to the editor ("Thanks,", "Kind regards") ends the email, but thanks to the
                // readers ("Thanks for reading!") ends the post, and is a sign-off only before a name or a signature.
                var endsEmail = next is null && !signOff.Groups["readers"].Success;
                // "Thanks", "Take care" or "Cheers" sign off only as a letter's last line does: a name after it (on its line
                // after a comma, on the next line, or as a line of its own: "Jane", not "Samaritans – call 116 123"), then
                // only a signature's short lines or contact details.
                // A formal one is followed by a signature's lines, table or notes: "Yours sincerely, Appointments Office" and
                // then more of the post is a letter quoted in it.
                var signs = signOff.Groups["formal"].Success
                    ? Math.Max(longestAfter, withinBlock) <= MaxSignatureBlockWords && signatureOrNoteAfter && !Quoted(lines.Skip(1))
                      && (named || endsEmail || next is not null && (IsName(next) || lines.Length == 1 && nextBlock!.StartsWith('|')))
                    // (A plain-text signature's lines may arrive joined into one: a name, then contact details.)
                    : (named || endsEmail || next is not null && (IsName(next, alone: !(first.EndsWith(',') || first.EndsWith('!') || lines.Length > 1))
                       || IsNameThenDetails(next)))
                      && signatureAfter && OnlySignatureLines(lines.Skip(1));
                if (signs) found = i;
            }
            // Outlook's signature table (logo | name, role, Trust, address, numbers) may run longer than a line of one.
            longestAfter = Math.Max(longestAfter, Words().Count(plain) is var words && blocks[i].StartsWith('|') && words <= MaxSignatureTableWords ? 0 : words);
            if (longestAfter > MaxSignatureBlockWords) break;
            signatureAfter = signatureAfter && OnlySignatureLines(lines) && !Quoted(lines);
            signatureOrNoteAfter = signatureOrNoteAfter && !Quoted(lines) && (OnlySignatureLines(lines) || blocks[i].StartsWith('|') || SignatureNote().IsMatch(plain));
            nextBlock = plain;
        }
        return found;
    }

    /// <summary>
    /// Where the writer's own signature starts the last blocks when no sign-off comes before it: a block opening with
    /// <paramref name="author"/>'s name (the whole name, or the first name as a line of its own), with only a signature's
    /// lines after it ("Jane Smith", "Clinical Psychologist, Leeds…", "Mob: 07700 900123"); -1 when there is none.
    /// </summary>
    public static int WritersSignature(List<string> blocks, string author)
    {
        var names = author.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(n => Honorific().IsMatch(n)).ToList();
        if (names.Count == 0) return -1;
        var fullName = string.Join(' ', names);
        var found = -1;
        for (var i = blocks.Count - 1; i >= Math.Max(1, blocks.Count - SignatureBlocks); i--)
        {
            var lines = Plain(blocks[i]).Split('\n');
            if (!OnlySignatureLines(lines)) break;
            var first = SignatureMarks().Replace(lines[0].Replace("**", "", StringComparison.Ordinal), "");
            first = string.Join(' ', first.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(n => Honorific().IsMatch(n)));
            if (first.Equals(names[0], StringComparison.OrdinalIgnoreCase) || first.Equals(author, StringComparison.OrdinalIgnoreCase)
                || first.StartsWith(fullName, StringComparison.OrdinalIgnoreCase) && (first.Length == fullName.Length || !char.IsLetter(first[fullName.Length])))
                found = i;
        }
        // Not the writer signing: their name heading a list ("The project team:") or attributing a quote ("> …", "…”").
        if (found > 0 && Plain(blocks[found - 1]) is var before && (before.EndsWith(':') || Quoted(before.Split('\n')) || blocks[found - 1].StartsWith('>')))
            return -1;
        // A sign-off alone on the line before ("Stay safe,") goes with the signature.
        return found > 1 && SignOff().IsMatch(Plain(blocks[found - 1])) ? found - 1 : found;
    }

    /// <summary>
    /// Where the email's last blocks start when they only talk to the editors about the post ("Let me know if you need
    /// anything else.", "Happy to make any changes.", "Hope this is what you were after!"), with at most a sign-off among
    /// them; -1 when the last block says anything else. Every sentence must be such a note (<see cref="NoteToEditorsSentence"/>):
    /// the post's own last words to its readers ("Let me know what you think in the comments", "Hope this helps") stay.
    /// </summary>
    public static int NoteToEditorsIndex(List<string> blocks)
    {
        var start = blocks.Count;
        while (start > 1 && IsNoteToEditors(Plain(blocks[start - 1]))) start--;
        return start < blocks.Count ? start : -1;
    }

    /// <summary>
    /// Whether every sentence of <paramref name="text"/> is a note to the editors, or a sign-off to them, and one at least
    /// a note; a sign-off and signature on the lines under the note, in the same paragraph, go with it.
    /// </summary>
    private static bool IsNoteToEditors(string text)
    {
        if (Words().Count(text) > MaxSignatureBlockWords) return false;
        var lines = text.Split('\n');
        var signOffLine = Array.FindIndex(lines, 1, l => SignOff().IsMatch(l.Trim()));
        if (signOffLine > 0 && SignOffIndex([.. lines[..signOffLine], string.Join('\n', lines[signOffLine..])], signOffLine + 1, signOffLine) == signOffLine)
            text = string.Join('\n', lines[..signOffLine]);
        // Or a signature with no sign-off ("Jo Evans", "Clinical Psychologist"), as a writer signs who signs off nowhere.
        else if (signOffLine < 0 && SignatureLine(lines) is var signature and > 0)
            text = string.Join('\n', lines[..signature]);
        // Typed apostrophes (’) read as the patterns' (').
        var sentences = SentenceEnd().Split(text.Replace('’', '\'')).Where(s => s.Any(char.IsLetter)).ToList();
        return sentences.Any(s => NoteToEditorsSentence().IsMatch(s))
            && sentences.All(s => NoteToEditorsSentence().IsMatch(s) || SignOff().Match(s) is { Success: true } signOff && !signOff.Groups["readers"].Success);
    }

    /// <summary>
    /// The line of a paragraph where a signature with no sign-off starts: a name (or a name and contact details: "Jo
    /// Evans | Clinical Psychologist"), marked as a signature's may be ("- Jo x"), then only a signature's lines; -1 when none.
    /// </summary>
    private static int SignatureLine(string[] lines)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            var name = SignatureMarks().Replace(lines[i].Trim(), "");
            if (name.Length > 0 && (IsName(name) || IsNameThenDetails(name)) && OnlySignatureLines(lines[i..]) && !Quoted(lines[i..])) return i;
        }
        return -1;
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+|\n+")]
    private static partial Regex SentenceEnd();

    /// <summary>What may stand around a name signing a letter: a dash or tilde before it, kisses or a full stop after it.</summary>
    [GeneratedRegex(@"^[-–~\s]+|(\s+x{1,3})?[\s.!,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureMarks();

    [GeneratedRegex(@"^(Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Rev|Sir|Dame)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Honorific();

    /// <summary>
    /// Where a signature with no sign-off before it ends the blocks (from <paramref name="start"/> on): blocks of a name's
    /// or a signature's short lines, with contact details among them (a phone number, an address); -1 when none.
    /// </summary>
    private static int TrailingSignature(List<string> blocks, int start)
    {
        var first = blocks.Count;
        while (first > start && Plain(blocks[first - 1]).Split('\n') is var lines && OnlySignatureLines(lines) && (IsName(lines[0]) || ContactDetails().IsMatch(lines[0])))
            first--;
        return first < blocks.Count && blocks.Skip(first).Any(b => ContactDetails().IsMatch(Plain(b))) ? first : -1;
    }

    /// <summary>Whether a line of <paramref name="lines"/> ends a quotation ("… With best wishes, Kerry”): a letter quoted in the post, not the sender's.</summary>
    private static bool Quoted(IEnumerable<string> lines) => lines.Any(l => l.TrimEnd().EndsWith('”') || l.TrimEnd().EndsWith('"') || l.TrimStart().StartsWith('>'));

    /// <summary>What a signature's longer notes are about: working days and hours, pronouns, leave, where the sender works from.</summary>
    [GeneratedRegex(@"\b(working (days|hours|pattern)|work(ing)? (flexibly|part[- ]time)|my (working )?days|pronouns|she/her|he/him|they/them|annual leave|out of (the )?office|outside (of )?(your|my) (own )?(working )?hours|work(ing)? from home|new (email )?address)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureNote();

    /// <summary>
    /// Whether the lines after a casual sign-off are only a signature's: short (a name, a job title, an address) or
    /// carrying contact details (numbers, an address, "|" between parts, the Trust), none over a signature block's length.
    /// </summary>
    private static bool OnlySignatureLines(IEnumerable<string> lines) => lines.All(line =>
        Words().Count(line) is var words && words <= MaxSignatureBlockWords && (words <= 8 || ContactDetails().IsMatch(line)));

    /// <summary>What a signature's longer lines hold: a phone number, an address, parts set apart by "|", the Trust.</summary>
    [GeneratedRegex(@"\d[\d ]{5,}\d|@|\||\bNHS\b|\bTrust\b")]
    private static partial Regex ContactDetails();

    /// <summary>
    /// Whether a line starts with a person's name, as a signature does: a short line whose first part is a few
    /// capitalised words (post-nominals too, "Dr Jane Smith BSc MSc DClinPsy") before any separator ("Jane Smith |
    /// Clinical Psychologist"), no digits or colon.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="alone">The name must be the whole line (after a sign-off with nothing to mark it one, such as a comma).</param>
    private static bool IsName(string line, bool alone = false)
    {
        if (Words().Count(line) > 12) return false;
        var parts = NameSeparator().Split(Parenthesised().Replace(line.Replace("**", "", StringComparison.Ordinal), " "));
        if (alone && (parts.Length > 1 || Words().Count(line) > 5)) return false;
        var name = parts[0];
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "The Psychology Team" is no one's name: a letter quoted in the post signs off so, a contributor does not.
        return words.Length is > 0 and <= 8 && !name.Contains(':') && !name.Any(char.IsDigit) && words[0] != "The"
            && words.All(w => char.IsUpper(w[0]) || NameParticles.Contains(w));
    }

    /// <summary>
    /// Whether a line is a signature's lines joined into one: a name of two words or more, then contact details ("Jane
    /// Smith Clinical Psychologist, Leeds… Mob: 07700 900123"; not "Samaritans – call 116 123").
    /// </summary>
    private static bool IsNameThenDetails(string line) =>
        IsName(line) && ContactDetails().IsMatch(line) && NameSeparator().Split(line)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;

    [GeneratedRegex(@"\s*[|/,–—]\s*|\s+-\s+")]
    private static partial Regex NameSeparator();

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "van", "von", "de", "der", "da", "del", "di", "la", "le", "bin", "al", "x", "xx" };

    /// <summary>How far back from the end a signature's sign-off is looked for.</summary>
    private const int SignatureBlocks = 20;

    /// <summary>The most words a table in a signature has (Outlook's logo and details, with a Trust's values).</summary>
    private const int MaxSignatureTableWords = 150;

    /// <summary>The most words a block of a signature has: a working-hours note, a Trust's values.</summary>
    private const int MaxSignatureBlockWords = 60;

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

    /// <summary>
    /// A mail server's banner: a warning word and then what banners say ("do not click links", "unless you recognise the
    /// sender", "from outside the organisation"), or "this email came from outside…". A post's first paragraph about
    /// external supervision or attachment is no banner.
    /// </summary>
    [GeneratedRegex(@"^\W*((\[?external\]?|caution|warning|attention|notice)\b.{0,300}?(do not (click|open)|don['’]t (click|open)|be (careful|cautious)|exercise caution|use caution|take care (when|with|before)|think before you click|unless you (recogni[sz]e|trust|know|were expecting)|(originated|came) (from )?outside|from (an? )?(external|outside) (sender|source|organi[sz]ation)|outside (of )?(the|your|our) organi[sz]ation)|(external\W{1,3})?this (e-?mail|message) (originated|has originated|came|was sent|has been sent|was received|is) (from )?(an? )?(outside|external)|you don['’]t often get e-?mail from)",
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

    /// <summary>
    /// A block's text as a reader sees it, for matching: without Markdown escapes, with hard breaks as newlines and links
    /// as their words (mail apps link their own name in their footer: "Sent with [Spark](…)").
    /// </summary>
    private static string Plain(string block) => MarkdownText.Unescape(MarkdownLink().Replace(block.Replace("\\\n", "\n"), "$1")).Trim();

    /// <summary>A Markdown link as the converter writes one: [words](&lt;address&gt;) or [words](address).</summary>
    [GeneratedRegex(@"(?<!!)\[([^\]\n]*)\]\((?:<[^>\n]*>|[^)\s]*)\)")]
    private static partial Regex MarkdownLink();

    /// <summary>Whether <paramref name="text"/> is (or opens with, for a forward) the header of a quoted message: "On … wrote:", "Begin forwarded message:"…</summary>
    public static bool IsReplyHeader(string text) => ReplyHeader().IsMatch(text.Trim());

    // Mail programs put a comma before the writer's name ("On 11 Nov 2026, at 16:02, Sam <…> wrote:"); a post's "On 3 March
    // at 14:00 our matron wrote:" has none. A forward's header dates its message ("Sent: 11 November 2026 16:02").
    [GeneratedRegex(@"^((On|Ar|Le|Am|El)\s(?=.{0,200}?(\b\d{1,2}[:.]\d{2}\b|@)).{2,200}?,[^,]{1,160}?\s(wrote|ysgrifennodd|a écrit|schrieb|escribió)\s*:$|-{2,}\s*Original Message\s*-{2,}|-{2,}\s*(Forwarded message|Neges wedi'i hanfon ymlaen|Message transféré|Weitergeleitete Nachricht)\s*-{2,}|Begin forwarded message:|(From|Oddi wrth|De|Von)\s?:\s.+\n(Sent|Date|Anfonwyd|Dyddiad|Envoyé|Gesendet|Enviado)\s?:\s[^\n]*\d)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ReplyHeader();

    [GeneratedRegex(@"^_{10,}\s*\n\W*(From|Oddi wrth|De|Von)\s?:", RegexOptions.IgnoreCase)]
    private static partial Regex UnderscoreRuleThenFrom();

    /// <summary>
    /// A sign-off: one only a letter ends with (<see cref="FormalSignOff"/>), or one that may as well be the post's own
    /// words (<see cref="CasualSignOff"/>), either made warmer or addressed (<see cref="SignOffAddition"/>: "Thanks very
    /// much", "Best wishes to all"); with the writer's name after a comma when given ("Kind regards, Jane").
    /// </summary>
    [GeneratedRegex(@"^((?<formal>" + FormalSignOff + ")|" + WarmerThanks + "?" + CasualSignOff + @")(,?\s+" + SignOffAddition + @"){0,3}\b[\s.!]*(,\s*(?<name>(?-i:\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}))[\s.!]*)?,?$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    /// <summary>A sign-off only a letter ends with: "Kind regards", "With best wishes", "Many thanks and best wishes", "Yours sincerely", "Cofion".</summary>
    private const string FormalSignOff = @"(((many\s+)?thanks(\s+again)?\s*(,|and|&)\s*)?(with\s+)?((kind|kindest|best|very best|warm|warmest|many|all (the|my) best)\s+)?(regards|wishes)(\s+(and|&)\s+(many\s+)?thanks)?|yours( sincerely| faithfully| truly)?|sincerely|kindest|all best|with (many )?thanks|(yr eiddoch )?yn gywir|cofion( gorau| cynnes| caredig)?)";

    /// <summary>A sign-off that may as well be the post's own words: "Thank you", "Thanks!", "Cheers", "Take care", "Diolch".</summary>
    private const string CasualSignOff = @"(thank you|thanks|cheers|best|take care|all the best|speak soon|warmly|stay safe|keep well|love|ta|in solidarity|hwyl( fawr)?|diolch( yn fawr)?( iawn)?)";

    /// <summary>What makes thanks warmer before it: "Many thanks", "With many thanks", "Huge thanks", "A big thank you".</summary>
    private const string WarmerThanks = @"(((with\s+)?(many|huge|big|a big|a huge|massive|heartfelt),?\s+)+)";

    /// <summary>
    /// What follows a sign-off, as many as three (after a comma or not): how much ("very much", "so much indeed"), "again",
    /// whom ("all", "to you all", "everyone"), what for ("in advance", "for your help", "for reading"): "Thanks so much again", "Best wishes to all".
    /// Thanks for reading or listening is to the readers (group "readers"), not the editor.
    /// </summary>
    private const string SignOffAddition = @"((very|so|so very|ever so) much( indeed)?|a lot|a million|again|once again|(to )?(you all|all( of you)?|everyone)|in advance|for (all )?your (help|time|support|patience|consideration|understanding)|for everything|(?<readers>for (reading|listening|taking the time to read( this)?)))";

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    /// <summary>A postscript's start: "P.S.", "PS:", "PS -", "P.s.", "PS I…", "P.P.S.", "Postscript:".</summary>
    [GeneratedRegex(@"^(p\.?\s?(p\.?\s?)?s(\.|:|\s)|post\s?script\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Postscript();

    [GeneratedRegex(@"^(hi|hello|hey|dear|good (morning|afternoon|evening))( all| both| there)?,?\s+((the|our|ppn|psychological professions network|network)\s+)*(blog|comms|communications|editorial|web|website|newsletter)\s+(team|editors?)[\s,!.]*$|^dear (editors?|blog team|sir or madam)[\s,!.]*$", RegexOptions.IgnoreCase)]
    private static partial Regex TeamGreeting();

    /// <summary>What a note says of a post it comes with: that it is attached, enclosed or below ("please find attached", "my blog post is below your message").</summary>
    private const string PostElsewherePattern = @"(my|the|our|a) (blog( post)?|post|article|piece|draft|write-?up)\b.{0,60}?\b(attached|enclosed|below|underneath)"
        + @"|please find (attached|enclosed|below)|(attached|enclosed|below) (is|are) (my|the|our)|I('ve| have) attached|attaching (my|the|our)";

    /// <summary>
    /// Where the email says the post is elsewhere (<see cref="PostElsewherePattern"/>): a short email saying so, with the
    /// quoted message left out or nothing attached, is no post. A post's own "see the leaflet attached" is not this.
    /// </summary>
    [GeneratedRegex(@"\b(" + PostElsewherePattern + @")\b", RegexOptions.IgnoreCase)]
    public static partial Regex PostElsewhere();

    /// <summary>
    /// What a note to the editor about a post says, and a post rarely does: that the post is elsewhere
    /// (<see cref="PostElsewhere"/>), that it is here for the blog ("here's the piece I promised", "something for the PPN
    /// blog"), or how it was sent and may be changed ("as promised", "I hope it is what you were looking for", "let me know
    /// if you need any changes"). Beside an attached document, an email saying so is a covering note.
    /// </summary>
    [GeneratedRegex(@"\b(" + PostElsewherePattern
        + @"|here('s|s| is| are) (my|our|the|a|an|some|something|that)\b.{0,40}?\b(blog|post|article|piece|draft|write-?up|submission|story|promised)"
        + @"|(something|a (blog|post|piece|article|story)) for (the|your) (\w+ ){0,2}(blog|website|newsletter)"
        + @"|as (promised|discussed|agreed|requested)|(hope|hoping) (it|this|that)('s| is| will be| works| suits| fits)"
        + @"|(let me know|tell me) if (you|it|this|that|there)\b.{0,40}?\b(changes?|edits?|amend\w*|more|else|ok|okay|fine|works?|suitable|need\w*)"
        + @"|happy to (change|edit|amend|shorten|cut|rewrite)|" + NoteToEditorsPattern + @")\b", RegexOptions.IgnoreCase)]
    public static partial Regex CoveringNote();

    /// <summary>
    /// What a note to the editors says of the post it brings, each phrase whole: that they may ask for more or for changes
    /// ("let me know if you need anything else", "if there are any problems, give me a shout"), that the writer will
    /// make them ("happy to make any changes"), that it is what was asked for ("hope this is what you were after"), or
    /// that it is to be published ("I look forward to seeing it on the blog"). "Let me know what you think" and "hope
    /// this helps" may be said to readers, and are not among them.
    /// </summary>
    private const string NoteToEditorsPattern = @"("
        + @"(let me know|tell me|give me a (shout|call|ring|bell)|drop me a (line|message|note|email)|shout|get back to me) (if|whether) ("
            + @"(you|u)(('d| would) like| need| want| require)? (" + YouNeed + @")( or (((would|'d) like|need|want) )?(" + YouNeed + @"))*"
            + @"|you( have| had|'ve got) (any )?(questions|queries|problems|issues|trouble)( (with|opening) (it|this|that|the (attachment|document|file|photos?|pictures?)))?"
            + @"|(this|it|that|the (post|blog|piece|article|draft|length|format|attachment))( is| was| will be| would be|'s| looks)? (" + AsAsked + @")"
            + @"|(this|it|that|the (post|blog|piece|article|draft)) needs (any )?(changes|changing|edits|editing|amending|shortening|cutting( down)?|more work)"
            + @"|there( is| are|'s) (anything|any(thing)? (more|else|problems|issues|questions|changes))( (else|more))?( (you need|you'd like|you want|that needs (changing|editing)))?"
            + @"|(anything|something) needs (changing|editing|amending|cutting|shortening|to (change|be changed))"
            + @"|you (can't|cannot|couldn't|can not) (open|read|see) (it|this|the (attachment|document|file|photos?|pictures?)))"
        + @"|(let me know|tell me) when (it|this|the post|my post)('s| is| goes| will (be|go)) (published|live|up|online|out|on the (blog|website|site))"
        + @"|(any|if (you have|you've got|there are|there's|there is) any) (problems|issues|questions|queries)( with (it|this|that|the (post|blog|piece|article|draft|attachment|document|photos?|pictures?)))?,? ((please|just|do) )*"
            + @"(let me know|give me a (shout|call|ring|bell)|drop me a (line|message|note|email)|shout|get back to me)"
        + @"|(I('m| am|'d be| would be|'ll be| will be)? )?((more than|very|really|always|of course) )?happy (to|for you to) ("
            + @"make (any|some|the|whatever) (changes|edits|amendments|tweaks|alterations|cuts)( (you|that) (need|want|think|feel|suggest)\w*( (necessary|are needed|is needed))?)?"
            + @"|(change|edit|amend|shorten|cut|tweak|adjust|rewrite|rework|revise|trim|alter|reword) (it|this|anything|things|the (post|blog|piece|article|draft|length|wording|title))( down| as (needed|necessary|required|appropriate|you see fit))?"
            + @"|(send|provide|add) (a |an |some |any |more |further |other )?(photos?|pictures?|images?|bio|headshot|information|info|details))"
        + @"|feel free to (edit|amend|shorten|cut|trim|tweak) (it|this|the (post|blog|piece|article|text|draft))( down)?( as (needed|necessary|required|appropriate|you see fit))?"
        + @"|feel free to make (any|whatever) (changes|edits|amendments|cuts)( (you|that) (need|want|think|feel)\w*( (necessary|are needed))?)?"
        + @"|(I )?(hope|hoping|I'm hoping|trust) (this|that|it|the (post|blog|piece|article|draft))('s| is| will be| would be| was)? (" + AsAsked + @")"
        + @"|(I('m| am)? )?(look|looking) forward to (seeing|reading) (it|this|the post|my post|the blog|my blog|the piece|the article) (published|live|online|up|on (the|your) (blog|website|site|page))"
        + @"|(I )?(look|looking) forward to hearing back( from you)?"
        + @"|(many )?(thanks|thank you)( (so|very) much)? (in advance )?for (considering|looking at|taking a look at|reviewing) (it|this|my (post|blog|piece|article|submission|draft)|the (post|blog|piece|article|draft))( for (the|your) (blog|website|newsletter))?"
        + @")";

    /// <summary>What a writer asks whether the editors need or would like: "anything else (from me)", "me to cut it down", "any changes", "a photo".</summary>
    private const string YouNeed = @"(anything( else| more| further)?( from me)?|me to (cut|shorten|change|edit|amend|add|send|tweak|trim|rewrite|reword|expand|make|provide|write)\b[^.!?,;\n]{0,40}"
        + @"|any (more |further |other )?(changes|edits|amendments|tweaks|information|info|details|photos|pictures|images)|(more|further|other|any other|extra) (information|info|details|photos|pictures|images|words)|(a|an|any) (photo|picture|image|bio|headshot|summary)s?)";

    /// <summary>What a writer hopes the post is for the editors: "OK", "what you were after", "the right length", "suitable for the blog".</summary>
    private const string AsAsked = @"ok|okay|o\.k\.?|alright|all right|fine|suitable|acceptable|what you (need|needed|want|wanted|were after|were looking for|had in mind|asked for|expected)"
        + @"|the (right|sort of|kind of) (length|format|thing)|the right sort of thing|(long|short) enough|(too long|too short)|along the (right )?lines( of what)? you (wanted|were after|had in mind)"
        + @"|works for you|(ok|okay|alright|fine|suitable|useful|of use) for (you|the (blog|website|newsletter)|your (blog|website|newsletter))";

    /// <summary>
    /// A sentence that only talks to the editors about the post (<see cref="NoteToEditorsPattern"/>), after "Please", "Just"
    /// or "Could you", with another such phrase after a comma, "or" or a dash, and thanks at its end.
    /// </summary>
    [GeneratedRegex(@"^(" + NoteLead + NoteToEditorsPattern + @")(\s*([,;:–—-]|\bor\b|\band\b|\bbut\b)+\s*" + NoteLead + NoteToEditorsPattern + @")*"
        + @"(\s*[,–—-]?\s*((many )?(thanks|thank you)( (so|very) much| again| in advance)?|cheers|(from me|at all|please|though|too|as well)))?[\W_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex NoteToEditorsSentence();

    /// <summary>What a note may open with: "Please", "Just", "Could you", "So", "Otherwise".</summary>
    private const string NoteLead = @"(((please|pls|just|do|and|so|but|again|anyway|otherwise|of course|obviously|(could|can|would|will) you( please)?)[\s,]+)*)";
}
