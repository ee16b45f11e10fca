using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Attribute lists that Pandoc, Quarto and markdown-it (Eleventy) read after an inline or a paragraph, and Markdig shows
/// as text: after a picture (<c>![Chart](chart.png){#fig-chart width=80%}</c>, <c>{fig-alt="…"}</c>), a link
/// (<c>{target="_blank"}</c>), code, emphasis or a bracketed span (<c>[these words]{.mark}</c>, whose brackets go too),
/// and at a paragraph's end (<c>Some words.{.font-alt-xs}</c>, or on a line of its own). Each is left out, its words
/// kept; a picture's id is kept as its id, so links and cross-references (<c>@fig-chart</c>) lead to it. No class or
/// other attribute reaches the page (a width in percent is no HTML width, and the page's alt text is the picture's
/// words). Only Pandoc's strict form is read (<c>#id</c>, <c>.class</c>, <c>key=value</c> with no space around '='), so
/// braces in prose stay words (<c>{dplyr}</c>, <c>{n = 12}</c>), as do those in math (<c>$x_{i=1}$</c>) and code.
/// </summary>
internal static partial class InlineAttributes
{
    /// <summary>What an attribute list was written after.</summary>
    public enum Place { Picture, Link, Code, Emphasis, Span, ParagraphEnd }

    /// <summary>
    /// An attribute list left out: as written, where (a body offset), after what, the picture's id and alt text kept
    /// from it (with the picture), and whether any of it was left out.
    /// </summary>
    public sealed record Found(string Written, int Offset, Place After, string? Id, bool LeftOut)
    {
        /// <summary>The alt text the list gave a picture written without words (<c>![](x.png){fig-alt="…"}</c>), or null.</summary>
        public string? Alt { get; init; }

        /// <summary>The picture the list named or described, or null.</summary>
        public LinkInline? Picture { get; init; }
    }

    /// <summary>Whether <paramref name="literal"/> may hold an attribute list (any brace): the walk collects these.</summary>
    public static bool MayHold(LiteralInline literal) => literal.Content.IndexOf('{') >= 0;

    /// <summary>
    /// Takes the attribute lists out of <paramref name="literals"/> (in document order), giving a picture its usable id;
    /// the pictures so named are added to <paramref name="pictures"/>. Null when there was none.
    /// </summary>
    public static List<Found>? LeaveOut(List<LiteralInline> literals, string markdown, ref List<LinkInline>? pictures)
    {
        List<Found>? found = null;
        var pending = new Queue<LiteralInline>(literals);
        while (pending.TryDequeue(out var literal))
        {
            // Taken out with an attribute list before it was reached ({fig-alt="a {b}"}), or no longer laid over its source.
            if (literal.Parent is null || literal.Span.Length != literal.Content.Length) continue;
            var text = literal.Content.AsSpan();
            for (var i = text.IndexOf('{'); i >= 0; i = text[(i + 1)..].IndexOf('{') is var next and >= 0 ? i + 1 + next : -1)
            {
                var start = literal.Span.Start + i;
                if (Attributes().Match(markdown, start) is not { Success: true } list || PlaceOf(literal, i, list, markdown) is not { } place) continue;
                if (!TakeOut(literal, i, start + list.Length, place, pending)) continue;
                string? id = null;
                string? alt = null;
                var picture = place.Inline is LinkInline { IsImage: true } image ? image : null;
                if (picture is not null && list.Groups["id"].Captures is [{ Value: var written }] && PandocMarkup.IsUsableId(written))
                {
                    id = written;
                    picture.GetAttributes().Id = id;
                    picture.SetData(typeof(InlineAttributes), id);
                    (pictures ??= []).Add(picture);
                }
                // Quarto's words for screen readers, for a picture written without any (its caption is empty): they are its alt text.
                if (picture is not null && picture.FirstChild is null && PandocMarkup.AttributeValue(new StringSlice(list.Value), "fig-alt", "alt") is { } words)
                {
                    alt = words;
                    picture.AppendChild(new LiteralInline(alt) { Line = picture.Line, Column = picture.Column });
                }
                var parts = list.Groups["id"].Captures.Count + list.Groups["class"].Captures.Count + list.Groups["key"].Captures.Count;
                var leftOut = parts > (id is null ? 0 : 1) + (alt is null ? 0 : 1);
                (found ??= []).Add(new Found(list.Value, start, place.After, id, leftOut) { Alt = alt, Picture = picture });
                break;
            }
        }
        return found;
    }

