using Markdig.Extensions.Footnotes;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Footnotes Markdig leaves out without a word: a second definition of a label (the first is shown), a definition
/// nothing refers to, and a reference to a label never defined, which readers see as written ("[^2]").
/// </summary>
internal static class Footnotes
{
    /// <summary>
    /// What is wrong with the footnotes of <paramref name="markdown"/>: <paramref name="definitions"/> are its footnote
    /// definitions in order, <paramref name="brackets"/> the '[' that Markdig left as text (a reference to no footnote is one).
    /// </summary>
    public static IEnumerable<BodyProblem> Problems(List<FootnoteLinkReferenceDefinition>? definitions, List<LiteralInline>? brackets, string markdown)
    {
        var defined = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = new LineCounter(markdown);
        foreach (var definition in definitions ?? [])
        {
            var label = definition.Label!;
            var (line, column) = lines.Position(definition.Span.Start);
            if (!defined.Add(label))
                yield return new BodyProblem(DiagnosticCode.FootnoteNotShown, line, column, $"footnote '[{label}]' is defined a second time here: only the first is shown",
                    "Give this note a label of its own and refer to it where it belongs, or delete it if it repeats the first.");
            else if (definition.Footnote.Order < 0)
                yield return new BodyProblem(DiagnosticCode.FootnoteNotShown, line, column, $"footnote '[{label}]' is never referred to, so it is not shown",
                    $"Refer to it where it belongs in the text ([{label}]), or delete it.");
        }
        // Told once per label where first written, with how many more: an editor defines or removes them in one go.
        var undefined = (brackets ?? []).Select(b => (At: b.Span.Start, Reference: ReferenceAt(markdown, b.Span.Start)))
            .Where(r => r.Reference is not null && !defined.Contains(r.Reference[1..^1]));
        foreach (var same in undefined.GroupBy(r => r.Reference!, StringComparer.OrdinalIgnoreCase))
        {
            // A note written where Markdown does not read one (indented inside a list item or a quote) is "[^2]:" left as text.
            var unread = same.Where(r => r.At + r.Reference!.Length < markdown.Length && markdown[r.At + r.Reference.Length] == ':').Select(r => (int?)r.At).FirstOrDefault();
            var references = same.Where(r => r.At != unread).ToList();
            var (line, column) = lines.Position(references.Count > 0 ? references[0].At : unread!.Value);
            var more = references.Count - 1;
            if (unread is not null)
                yield return new BodyProblem(DiagnosticCode.FootnoteNotShown, line, column,
                    $"'{same.Key}' is shown as written: its note ('{same.Key}:') is not read as one, being inside a list item or a quote{(more > 0 ? $" (and {more} more reference in this file)" : "")}",
                    $"Move '{same.Key}: …' to the start of a line of its own, outside any list or quote.");
            else
                yield return new BodyProblem(DiagnosticCode.FootnoteNotShown, line, column,
                    $"'{same.Key}' is shown as written: no footnote '{same.Key}' is defined{(more > 0 ? $" (and {more} more in this file)" : "")}",
                    $"Write its note on a line of its own after the text ({same.Key}: The source.), or remove the reference.");
        }
    }

    /// <summary>The footnote reference ("[^label]", a label without spaces) written at <paramref name="at"/>, or null.</summary>
    private static string? ReferenceAt(string markdown, int at)
    {
        if (!markdown.AsSpan(at).StartsWith("[^", StringComparison.Ordinal)) return null;
        var end = at + 2;
        while (end < markdown.Length && markdown[end] is not (']' or '[') && !char.IsWhiteSpace(markdown[end])) end++;
        return end > at + 2 && end < markdown.Length && markdown[end] == ']' ? markdown[at..(end + 1)] : null;
    }
}
