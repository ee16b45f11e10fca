using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Quarto's cross-references (<c>@sec-method</c>, <c>@fig-chart</c>, <c>@Fig-chart</c> at a sentence's start), which
/// Markdown shows as written. One to a heading or picture the page names so (<c>## Method {#sec-method}</c>,
/// <c>![Rates by region](chart.png){#fig-chart}</c>) becomes a link there, its words the heading's or the picture's (Quarto
/// would write "Section 2" or "Figure 1", numbers the site does not show); one to nothing on the page is told and shown
/// as written. An email address (<c>jo@sec-x.org</c>), a web address and an @mention (<c>@nhsengland</c>) are no
/// cross-reference, nor is anything in code.
/// </summary>
internal static partial class CrossReferences
{
    /// <summary>The kinds Quarto cross-references by: sections, figures, tables, equations, listings, theorems and the like, callouts.</summary>
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "sec", "fig", "tbl", "eq", "lst", "thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr", "sol", "rem", "tip", "nte", "wrn", "imp", "cau",
    };

    /// <summary>Whether <paramref name="literal"/> may hold a cross-reference: the walk collects the runs of inlines these are in.</summary>
    public static bool MayHold(LiteralInline literal) => literal.Content.IndexOf('@') >= 0;

    /// <summary>What a cross-reference may lead to: the id the page gives it and the words a link to it shows.</summary>
    public sealed record Target(string Id, string Words);

    /// <summary>
    /// The headings and pictures named by an id written after them, by that id, the first where two share one: the id
    /// the page gave it (made unique) and its words (a picture's alt text, or "the figure").
    /// </summary>
    public static Dictionary<string, Target> Targets(List<HeadingBlock>? headings, List<LinkInline>? pictures, Func<ContainerInline, string> words)
    {
        var named = (headings ?? []).Where(h => PandocMarkup.WrittenId(h) is not null && h.Inline is not null)
            .Select(h => (h.Span.Start, Written: PandocMarkup.WrittenId(h)!, Id: h.GetAttributes().Id!, Words: words(h.Inline!)))
            .Concat((pictures ?? []).Select(p => (p.Span.Start, Written: InlineAttributes.WrittenId(p)!, Id: p.GetAttributes().Id!, Words: words(p) is { Length: > 0 } alt ? alt : "the figure")));
        var targets = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var (_, written, id, text) in named.OrderBy(n => n.Start)) targets.TryAdd(written, new Target(id, text.Length > 0 ? text : id));
        return targets;
    }

    /// <summary>
    /// Makes each cross-reference in <paramref name="runs"/> whose target is on the page a link to it (in a link, its
    /// words alone); those leading nowhere are told once each, where first written.
    /// </summary>
    public static IEnumerable<BodyProblem> Link(IEnumerable<ContainerInline> runs, Dictionary<string, Target> targets, string markdown)
    {
        var missing = new Dictionary<string, (int Offset, string Written, int Count)>(StringComparer.Ordinal);
        foreach (var run in runs.Distinct())
        {
            HashSet<Inline>? linked = null;
            var inLink = false;
            for (ContainerInline? up = run; up is not null; up = up.Parent) inLink |= up is LinkInline;
            for (var inline = run.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                if (inline is not LiteralInline literal || !MayHold(literal) || literal.Span.Length != literal.Content.Length) continue;
                // Read in place: after a reference, the rest of a long paragraph is one literal again.
                var text = literal.Content.AsSpan();
                for (var at = text.IndexOf('@'); at >= 0; at = text[(at + 1)..].IndexOf('@') is var next and >= 0 ? at + 1 + next : -1)
                {
                    var start = literal.Span.Start + at;
                    if (Reference().Match(markdown, start) is not { Success: true } reference
                        || !Kinds.Contains(reference.Groups["kind"].Value.ToLowerInvariant())) continue;
                    var label = $"{reference.Groups["kind"].Value.ToLowerInvariant()}-{reference.Groups["label"].Value}";
                    if (!targets.TryGetValue(label, out var target))
                    {
                        missing[label] = missing.TryGetValue(label, out var seen) ? seen with { Count = seen.Count + 1 } : (start, reference.Value, 1);
                        continue;
                    }
                    Inline shown = inLink ? new LiteralInline(target.Words) : LinkTo(target);
                    // Pandoc's "-@fig-rates" leaves out the word "Figure" Quarto would write before the number: the '-' goes too.
                    var from = at > 0 && text[at - 1] == '-' ? at - 1 : at;
                    if (!Replace(literal, from, start + reference.Length, shown)) continue;
                    (linked ??= []).Add(shown);
                    // What followed in the literal is a literal of its own after the link: read on there.
                    inline = shown;
                    break;
                }
            }
            if (linked is not null) Unbracket(run, linked);
        }
        var lines = new LineCounter(markdown);
        foreach (var (label, (offset, written, count)) in missing.OrderBy(m => m.Value.Offset))
        {
            var (line, column) = lines.Position(offset);
            yield return new BodyProblem(DiagnosticCode.CrossReferenceToNothing, line, column,
                $"'{written}' is Quarto's cross-reference, but nothing on this page is named '{label}': it is shown as written{(count > 1 ? $" (and {count - 1} more time{(count > 2 ? "s" : "")} in this file)" : "")}",
                $"Write '{{#{label}}}' after the heading or picture it refers to (## Method {{#sec-method}}, ![Rates by region](chart.png){{#fig-rates}}), or write words and a link instead: [the method](#sec-method).");
        }
    }

    /// <summary>
    /// Takes off the brackets of Pandoc's citation groups holding a cross-reference just linked: "[@fig-rates]",
    /// "[see @sec-method]", "[@fig-a; @fig-b]" are markup around references, which Quarto writes without them. A group
    /// holding anything but text and such references (a link, emphasis, code) keeps its brackets.
    /// </summary>
    private static void Unbracket(ContainerInline run, HashSet<Inline> linked)
    {
        for (var inline = run.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is not LiteralInline { Content: { Length: 1, CurrentChar: '[' } } open) continue;
            LiteralInline? closing = null;
            var references = 0;
            for (var next = open.NextSibling; next is not null; next = next.NextSibling)
            {
                if (linked.Contains(next))
                {
                    references++;
                    continue;
                }
                if (next is not LiteralInline text || text.Content.AsSpan().IndexOf('[') >= 0) break;
                if (text.Content.AsSpan().IndexOf(']') is not (>= 0 and var end)) continue;
                if (end == 0 && references > 0) closing = text;
                break;
            }
            if (closing is null) continue;
            // Read on after the group; the closing bracket's literal goes when it holds nothing else.
            inline = closing.Content.Length > 1 ? closing : closing.PreviousSibling!;
            open.Remove();
            InlineAttributes.Trim(closing, 1);
        }
    }

    /// <summary>A link to <paramref name="target"/> showing its words.</summary>
    private static LinkInline LinkTo(Target target)
    {
        var link = new LinkInline("#" + target.Id, "") { IsClosed = true };
        link.AppendChild(new LiteralInline(target.Words));
        return link;
    }

    /// <summary>
    /// Puts <paramref name="shown"/> in place of the text from <paramref name="index"/> of <paramref name="literal"/> to
    /// <paramref name="end"/> (a body offset), which may run on into the literals after it ("@sec-my_method": '_' is
    /// read apart). False, changing nothing, when it runs into an inline that is no text.
    /// </summary>
    private static bool Replace(LiteralInline literal, int index, int end, Inline shown)
    {
        var content = literal.Content;
        var start = literal.Span.Start + index;
        var literalEnd = literal.Span.Start + content.Length;
        var within = new List<LiteralInline>();
        for (var inline = literal.NextSibling; end > literalEnd && inline is not null && inline.Span.Start < end; inline = inline.NextSibling)
        {
            if (inline is not LiteralInline rest || rest.Span.Length != rest.Content.Length) return false;
            within.Add(rest);
        }
        if (end > literalEnd && (within.Count == 0 || within[^1].Span.End + 1 < end)) return false;
        foreach (var rest in within)
            if (rest.Span.End < end) rest.Remove();
            else InlineAttributes.Trim(rest, end - rest.Span.Start);
        var (line, column) = (literal.Line, literal.Column + index);
        shown.Line = line;
        shown.Column = column;
        shown.Span = new SourceSpan(start, end - 1);
        literal.InsertAfter(shown);
        if (end < literalEnd)
            shown.InsertAfter(new LiteralInline(new StringSlice(content.Text, content.Start + (end - literal.Span.Start), content.End))
            {
                Span = new SourceSpan(end, literal.Span.End), Line = line, Column = literal.Column + (end - literal.Span.Start),
            });
        if (index == 0) literal.Remove();
        else
        {
            literal.Content = new StringSlice(content.Text, content.Start, content.Start + index - 1);
            literal.Span = new SourceSpan(literal.Span.Start, start - 1);
        }
        return true;
    }

    /// <summary>
    /// '@', a kind, '-' and a label of letters, digits, '_' and inner '-', as Quarto writes a cross-reference; not after a
    /// letter, digit or '.', '+', '/', '@', '-' or '\' (an email address, a web address), except Pandoc's '-' after '[', a
    /// space or ';' ("[-@fig-rates]"), nor followed by more of an address (".org", "@host").
    /// </summary>
    [GeneratedRegex(@"\G(?:(?<![\w.+@/\\-])|(?<=(?:^|[\[\s;])-))@(?<kind>[a-z]+|[A-Z][a-z]+)-(?<label>[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)(?![\w-]|[.:@/]\w)")]
    private static partial Regex Reference();
}
