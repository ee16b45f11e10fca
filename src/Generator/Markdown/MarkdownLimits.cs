using System.Text.RegularExpressions;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Bodies Markdig would take minutes over, refused before it sees them: each check counts something whose cost grows
/// faster than the body in Markdig, with a cheap upper bound first so ordinary bodies are not searched at all. (Nesting
/// too deep is Markdig's own check.)
/// </summary>
public static partial class MarkdownLimits
{
    /// <summary>
    /// The most heading lines a body may have. Markdig gives a repeated heading the first free id of "-1", "-2"… by
    /// trying each in turn, so 20,000 equal headings took 9 s and a 2 MB body of them would take many minutes.
    /// </summary>
    public const int MaxHeadings = 2_000;

    /// <summary>
    /// The most bare addresses (https://…, www.…, mailto:…, tel:…, which Markdig makes links of) a body may have. Markdig
    /// checks each one against the inlines before it in its paragraph, so 30,000 took 8 s (30,000 "tel:" 18 s) and a 2 MB
    /// body of them would take minutes; written as [text](address) or &lt;address&gt; they cost nothing.
    /// </summary>
    public const int MaxBareLinks = 2_000;

    /// <summary>
    /// The most link reference definitions (<c>[label]: address</c> lines) a body may have: Markdig takes each out of
    /// the body's list of blocks by shifting the rest, so 60,000 took 3 s and more would take longer in the square.
    /// </summary>
    public const int MaxReferenceDefinitions = 2_000;

    /// <summary>
    /// The most list and quote markers (<c>- </c>, <c>* </c>, <c>+ </c>, <c>1. </c>, <c>&gt; </c>) one line may start with,
    /// each a list or quote inside the one before. Markdig refuses nesting past its own depth limit, but only after
    /// about 60 µs on each <c>- </c> or <c>* </c> marker of the line: 200,000 of them (400 KB) took 13 s, 2 MB a minute.
    /// </summary>
    public const int MaxMarkersOnALine = 100;

    /// <summary>
    /// The most characters Markdig may read again after openings it then finds unclosed. At each <c>](</c> it reads the
    /// link's address (with its balanced parentheses) and title to their end, which for a link never closed is the end
    /// of the paragraph, so <c>[a](</c> 80,000 times took 21 s, <c>[a]((x)</c> 30,000 times 6 s, and a 2 MB paragraph of
    /// them would take a quarter of an hour; at each <c>&lt;!--</c> it searches for <c>--&gt;</c> (150,000 unclosed:
    /// 2 s; 500,000: half a minute). <see cref="LinkScan"/> and <see cref="CommentScan"/> count what Markdig would
    /// read, stopping at blank lines and at this limit, a fraction of a second; an ordinary link or comment costs its
    /// own length.
    /// </summary>
    public const long MaxRescan = 200_000_000;