    /// <summary>What the list at <paramref name="index"/> of <paramref name="literal"/> follows, and the inline so (a span's '['), or null when it is words.</summary>
    private static (Place After, Inline? Inline)? PlaceOf(LiteralInline literal, int index, Match list, string markdown)
    {
        var start = literal.Span.Start + index;
        // Written straight after a picture, link, code or emphasis, as Pandoc reads it.
        if (index == 0 && literal.PreviousSibling is { } before && before.Span.End == start - 1)
        {
            Place? after = before switch
            {
                LinkInline { IsImage: true } => Place.Picture,
                LinkInline => Place.Link,
                CodeInline => Place.Code,
                EmphasisInline => Place.Emphasis,
                _ => null,
            };
            if (after is { } place) return (place, before);
        }
        // A bracketed span: "[" left as text before, its "]" just before the list.
        if (index > 0 && literal.Content.AsSpan()[index - 1] == ']' && OpeningBracket(literal) is { } bracket
            && markdown.AsSpan(bracket.Span.Start + 1, start - bracket.Span.Start - 2).IndexOfAny('[', ']') < 0) return (Place.Span, bracket);
        // The end of a paragraph, after its words or on a line of its own: a list naming an id or class, or with a quoted
        // value, as "{n=12}" may end a sentence. LaTeX's braces (\textbf{…}, x_{i=1}, x^{2}) and math between '$' are no lists.
        if (Inlines.BlockOf(literal) is ParagraphBlock paragraph && literal.Parent?.Parent is null
            && markdown.AsSpan(start + list.Length, Math.Max(0, Math.Min(paragraph.Span.End + 1, markdown.Length) - start - list.Length)).IsWhiteSpace()
            && (list.Groups["id"].Success || list.Groups["class"].Success || list.Groups["quoted"].Success)
            && !IsLatex(markdown, start) && !InMath(markdown, paragraph.Span.Start, start))
            return (Place.ParagraphEnd, null);
        return null;
    }

    /// <summary>The '[' Markdig left as text before <paramref name="literal"/> in its run of inlines, nearest first.</summary>
    private static LiteralInline? OpeningBracket(LiteralInline literal)
    {
        for (var inline = literal.PreviousSibling; inline is not null; inline = inline.PreviousSibling)
            if (inline is LiteralInline { Content: { Length: 1, CurrentChar: '[' } } bracket) return bracket;
        return null;
    }

    /// <summary>Whether the brace at <paramref name="offset"/> is LaTeX's: a command's argument (\\textbf{…}), a subscript's or a superscript's (x_{i}, x^{2}).</summary>
    private static bool IsLatex(string markdown, int offset)
    {
        if (offset > 0 && markdown[offset - 1] is '\\' or '_' or '^') return true;
        var letters = offset;
        while (letters > 0 && char.IsAsciiLetter(markdown[letters - 1])) letters--;
        return letters < offset && letters > 0 && markdown[letters - 1] == '\\';
    }

    /// <summary>Whether <paramref name="offset"/> is between '$' signs opened since <paramref name="from"/> (an escaped '\$' is none).</summary>
    private static bool InMath(string markdown, int from, int offset)
    {
        var signs = 0;
        for (var i = markdown.IndexOf('$', from, offset - from); i >= 0; i = i + 1 < offset ? markdown.IndexOf('$', i + 1, offset - i - 1) : -1)
            if (i == 0 || markdown[i - 1] != '\\') signs++;
        return signs % 2 == 1;
    }

