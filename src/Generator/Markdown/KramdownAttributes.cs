using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// kramdown's attribute lists on a line of their own (<c>{: .lead}</c>, <c>{:.note}</c>, <c>{:toc}</c>), which Jekyll
/// posts put after a paragraph to style it: Markdown reads them as the paragraph's last words. The line is left out,
/// as the site does not use the style, and the editor told.
/// </summary>
internal static partial class KramdownAttributes
{
    /// <summary>Whether <paramref name="literal"/> starts a paragraph's line that is a kramdown attribute list alone.</summary>
    public static bool StartsLine(LiteralInline literal, string markdown) =>
        literal.Content.Match("{:") && literal.PreviousSibling is null or LineBreakInline && literal.Parent?.ParentBlock is ParagraphBlock
        && AttributeLine().IsMatch(markdown.AsSpan(literal.Span.Start, LineEnd(markdown, literal.Span.Start) - literal.Span.Start));

    /// <summary>"{:" and the list to its "}" at the line's end; "{::" and "{:/" start and end kramdown's extensions (<c>{::comment}</c>), which are no attributes.</summary>
    [GeneratedRegex(@"^\{:[^:/}\n][^}\n]*\}[ \t]*\r?$")]
    private static partial Regex AttributeLine();

    private static int LineEnd(string markdown, int from) => markdown.IndexOf('\n', from) is var end and >= 0 ? end : markdown.Length;

    /// <summary>Takes the line <paramref name="first"/> starts out of its paragraph, with a line break beside it; a paragraph left empty goes too.</summary>
    public static void LeaveOut(LiteralInline first)
    {
        var paragraph = first.Parent!;
        var breakBefore = first.PreviousSibling as LineBreakInline;
        Inline? inline = first;
        while (inline is not null and not LineBreakInline)
        {
            var next = inline.NextSibling;
            inline.Remove();
            inline = next;
        }
        (breakBefore ?? inline)?.Remove();
        if (paragraph.FirstChild is null && paragraph.ParentBlock is { Parent: { } container } block) container.Remove(block);
    }

    /// <summary>The lines left out, told once where the first is, with how many more.</summary>
    public static BodyProblem Problem(List<LiteralInline> lines, string markdown)
    {
        var first = lines[0];
        var written = markdown[first.Span.Start..LineEnd(markdown, first.Span.Start)].TrimEnd();
        return new BodyProblem(DiagnosticCode.ForeignMarkupLeftOut, first.Line, first.Column,
            $"'{written}' is kramdown's markup, which the site does not use: the line is left out{(lines.Count > 1 ? $" (and {lines.Count - 1} more in this file)" : "")}",
            "Delete the line: the site shows every paragraph in its own style.");
    }
}