    /// <summary>Throws <see cref="InvalidOperationException"/> (saying what to change) for a body past any limit.</summary>
    public static void Check(string markdown)
    {
        var span = markdown.AsSpan();
        // Lines that may be headings (ATX, or a setext underline), counted only in bodies of enough lines.
        if (span.Count('\n') >= MaxHeadings && HeadingLine().Count(markdown) is var headings and > MaxHeadings)
            throw new InvalidOperationException($"it has {headings} heading lines; a body may have at most {MaxHeadings}");
        // Each bare address takes at least six characters with the space before it ("tel:1 "), and holds one of these
        // strings, each holding a colon or a full stop: those are counted first, as most bodies have far fewer.
        var colons = span.Length > Math.Min(MaxBareLinks, MaxReferenceDefinitions) * 6 ? span.Count(':') : 0;
        if (span.Length > MaxBareLinks * 6 && colons + span.Count('.') > MaxBareLinks
            && span.Count("://") + span.Count("www.") + span.Count("mailto:") + span.Count("tel:") > MaxBareLinks
            && BareLink().Count(markdown) is var bare and > MaxBareLinks)
            throw new InvalidOperationException($"it has {bare} bare web, email or phone addresses; a body may have at most {MaxBareLinks}, or write them as [text](address) links");
        // Each definition takes at least six characters ("[a]:b" and its line break), and holds a colon.
        if (span.Length > MaxReferenceDefinitions * 6 && colons > MaxReferenceDefinitions && span.Count("]:") > MaxReferenceDefinitions
            && ReferenceDefinition().Count(markdown) is var definitions and > MaxReferenceDefinitions)
            throw new InvalidOperationException(
                $"it has {definitions} link reference definitions ('[label]: address' lines); a body may have at most {MaxReferenceDefinitions}");
        // Each marker takes two characters with its space or tab; most bodies have far fewer list items in all.
        if (span.Length > MaxMarkersOnALine * 2 && MarkerCandidates(span) > MaxMarkersOnALine && MarkerRun().Match(markdown) is { Success: true } run)
            throw new MarkdownLimitException(
                $"a line starts with more than {MaxMarkersOnALine} list or quote markers ('- ', '* ', '> ', '1. '), each a list inside the one before; "
                + "start each list item on a line of its own", run.Index);
        // Markdig reads on from each opening at most to the end of the body, and a body of n characters has fewer than
        // n/2 openings: most bodies are too short to need counting.
        if ((long)span.Length * span.Length / 2 <= MaxRescan) return;
        if ((long)span.Count("](") * span.Length > MaxRescan && LinkScan(span) > MaxRescan)
            throw new InvalidOperationException(
                "it has so many links left without their ')' that Markdig cannot read it in reasonable time; " +
                "close each link's '(' with ')', or split long paragraphs with blank lines");
        if ((long)span.Count("<!--") * span.Length > MaxRescan && CommentScan(span) > MaxRescan)
            throw new InvalidOperationException(
                "it has so many HTML comments left without their '-->' that Markdig cannot read it in reasonable time; " +
                "close each '<!--' with '-->', or delete them");
    }

