using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Links Markdown shows as written because their address holds a space ("[call us](tel:+44 20 7946 0000)",
/// "[the report](my report.pdf)"): readers see the brackets, and a phone number or web address in it may become a link
/// of its first part alone.
/// </summary>
internal static partial class LinksAsText
{
    /// <summary>What is wrong with the links of <paramref name="markdown"/> among <paramref name="brackets"/>, the '[' Markdig left as text.</summary>
    public static IEnumerable<BodyProblem> Problems(List<LiteralInline> brackets, string markdown)
    {
        var lines = new LineCounter(markdown);
        foreach (var bracket in brackets)
        {
            // One holding another generator's template tag ({{ "/a/" | url }}) is told as that (PPN027).
            if (WithSpacedAddress().Match(markdown, bracket.Span.Start) is not { Success: true } link
                || link.ValueSpan.Contains("{{", StringComparison.Ordinal) || link.ValueSpan.Contains("{%", StringComparison.Ordinal)) continue;
            var (line, column) = lines.Position(link.Index);
            yield return new BodyProblem(DiagnosticCode.LinkShownAsText, line, column,
                $"'{link.Value}' is shown as written, not as a link: its address holds a space");
        }
    }

    [GeneratedRegex(@"\G\[[^\[\]\n]*\]\((?![<])[^()\n]*?[ \t][^()\n]*?\)")]
    private static partial Regex WithSpacedAddress();
}
