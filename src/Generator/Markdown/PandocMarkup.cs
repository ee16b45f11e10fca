using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.GenericAttributes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Markup that Pandoc and Quarto write (posts moved over from Quarto blogs hold it), read so that none of it is shown
/// as text: a fenced div (<c>:::{.callout-tip}</c> … <c>:::</c>), whose blocks are shown as ordinary ones, and attributes
/// after a heading (<c>## Method {#sec-method}</c>), whose id names the heading's section as links to it are written,
/// and raw blocks (<c>```{=html}</c>), published as raw HTML or, for another output, left out.
/// Classes and other attributes are left out, with a warning: a post's class could take the theme's look
/// (<c>nhsuk-u-visually-hidden</c> hides words) and an attribute could run script (<c>onclick</c>). Markdig's generic
/// attributes are not used: they read <c>{dplyr}</c> or <c>{TBC}</c> in any sentence as attributes and drop the words.
/// </summary>
public sealed partial class PandocMarkup : IMarkdownExtension
{
    /// <summary>Adds Markdig's fenced container parser, opening only on Pandoc's fences, and reads attributes after headings.</summary>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Markdig's own custom containers would also read "::words::" in a sentence as an inline container: only its block is used.
        if (!pipeline.BlockParsers.Contains<CustomContainerParser>()) pipeline.BlockParsers.Insert(0, new CustomContainerParser { InfoParser = OpensFencedDiv });
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings) headings.TryParseAttributes = TakeHeadingAttributes;
        if (pipeline.BlockParsers.Find<FencedCodeBlockParser>() is { } fences)
        {
            fences.Closed += ReadRawBlock;
            fences.Closed += NameChunkLanguage;
        }
    }

    /// <summary>Writes a fenced div's blocks in a plain div the HTML stage knows (<see cref="Html.BodyEdits.FencedDivClass"/>).</summary>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<FencedDivRenderer>()) html.ObjectRenderers.Insert(0, new FencedDivRenderer());
    }

    /// <summary>
    /// Whether a line of colons opens a fenced div as Pandoc reads one: its attributes in braces or one class word, then
    /// perhaps more colons. A line of colons alone only closes one; one followed by a sentence is a sentence.
    /// </summary>
    private static bool OpensFencedDiv(BlockProcessor processor, ref StringSlice line, IFencedBlock fenced, char fence)
    {
        if (!FencedDivOpening().IsMatch(line.AsSpan().Trim())) return false;
        // The line as written, from its fence, for the warning: the line is given from after the fence and its spaces.
        var start = line.Start;
        while (start > 0 && line.Text[start - 1] is ' ' or '\t') start--;
        while (start > 0 && line.Text[start - 1] == fence) start--;
        fenced.Info = line.Text[start..(line.End + 1)].TrimEnd();
        return true;
    }

    [GeneratedRegex(@"^(?:\{[^{}\n]*\}|[\w-]+)[ \t]*:*$")]
    private static partial Regex FencedDivOpening();

    /// <summary>The title a fenced div gives in its attributes (Quarto's <c>title="Read this first"</c>), or null.</summary>
    internal static string? TitleOf(CustomContainer div)
    {
        var opening = div.Info.AsSpan();
        var brace = opening.IndexOf('{');
        if (brace < 0) return null;
        return AttributeValue(new StringSlice(div.Info, brace, opening.LastIndexOf('}')), "title");
    }

    /// <summary>
    /// The value an attribute list (<c>{#id .class key="value"}</c>, as Markdig reads one) gives the first of
    /// <paramref name="keys"/> it holds with words, trimmed; null when none does.
    /// </summary>
    internal static string? AttributeValue(StringSlice list, params ReadOnlySpan<string> keys)
    {
        if (!GenericAttributesParser.TryParse(ref list, out var parsed) || parsed.Properties is not { } properties) return null;
        foreach (var key in keys)
            if (properties.FirstOrDefault(p => p.Key == key).Value?.Trim() is { Length: > 0 } value) return value;
        return null;
    }

    /// <summary>
    /// Pandoc's raw blocks, code fences whose info is <c>{=format}</c>: one of HTML (<c>```{=html}</c>, as Quarto writes
    /// widgets and comments) is raw HTML, published and checked as raw HTML written in the post is; one for another
    /// output (<c>{=latex}</c>, <c>{=openxml}</c>) is left out, as Pandoc leaves it out of a web page, and the
    /// document remembers where (<see cref="RawBlocksLeftOut"/>). Before, both were shown as code.
    /// </summary>
    private static void ReadRawBlock(BlockProcessor processor, Block block)
    {
        // One never closed runs to the end of the post, as code: read as raw HTML, the rest would lose its Markdown.
        if (block is not FencedCodeBlock { Info: { } info, Parent: { } parent, ClosingFencedCharCount: > 0 } code
            || RawFormat().Match(info) is not { Success: true } raw) return;
        var lines = code.Lines;
        var html = raw.Groups["format"].Value is "html" or "html4" or "html5";
        if (html && lines.Count > 0)
        {
            var (first, last) = (lines.Lines[0], lines.Lines[lines.Count - 1]);
            parent[parent.IndexOf(code)] = new HtmlBlock(null)
            {
                Type = HtmlBlockType.NonInterruptingBlock,
                Lines = lines,
                Line = first.Line,
                Column = first.Column,
                Span = new SourceSpan(first.Slice.Start, last.Slice.End),
            };
            return;
        }
        parent.Remove(code);
        if (html) return;
        if (processor.Document.GetData(typeof(RawBlocksLeftOut)) is not RawBlocksLeftOut leftOut)
            processor.Document.SetData(typeof(RawBlocksLeftOut), leftOut = new RawBlocksLeftOut([]));
        leftOut.Blocks.Add((info, code.Line, code.Column));
    }

    /// <summary>
    /// Names the language of a code chunk as R Markdown and Quarto write one (<c>```{r}</c>, <c>```{python, echo=FALSE}</c>,
    /// its engine first) or of a code block given Pandoc's attributes (<c>```{.r .numberLines}</c>, its first class): the
    /// code is marked <c>language-r</c>, as a plain <c>```r</c> block is, where Markdig read the opening's first word as
    /// the language (<c>language-{r</c>). The chunk's options, which say how to run it, are not shown.
    /// </summary>
    private static void NameChunkLanguage(BlockProcessor processor, Block block)
    {
        if (block is not FencedCodeBlock { Info: ['{', not '=', ..] info } code) return;
        var opening = string.IsNullOrEmpty(code.Arguments) ? info : $"{info} {code.Arguments}";
        if (ChunkOpening().Match(opening) is not { Success: true } chunk) return;
        var attributes = code.GetAttributes();
        attributes.Classes?.Remove(LanguagePrefix + info);
        var language = chunk.Groups["engine"] is { Success: true } engine ? engine.Value : FirstClass().Match(chunk.Groups["attributes"].Value).Groups["class"].Value;
        if (language.Length > 0) attributes.AddClass(LanguagePrefix + language.ToLowerInvariant());
    }

    /// <summary>What Markdig's code blocks put before their language to make its class.</summary>
    private const string LanguagePrefix = "language-";

    /// <summary>A chunk's opening (<c>{r label, echo=FALSE}</c>) or Pandoc's attributes in braces (<c>{#id .r}</c>).</summary>
    [GeneratedRegex(@"^\{(?:(?<engine>[A-Za-z][\w+-]*)(?:[\s,].*)?|(?<attributes>[^{}]*))\}$")]
    private static partial Regex ChunkOpening();

    /// <summary>The first class of an attribute list: <c>.r</c> of <c>{#id .r .numberLines}</c>.</summary>
    [GeneratedRegex(@"(?:^|\s)\.(?<class>[A-Za-z][\w+-]*)")]
    private static partial Regex FirstClass();

    /// <summary>A raw block's info: <c>{=html}</c>, <c>{=latex}</c>.</summary>
    [GeneratedRegex(@"^\{=(?<format>[A-Za-z0-9_+-]+)\}$")]
    private static partial Regex RawFormat();

    /// <summary>Raw blocks for another output than a web page, left out of the document: their info, line and column.</summary>
    private sealed record RawBlocksLeftOut(List<(string Info, int Line, int Column)> Blocks);

    /// <summary>A fenced div's blocks in a div the HTML stage knows, after its title (as bold words) when it gives one.</summary>
    private sealed class FencedDivRenderer : HtmlObjectRenderer<CustomContainer>
    {
        protected override void Write(HtmlRenderer renderer, CustomContainer div)
        {
            renderer.EnsureLine();
            renderer.Write("<div class=\"").Write(Html.BodyEdits.FencedDivClass).WriteLine("\">");
            if (TitleOf(div) is { } title) renderer.Write("<p><strong>").WriteEscape(title).WriteLine("</strong></p>");
            renderer.WriteChildren(div);
            renderer.WriteLine("</div>");
        }
    }

    /// <summary>
    /// Takes Pandoc's attributes off the end of a heading's line (<c>{#sec-method}</c>, <c>{.unnumbered}</c>,
    /// <c>{#intro .appendix}</c>), read by Markdig's attribute parser; a usable id becomes the heading's. Braces that are
    /// no attribute list stay words: <c>{1, 2}</c>, and <c>{dplyr}</c>, as a bare word is none in Pandoc.
    /// </summary>
    private static bool TakeHeadingAttributes(BlockProcessor processor, ref StringSlice line, IBlock block)
    {
        var text = line.AsSpan().TrimEnd();
        var open = text.LastIndexOf('{');
        if (text.Length == 0 || text[^1] != '}' || open < 1 || !char.IsWhiteSpace(text[open - 1])) return false;
        var attributes = new StringSlice(line.Text, line.Start + open, line.Start + text.Length - 1);
        if (!GenericAttributesParser.TryParse(ref attributes, out var parsed) || !attributes.IsEmpty
            || parsed.Properties?.Exists(p => p.Value is null) == true) return false;
        var id = parsed.Id is { } written && UsableId().IsMatch(written) ? written : null;
        var heading = (HeadingBlock)block;
        heading.SetData(typeof(HeadingAttributes), new HeadingAttributes(text[open..].ToString(), line.Start + open, id,
            LeftOut: parsed.Classes is { Count: > 0 } || parsed.Properties is { Count: > 0 } || (parsed.Id is not null && id is null)));
        // Markdig names only a heading without an id: the written one is made unique on the page after parsing (NameWrittenIds).
        if (id is not null) heading.GetAttributes().Id = id;
        line.End = line.Start + open - 1;
        line.TrimEnd();
        return true;
    }

    /// <summary>An id the page can hold as written and a link can name: no space, quote or character a footnote's id has (':').</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex UsableId();

    /// <summary>Whether <paramref name="id"/>, written in an attribute list, is one the page can hold and a link can name.</summary>
    public static bool IsUsableId(string id) => UsableId().IsMatch(id);

    /// <summary>The attributes written after a heading, where written (an offset in the body), and the id taken from them.</summary>
    private sealed record HeadingAttributes(string Written, int Offset, string? Id, bool LeftOut);

    /// <summary>The id written after <paramref name="heading"/> (<c>{#sec-method}</c>) that names it, or null.</summary>
    public static string? WrittenId(HeadingBlock heading) => (heading.GetData(typeof(HeadingAttributes)) as HeadingAttributes)?.Id;

    /// <summary>What was left out of raw blocks, headings' attributes and fenced divs, told once each, where first written, with how many more.</summary>
    public static IEnumerable<BodyProblem> Problems(MarkdownDocument document, List<HeadingBlock>? headings, List<CustomContainer>? fencedDivs, string markdown)
    {
        if (document.GetData(typeof(RawBlocksLeftOut)) is RawBlocksLeftOut { Blocks: [var (info, rawLine, rawColumn), ..] blocks })
            yield return new BodyProblem(DiagnosticCode.ForeignMarkupLeftOut, rawLine, rawColumn,
                $"the '```{info}' block is Pandoc's raw markup for another output than a web page: it is left out{More(blocks.Count - 1)}",
                "Delete the block, or write what it shows in Markdown (or in HTML, as a '```{=html}' block).");
        var leftOut = headings?.Select(h => (Heading: h, Attributes: h.GetData(typeof(HeadingAttributes)) as HeadingAttributes))
            .Where(h => h.Attributes is { LeftOut: true }).ToList();
        if (leftOut is [var (heading, attributes), ..])
        {
            var column = attributes!.Offset - markdown.LastIndexOf('\n', attributes.Offset) - 1;
            yield return new BodyProblem(DiagnosticCode.ForeignMarkupLeftOut, heading.Line, column,
                (attributes.Id is { } id
                    ? $"the heading's '{attributes.Written}' is Pandoc's markup: its '#{id}' names the section, and the rest, which the site does not use, is left out"
                    : $"the heading's '{attributes.Written}' is Pandoc's markup, which the site does not use: it is left out")
                + More(leftOut.Count - 1),
                "Delete it, or keep only '{#name}' (letters, digits and hyphens), which names the section for links such as [the method](#name).");
        }
        // Its Info is its opening line as written (OpensFencedDiv).
        if (fencedDivs is [{ Info: { } opening } first, ..])
        {
            var (what, shown) = opening.Contains("callout", StringComparison.Ordinal)
                ? ($"Quarto's callout '{opening}'", "is not shown as a callout")
                : ($"the fenced div '{opening}' (Pandoc's and Quarto's markup for a styled block)", "is left out");
            yield return new BodyProblem(DiagnosticCode.ForeignMarkupLeftOut, first.Line, first.Column,
                $"{what} {shown}: its text is shown as ordinary paragraphs{More(fencedDivs.Count - 1)}",
                "Delete its ':::' lines (the text between them stays); to make a note stand out, start it with a heading or bold words.");
        }
    }

    private static string More(int more) => more > 0 ? $" (and {more} more in this file)" : "";
}