    /// <summary>
    /// Where a body that nests too deeply most likely does (a character offset): the start of its line holding the most
    /// of the characters that nest ('&gt;', '*', '_', '[', '&lt;', list markers), when one line holds hundreds. Null when
    /// no line stands out (then no place is named rather than a wrong one).
    /// </summary>
    public static int? MostNestedLine(string body)
    {
        var (best, bestCount, start) = (-1, 0, 0);
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            var count = 0;
            foreach (var c in line) if (NestingCharacters.Contains(c)) count++;
            if (count > bestCount) (best, bestCount) = (start, count);
            start += line.Length + 1;
        }
        return bestCount >= MaxMarkersOnALine ? best : null;
    }

    private static readonly System.Buffers.SearchValues<char> NestingCharacters = System.Buffers.SearchValues.Create(">*_[<-+");

    /// <summary>
    /// What Markdig reads after each <c>&lt;!--</c> of <paramref name="body"/>, in all: to the next <c>--&gt;</c>, at most
    /// to a blank line. Stops counting once past <see cref="MaxRescan"/>.
    /// </summary>
    private static long CommentScan(ReadOnlySpan<char> body)
    {
        var (total, closing, blank) = (0L, -1, -1);
        for (var at = body.IndexOf("<!--"); at >= 0 && total <= MaxRescan; at = NextAfter(body, "<!--", at))
        {
            // Openings come in order, so each search starts where the last one found its answer.
            if (closing < at) closing = body[at..].IndexOf("-->") is var c and >= 0 ? at + c : body.Length;
            if (blank < at) blank = NextBlankLine(body, at);
            total += Math.Min(closing, blank) - at;
        }
        return total;
    }

    /// <summary>
    /// What Markdig reads after each <c>](</c> of <paramref name="body"/>, in all: the address, to the <c>)</c> that
    /// balances its parentheses or to white space, then a title in quotes or parentheses, each at most to a blank line
    /// (which ends any paragraph). Stops counting once past <see cref="MaxRescan"/>.
    /// </summary>
    private static long LinkScan(ReadOnlySpan<char> body)
    {
        var total = 0L;
        for (var at = body.IndexOf("]("); at >= 0 && total <= MaxRescan; at = NextAfter(body, "](", at))
        {
            var end = at + 2;
            var depth = 1;
            while (end < body.Length && depth > 0 && !char.IsWhiteSpace(body[end]))
            {
                if (body[end] == '(') depth++;
                else if (body[end] == ')') depth--;
                end++;
            }
            if (depth > 0)
            {
                while (end < body.Length && char.IsWhiteSpace(body[end]) && !BlankLineAt(body, end)) end++;
                var open = end < body.Length ? body[end] : '\0';
                if (open is '"' or '\'' or '(')
                {
                    var close = open == '(' ? ')' : open;
                    for (end++; end < body.Length && body[end] != close && !BlankLineAt(body, end); end++) { }
                }
            }
            total += end - at;
        }
        return total;
    }

    /// <summary>
    /// How many times "- ", "* ", "-\t" or "*\t" occurs in <paramref name="body"/>: one pass over every body, not four.
    /// </summary>
    private static int MarkerCandidates(ReadOnlySpan<char> body)
    {
        var count = 0;
        for (var at = body.IndexOfAny('-', '*'); at >= 0 && at + 1 < body.Length; at = NextMarker(body, at))
            if (body[at + 1] is ' ' or '\t') count++;
        return count;

        static int NextMarker(ReadOnlySpan<char> body, int at) => body[(at + 1)..].IndexOfAny('-', '*') is var next and >= 0 ? at + 1 + next : -1;
    }

    /// <summary>Where <paramref name="value"/> next occurs after position <paramref name="at"/> (-1 when it does not).</summary>
    private static int NextAfter(ReadOnlySpan<char> body, string value, int at) =>
        body[(at + 1)..].IndexOf(value) is var next and >= 0 ? at + 1 + next : -1;

    /// <summary>Where the first blank line after <paramref name="from"/> begins (the end of the body when there is none).</summary>
    private static int NextBlankLine(ReadOnlySpan<char> body, int from)
    {
        for (var at = from; body[at..].IndexOf('\n') is var next and >= 0; at += next + 1)
            if (BlankLineAt(body, at + next)) return at + next;
        return body.Length;
    }

    /// <summary>True when a blank line starts at the line break at <paramref name="at"/>.</summary>
    private static bool BlankLineAt(ReadOnlySpan<char> body, int at) =>
        body[at] == '\n' && body[(at + 1)..].IndexOfAnyExcept(' ', '\t', '\r') is var next && (next < 0 || body[at + 1 + next] == '\n');

    [GeneratedRegex(@"^[ ]{0,3}(\#{1,6}(?:[ \t]|\r?$)|=+[ \t\r]*$|-+[ \t\r]*$)", RegexOptions.Multiline)]
    private static partial Regex HeadingLine();

    /// <summary>A line starting with more than <see cref="MaxMarkersOnALine"/> list or quote markers (a line of only spaced dashes or stars is a thematic break).</summary>
    [GeneratedRegex(@"^(?![ \t]*([-*])(?:[ \t]*\1)*[ \t]*\r?$)[ \t]*(?:(?:[-*+>]|[0-9]{1,9}[.)])[ \t]+){101}", RegexOptions.Multiline)]
    private static partial Regex MarkerRun();

    [GeneratedRegex(@"^[ ]{0,3}\[[^\]\n]+\]:", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    /// <summary>Where Markdig's autolink extension starts a link: after white space or *, _, ~ or ( (not a link's own "](").</summary>
    [GeneratedRegex(@"(?<=^|[\s*_~(])(?<!\]\()(?:https?://|ftp://|mailto:|tel:|www\.)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex BareLink();
}

/// <summary>A body past one of <see cref="MarkdownLimits"/>, with where it is (a character offset) when one place is to blame.</summary>
/// <param name="message">What is wrong and what to change.</param>
/// <param name="offset">Where in the body.</param>
public sealed class MarkdownLimitException(string message, int? offset = null) : InvalidOperationException(message)
{
    /// <summary>Where in the body the limit was passed, when one place is to blame.</summary>
    public int? Offset { get; } = offset;
}
