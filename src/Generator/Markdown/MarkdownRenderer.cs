using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PPNBlog.Generator.Markdown;

/// <summary>The one Markdig pipeline, configured once and shared by all threads (Markdig pipelines are immutable).</summary>
public static partial class MarkdownRenderer
{
    /// <summary>
    /// Tables, footnotes, figures, GitHub-style heading ids, media links (event recordings on YouTube/Vimeo become
    /// embeds), smart quotes and bare-URL links: what contributors write, nothing that runs code.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseFigures()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseMediaLinks()
        .UseSmartyPants()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    /// <summary>
    /// The most heading lines a body may have. Markdig gives a repeated heading the first free id of "-1", "-2"… by
    /// trying each in turn, so 20,000 equal headings took 9 s and a 2 MB body of them would take many minutes.
    /// </summary>
    public const int MaxHeadings = 2_000;

    /// <summary>
    /// The most bare web addresses (https://…, www.…, mailto:…, which Markdig makes links of) a body may have. Markdig
    /// checks each one against the inlines before it in its paragraph, so 30,000 took 8 s and a 2 MB body of them would
    /// take minutes; written as [text](address) or &lt;address&gt; they cost nothing.
    /// </summary>
    public const int MaxBareLinks = 2_000;

    /// <summary>
    /// Parses and renders <paramref name="markdown"/>, collecting its links and whether it holds raw HTML. Throws
    /// <see cref="InvalidOperationException"/> for a body Markdig cannot render in reasonable time or depth.
    /// </summary>
    public static MarkdownHtml Render(string markdown)
    {
        var writer = new StringWriter();
        var (links, rawHtmlLine) = RenderTo(markdown, writer);
        return new MarkdownHtml(writer.ToString().AsMemory(), links, rawHtmlLine);
    }

    /// <summary>
    /// <see cref="Render"/>, its HTML left in a buffer the calling thread keeps: valid only until the thread renders
    /// again, so it is for HTML processed at once. At 10,000 posts a string of each body's HTML was 400 MB more to
    /// allocate.
    /// </summary>
    public static MarkdownHtml RenderForThread(string markdown)
    {
        var writer = t_writer ??= new CharBufferWriter();
        writer.Clear();
        var (links, rawHtmlLine) = RenderTo(markdown, writer);
        return new MarkdownHtml(writer.Written, links, rawHtmlLine);
    }

    [ThreadStatic]
    private static CharBufferWriter? t_writer;

    private static (List<MarkdownLink> Links, int? RawHtmlLine) RenderTo(string markdown, TextWriter writer)
    {
        // Lines that may be headings (ATX, or a setext underline): an upper bound, counted only in bodies of enough lines.
        if (markdown.AsSpan().Count('\n') >= MaxHeadings && HeadingLine().Count(markdown) is var headings and > MaxHeadings)
            throw new InvalidOperationException($"it has {headings} heading lines; a body may have at most {MaxHeadings}");
        // Each bare address takes at least eight characters with the space before it, and holds one of these strings:
        // upper bounds, so most bodies are not searched at all.
        var span = markdown.AsSpan();
        if (span.Length > MaxBareLinks * 8 && span.Count("://") + span.Count("www.") + span.Count("mailto:") > MaxBareLinks
            && BareLink().Count(markdown) is var bare and > MaxBareLinks)
            throw new InvalidOperationException($"it has {bare} bare web addresses; a body may have at most {MaxBareLinks}, or write them as [text](address) links");
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var links = new List<MarkdownLink>();
        int? rawHtmlLine = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { Url: { } url } link:
                    links.Add(new MarkdownLink(url, link.IsImage, link.IsImage ? PlainText(link) : "", link.Line, link.Column));
                    break;
                case HtmlBlock or HtmlInline:
                    rawHtmlLine ??= node.Line;
                    break;
            }
        }
        // Markdig's own renderer cache: a renderer set up once per thread, not once per body.
        document.ToHtml(writer, Pipeline);
        return (links, rawHtmlLine);
    }

    private static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    [GeneratedRegex(@"^[ ]{0,3}(\#{1,6}(?:[ \t]|\r?$)|=+[ \t\r]*$|-+[ \t\r]*$)", RegexOptions.Multiline)]
    private static partial Regex HeadingLine();

    /// <summary>Where Markdig's autolink extension starts a link: after white space or *, _, ~ or ( (not a link's own "](").</summary>
    [GeneratedRegex(@"(?<=^|[\s*_~(])(?<!\]\()(?:https?://|ftp://|mailto:|www\.)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex BareLink();
}