    /// <summary>
    /// Takes the text from <paramref name="index"/> of <paramref name="literal"/> to <paramref name="end"/> (a body offset)
    /// out of the inlines, with a span's brackets or, at a paragraph's end, the spaces or line break before it; what
    /// follows in the literal becomes a literal of its own, queued to be read. False, changing nothing, when an inline
    /// it runs into is not all within it and is no text.
    /// </summary>
    private static bool TakeOut(LiteralInline literal, int index, int end, (Place After, Inline? Inline) place, Queue<LiteralInline> pending)
    {
        var content = literal.Content;
        var literalEnd = literal.Span.Start + content.Length;
        var within = new List<Inline>();
        LiteralInline? cut = null;
        if (end > literalEnd)
            for (var inline = literal.NextSibling; inline is not null && inline.Span.Start < end; inline = inline.NextSibling)
            {
                if (inline.Span.End < end) within.Add(inline);
                else if (inline is LiteralInline rest && rest.Span.Length == rest.Content.Length) cut = rest;
                else return false;
                if (cut is not null) break;
            }
        if (end > literalEnd && cut is null && (within.Count == 0 || within[^1].Span.End + 1 < end)) return false;

        foreach (var inline in within) inline.Remove();
        if (cut is not null) Trim(cut, end - cut.Span.Start);
        else if (end < literalEnd)
        {
            var after = new LiteralInline(new StringSlice(content.Text, content.Start + (end - literal.Span.Start), content.End))
            {
                Span = new SourceSpan(end, literal.Span.End), Line = literal.Line, Column = literal.Column + (end - literal.Span.Start),
            };
            literal.InsertAfter(after);
            pending.Enqueue(after);
        }
        var kept = index;
        if (place.After == Place.Span)
        {
            kept--;
            place.Inline!.Remove();
        }
        if (place.After == Place.ParagraphEnd) while (kept > 0 && char.IsWhiteSpace(content[content.Start + kept - 1])) kept--;
        var paragraph = literal.Parent!;
        if (kept > 0)
        {
            literal.Content = new StringSlice(content.Text, content.Start, content.Start + kept - 1);
            literal.Span = new SourceSpan(literal.Span.Start, literal.Span.Start + kept - 1);
            return true;
        }
        var breakBefore = place.After == Place.ParagraphEnd ? literal.PreviousSibling as LineBreakInline : null;
        literal.Remove();
        breakBefore?.Remove();
        if (paragraph.FirstChild is null && paragraph.ParentBlock is { Parent: { } container } block) container.Remove(block);
        return true;
    }

    /// <summary>The id written after <paramref name="picture"/> (<c>{#fig-chart}</c>) that names it, or null.</summary>
    public static string? WrittenId(LinkInline picture) => picture.GetData(typeof(InlineAttributes)) as string;

    /// <summary>Takes the first <paramref name="count"/> characters off <paramref name="literal"/>; it goes when none are left.</summary>
    public static void Trim(LiteralInline literal, int count)
    {
        if (count >= literal.Content.Length)
        {
            literal.Remove();
            return;
        }
        literal.Content = new StringSlice(literal.Content.Text, literal.Content.Start + count, literal.Content.End);
        literal.Span = new SourceSpan(literal.Span.Start + count, literal.Span.End);
        literal.Column += count;
    }

    /// <summary>
    /// Pandoc's attribute list on one line: '{', then ids (#name), classes (.name) and key=value pairs (the value bare or
    /// quoted, no space around '='), parted by spaces, then '}'.
    /// </summary>
    [GeneratedRegex("""
        \G\{[ \t]*
        (?:(?:\#(?<id>[\w:.-]+) | \.(?<class>-?[A-Za-z_][\w-]*) | (?<key>[A-Za-z_][\w:.-]*)=(?:(?<quoted>"[^"\n]*"|'[^'\n]*')|[^\s"'{}]+))(?:[ \t]+|(?=\})))+
        \}
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Attributes();

    /// <summary>The lists left out, told once where the first is written, with how many more; null when each only named a picture.</summary>
    public static BodyProblem? Problem(List<Found> found, string markdown)
    {
        var leftOut = found.Where(f => f.LeftOut).ToList();
        if (leftOut is not [var first, ..]) return null;
        var (line, column) = new LineCounter(markdown).Position(first.Offset);
        var after = first.After switch
        {
            Place.Picture => "after the picture",
            Place.Link => "after the link",
            Place.Code => "after the code",
            Place.Emphasis => "after the emphasised words",
            Place.Span => "after the words in brackets (Pandoc's span)",
            _ => "at the end of the paragraph",
        };
        var more = leftOut.Count > 1 ? $" (and {leftOut.Count - 1} more in this file)" : "";
        string[] kept = [.. first.Id is { } id ? [$"its '#{id}' names the picture"] : Array.Empty<string>(),
            .. first.Alt is not null ? ["its alt text is the picture's words for screen readers"] : Array.Empty<string>()];
        return new BodyProblem(DiagnosticCode.ForeignMarkupLeftOut, line, column,
            kept.Length > 0
                ? $"'{first.Written}' {after} is Pandoc's markup: {string.Join(" and ", kept)}, and the rest, which the site does not use, is left out{more}"
                : $"'{first.Written}' {after} is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out{(first.After == Place.Span ? ", with the brackets" : "")}{more}",
            "Delete it: the site shows every post in its own style. After a picture, '{#fig-name}' alone names it for links such as [the chart](#fig-name).");
    }
}
