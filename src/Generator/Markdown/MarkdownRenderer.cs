using System.Runtime.InteropServices;
using Markdig;
using Markdig.Helpers;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.MediaLinks;
using Markdig.Extensions.SmartyPants;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>The one Markdig pipeline, configured once and shared by all threads (Markdig pipelines are immutable).</summary>
public static partial class MarkdownRenderer
{
    /// <summary>The players the site embeds (declared first: the pipeline below is made from it).</summary>
    private static readonly MediaOptions Embeds = EmbedOptions();

    /// <summary>
    /// Tables, footnotes, figures, GitHub-style heading ids, media links (event recordings on YouTube/Vimeo become
    /// embeds), smart quotes, bare-URL links (BareUrlLinks) and strikethrough: what contributors write, nothing that runs code. Pandoc's
    /// and Quarto's fenced divs and heading attributes are read so as not to be shown as text (PandocMarkup).
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseFigures()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseMediaLinks(Embeds)
        .UseSmartyPants()
        .Use<BareUrlLinks>()
        // ~~Struck out~~ and a superscript as Pandoc and Quarto write it ("area^1^"), one without spaces: Markdig's other
        // extras read ordinary prose as markup ("5~10 people" as a subscript, "a==b" as highlighted, "C++ and C++" as
        // inserted), and "2^3 to 4^5" is text again after parsing. <sub> and <mark> are written as HTML.
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Superscript)
        .Use<LetterLists>()
        .Use<PandocMarkup>()
        .Build();

    /// <summary>
    /// Media links with players from YouTube and Vimeo only, the embeds the site allows (<see cref="Html.BodyEdits.EmbedHosts"/>):
    /// Markdig would also embed Yandex's and Odnoklassniki's, third-party frames the sanitiser refuses in raw HTML. Its
    /// own providers know www.youtube.com and vimeo.com; these also know the addresses people share from phones and
    /// players (youtube.com, m.youtube.com, /shorts/, /live/, youtube-nocookie.com, www.vimeo.com, player.vimeo.com),
    /// each written as the one player address Markdig's would give.
    /// </summary>
    private static MediaOptions EmbedOptions()
    {
        var options = new MediaOptions();
        options.Hosts.Clear();
        foreach (var host in new[] { "www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be" })
            options.Hosts.Add(HostProviderBuilder.Create(host, YouTubePlayer, iframeClass: "youtube"));
        options.Hosts.Add(HostProviderBuilder.Create("www.youtube-nocookie.com",
            uri => YouTubePlayer(uri)?.Replace("www.youtube.com", "www.youtube-nocookie.com", StringComparison.Ordinal), iframeClass: "youtube"));
        foreach (var host in new[] { "vimeo.com", "www.vimeo.com", "player.vimeo.com" })
            options.Hosts.Add(HostProviderBuilder.Create(host, VimeoPlayer, iframeClass: "vimeo"));
        return options;
    }

    /// <summary>The player address of a YouTube video's address (a page, a short link, a Short, a live stream, a player), or null.</summary>
    private static string? YouTubePlayer(Uri uri)
    {
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        string? Parameter(string name) => query.FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
        var id = uri.Host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase) ? path.TrimStart('/')
            : path.Equals("/watch", StringComparison.OrdinalIgnoreCase) ? Parameter("v")
            : path.StartsWith("/shorts/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/live/", StringComparison.OrdinalIgnoreCase)
              || path.StartsWith("/embed/", StringComparison.OrdinalIgnoreCase) ? path[(path.LastIndexOf('/') + 1)..]
            : null;
        if (id is null || !VideoId().IsMatch(id)) return null;
        var start = Parameter("t") ?? Parameter("start");
        return $"https://www.youtube.com/embed/{id}" + (start is not null && StartTime().IsMatch(start) ? "?start=" + start : "");
    }

    /// <summary>The player address of a Vimeo video's address (its page or its player), or null.</summary>
    private static string? VimeoPlayer(Uri uri) =>
        uri.AbsolutePath.TrimEnd('/').Split('/')[^1] is var id && id.Length > 0 && id.All(char.IsAsciiDigit) ? $"https://player.vimeo.com/video/{id}" : null;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{6,32}$")]
    private static partial System.Text.RegularExpressions.Regex VideoId();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{1,6}s?$")]
    private static partial System.Text.RegularExpressions.Regex StartTime();

    /// <summary>
    /// Parses and renders <paramref name="markdown"/>, collecting its links and whether it holds raw HTML. Throws
    /// <see cref="InvalidOperationException"/> for a body Markdig cannot render in reasonable time or depth.
    /// </summary>
    public static MarkdownHtml Render(string markdown)
    {
        var parsed = Parse(markdown);
        var writer = new StringWriter();
        parsed.Document!.ToHtml(writer, Pipeline);
        return parsed with { Html = writer.ToString().AsMemory(), Document = null };
    }

    /// <summary>
    /// Markdig's HTML of <paramref name="document"/>, left in a buffer the calling thread keeps: valid only until the
    /// thread writes again, so it is for HTML processed at once. At 10,000 posts a string of each body's HTML was 400 MB
    /// more to allocate.
    /// </summary>
    public static ReadOnlyMemory<char> HtmlForThread(MarkdownDocument document)
    {
        var writer = t_writer ??= new CharBufferWriter();
        writer.Clear();
        // Markdig's own renderer cache: a renderer set up once per thread, not once per body.
        document.ToHtml(writer, Pipeline);
        return writer.Written;
    }

    [ThreadStatic]
    private static CharBufferWriter? t_writer;

    /// <summary>
    /// <see cref="Render"/> without Markdig's HTML: the tree is kept instead (<see cref="MarkdownHtml.Document"/>), for the
    /// HTML stage to write (<see cref="Html.HtmlPostProcessor"/>) or to have Markdig write (<see cref="HtmlForThread"/>).
    /// </summary>
    public static MarkdownHtml Parse(string markdown)
    {
        MarkdownLimits.Check(markdown);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var links = new List<MarkdownLink>();
        List<BodyProblem>? problems = null;
        List<HtmlBlock>? htmlBlocks = null;
        List<FootnoteLinkReferenceDefinition>? footnotes = null;
        List<LiteralInline>? brackets = null;
        int? rawHtmlLine = null;
        List<HtmlInline>? rawHtml = null;
        List<HeadingBlock>? headings = null;
        List<LinkInline>? playersInLinks = null;
        List<FootnoteLink>? referencesWithWords = null;
        List<EmphasisInline>? spacedSuperscripts = null;
        TemplateTag? templateTag = null;
        List<CustomContainer>? fencedDivs = null;
        List<LiteralInline>? kramdownLines = null;
        List<LiteralInline>? braces = null;
        List<LinkInline>? namedPictures = null;
        List<ContainerInline>? crossReferenceRuns = null;
        foreach (var node in document.Descendants())
        {
            // Besides what the literal is taken for below: its run of inlines is read for cross-references once ids are given.
            if (node is LiteralInline { Parent: { } run } mention && CrossReferences.MayHold(mention)) (crossReferenceRuns ??= []).Add(run);
            switch (node)
            {
                case LiteralInline { Content: { Length: 1, CurrentChar: '[' } } bracket:
                    (brackets ??= []).Add(bracket);
                    break;
                case FootnoteLinkReferenceDefinition footnote:
                    (footnotes ??= []).Add(footnote);
                    break;
                // "[Smith et al., 2020][^1]" is read as a link to the note labelled "^1", its words replaced by the note's number.
                case FootnoteLink { IsBackLink: false } reference when !markdown.AsSpan(reference.Span.Start).StartsWith("[^", StringComparison.Ordinal):
                    (referencesWithWords ??= []).Add(reference);
                    break;
                case LiteralInline literal when TemplateTagIn(literal) is { } tag:
                    templateTag = templateTag is null ? tag : templateTag with { Count = templateTag.Count + tag.Count };
                    break;
                case LiteralInline literal when KramdownAttributes.StartsLine(literal, markdown):
                    (kramdownLines ??= []).Add(literal);
                    break;
                case LiteralInline literal when InlineAttributes.MayHold(literal):
                    (braces ??= []).Add(literal);
                    break;
                case CustomContainer fencedDiv:
                    (fencedDivs ??= []).Add(fencedDiv);
                    break;
                case HeadingBlock heading:
                    // Before the walk reaches its text (a block comes before its inlines): the links in it are told where written.
                    if (heading.IsSetext) PlaceSetextText(heading, markdown);
                    (headings ??= []).Add(heading);
                    break;
                case LinkInline { Url: { } url, IsImage: true } image:
                    var alt = PlainText(image);
                    if (IsEmbed(url))
                    {
                        // A recording's player is named by the alt text written for it, so players on one page differ.
                        if (alt.Length > 0) image.GetAttributes().AddPropertyIfNotExist("title", alt);
                        // A player cannot be inside a link (a link's content may not be interactive): there, it is its alt text.
                        if (image.Parent is LinkInline { IsImage: false }) (playersInLinks ??= []).Add(image);
                    }
                    links.Add(new MarkdownLink(url, true, alt, image.Line, image.Column));
                    break;
                case LinkInline { Url: { } url } link:
                    links.Add(new MarkdownLink(url, false, "", link.Line, link.Column) { HasNoText = !ShowsText(link) });
                    break;
                // <https://…>: checked too when it is this site's own address.
                case AutolinkInline { IsEmail: false } autolink:
                    links.Add(new MarkdownLink(autolink.Url, false, "", autolink.Line, autolink.Column));
                    break;
                // In a table, "\|" writes a pipe that does not end the cell, in code too (as GitHub reads it); Markdig keeps its backslash there.
                case CodeInline code when code.Content.Contains("\\|", StringComparison.Ordinal) && Inlines.BlockOf(code)?.Parent is Markdig.Extensions.Tables.TableCell:
                    code.Content = code.Content.Replace("\\|", "|", StringComparison.Ordinal);
                    break;
                case EmphasisInline { DelimiterChar: '^' } raised when raised.Descendants<LiteralInline>().Any(l => l.Content.AsSpan().ContainsAny(' ', '\t', '\n')):
                    (spacedSuperscripts ??= []).Add(raised);
                    break;
                case HtmlInline inline:
                    (rawHtml ??= []).Add(inline);
                    break;
                case HtmlBlock block:
                    (htmlBlocks ??= []).Add(block);
                    rawHtmlLine ??= block.Line;
                    RawHtml.AddLinks(block, links);
                    break;
            }
        }
        // "2^3 to 4^5" is no superscript (Pandoc's has no space in it): its carets and words are text, in place.
        foreach (var raised in spacedSuperscripts ?? [])
        {
            raised.InsertBefore(new LiteralInline("^") { Line = raised.Line, Column = raised.Column });
            while (raised.FirstChild is { } child)
            {
                child.Remove();
                raised.InsertBefore(child);
            }
            raised.ReplaceBy(new LiteralInline("^") { Line = raised.Line, Column = raised.Column });
        }
        // Their words are kept, before the number.
        foreach (var reference in referencesWithWords ?? [])
            if (markdown.IndexOf("[^", reference.Span.Start, reference.Span.Length, StringComparison.Ordinal) is var label and > 0)
                reference.InsertBefore(new LiteralInline(markdown[reference.Span.Start..label]) { Line = reference.Line, Column = reference.Column });
        foreach (var line in kramdownLines ?? []) KramdownAttributes.LeaveOut(line);
        var attributeLists = braces is null ? null : InlineAttributes.LeaveOut(braces, markdown, ref namedPictures);
        foreach (var list in attributeLists ?? [])
            if (list is { Alt: { } alt, Picture: { } picture } && links.FindIndex(l => l.IsImage && l.Line == picture.Line && l.Column == picture.Column) is var i and >= 0)
                links[i] = links[i] with { AltText = alt };
        foreach (var player in playersInLinks ?? []) player.ReplaceBy(new LiteralInline(PlainText(player)) { Line = player.Line, Column = player.Column }, copyChildren: false);
        // Changed once the walk is over: a "tag" that is no element, or one never closed, becomes text, and what is left is raw HTML.
        foreach (var inline in rawHtml ?? []) RawHtml.KeepNonElementsAsText(inline);
        // Start and end tags paired over all the raw HTML there is, as the browser will pair them.
        var tags = rawHtml is null && htmlBlocks is null ? null : new RawHtml.TagMatching(
            (rawHtml ?? []).Where(i => i.Parent is not null).Select(RawHtml.Piece).Concat((htmlBlocks ?? []).Select(b => RawHtml.Piece(b, markdown)))
                .OrderBy(piece => piece.Start), markdown);
        foreach (var block in htmlBlocks ?? [])
            if (RawHtml.NeverClosedOpening(block, markdown, tags!) is var (opening, closing, line, column))
                (problems ??= []).Add(new BodyProblem(DiagnosticCode.UnclosedHtmlHidesRest, line, column,
                    $"'{opening}' is never closed (no '{closing}' ends it), so the rest of the post would {(closing == "</pre>" ? "be shown as written, its Markdown unread" : "be hidden")}",
                    $"Close it with '{closing}' where it should end."));
        List<HtmlInline>? neverClosed = null;
        foreach (var inline in rawHtml ?? [])
        {
            if (inline.Parent is not null && RawHtml.IsNeverClosed(inline, tags!))
            {
                RawHtml.ShowAsText(inline);
                (neverClosed ??= []).Add(inline);
            }
            if (inline.Parent is null) continue;
            rawHtmlLine = Math.Min(rawHtmlLine ?? int.MaxValue, inline.Line);
            var before = links.Count;
            RawHtml.AddLinks(inline, links);
            if (links.Count == before + 1 && !links[^1].IsImage && RawHtml.OpensLinkWithoutText(inline)) links[^1] = links[^1] with { HasNoText = true };
        }
        // In document order again (a stable sort: a link and the picture inside it keep theirs).
        if (rawHtmlLine is not null) links = [.. links.OrderBy(l => l.Line).ThenBy(l => l.Column)];
        if (headings is not null) Relevel(headings);
        if (neverClosed is not null) (problems ??= []).AddRange(NeverClosedProblems(neverClosed));
        if (headings is not null && (neverClosed is not null || headings.Exists(h => HasOtherSpaces(h, markdown))))
            NameAgain(headings, h => HasOtherSpaces(h, markdown) || neverClosed?.Exists(t => t.Span.Start >= h.Span.Start && t.Span.Start <= h.Span.End) == true);
        if (headings is not null || namedPictures is not null) NameWrittenIds(headings ?? [], namedPictures);
        if (crossReferenceRuns is not null)
            (problems ??= []).AddRange(CrossReferences.Link(crossReferenceRuns, CrossReferences.Targets(headings, namedPictures, PlainText), markdown));
        foreach (var problem in PandocMarkup.Problems(document, headings, fencedDivs, markdown)) (problems ??= []).Add(problem);
        if (kramdownLines is not null) (problems ??= []).Add(KramdownAttributes.Problem(kramdownLines, markdown));
        if (attributeLists is not null && InlineAttributes.Problem(attributeLists, markdown) is { } attributesLeftOut) (problems ??= []).Add(attributesLeftOut);
        if (footnotes is not null || brackets is not null) (problems ??= []).AddRange(Footnotes.Problems(footnotes, brackets, markdown));
        if (brackets is not null) (problems ??= []).AddRange(LinksAsText.Problems(brackets, markdown));
        return new MarkdownHtml(default, links, rawHtmlLine)
        {
            Document = document,
            Problems = problems ?? [],
            TemplateTag = templateTag,
            FirstHeading = document.FirstOrDefault() is HeadingBlock { Inline: { } text } first ? (PlainText(text), first.Line, first.Column) : null,
        };
    }

    /// <summary>
    /// Markdig puts a heading underlined with '===' or '---' on its underline's line, and the text in it as many lines
    /// too far down as the heading has lines of text: they are moved up to the lines where they are written.
    /// </summary>
    private static void PlaceSetextText(HeadingBlock heading, string markdown)
    {
        var textLines = markdown.AsSpan(heading.Span.Start, heading.Span.Length).Count('\n');
        if (textLines == 0) return;
        heading.Line -= textLines;
        foreach (var inline in heading.Inline?.Descendants<Inline>() ?? []) inline.Line -= textLines;
    }

    /// <summary>
    /// Gives the headings levels under the page's title with no level skipped, as screen-reader users move by them: the
    /// title is the page's one level-1 heading, so a body that uses '#' for its sections has every heading moved one
    /// level down, and each heading is then at most one level below the one before it (a body opening with '###' starts
    /// at level 2), in the order and with the words they were written.
    /// </summary>
    private static void Relevel(List<HeadingBlock> headings)
    {
        var down = headings.Exists(h => h.Level == 1) ? 1 : 0;
        var previous = 1;
        foreach (var heading in headings) previous = heading.Level = Math.Min(Math.Min(6, heading.Level + down), previous + 1);
    }

    /// <summary>Spaces other than ' ' (a no-break space pasted from Word, a thin space, a tab), which Markdig's ids leave out: "Our\u00A0findings" would be "ourfindings".</summary>
    private static readonly System.Buffers.SearchValues<char> OtherSpaces = System.Buffers.SearchValues.Create("\t\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000");

    private static bool HasOtherSpaces(HeadingBlock heading, string markdown) =>
        markdown.AsSpan(heading.Span.Start, Math.Min(heading.Span.Length, markdown.Length - heading.Span.Start)).ContainsAny(OtherSpaces);

    /// <summary>
    /// Names the headings again, in the order they are written, as Markdig does, when some were named otherwise than
    /// their words read, so links written to them lead there: one holding a tag now shown as text ("## The &lt;title&gt;
    /// element": Markdig named it while the tag was HTML, which it leaves out, "the--element"), or a space other than ' ',
    /// read as one. Each takes the first of its id, then it with "-1", "-2", no heading before it has: renaming only the
    /// misnamed ones gave a later heading with the same words the plain id and the earlier one "-1".
    /// </summary>
    private static void NameAgain(List<HeadingBlock> headings, Predicate<HeadingBlock> misnamed)
    {
        var taken = new PageIds([]);
        foreach (var heading in headings)
        {
            // One with its id written after it was not named by Markdig: NameWrittenIds gives it that id.
            if (heading.Inline is null || PandocMarkup.WrittenId(heading) is not null || heading.TryGetAttributes()?.Id is not { } named) continue;
            heading.GetAttributes().Id = taken.Unique(misnamed(heading) ? IdOfWords(PlainText(heading.Inline)) : MarkdigBaseId(heading.Inline, named));
        }
    }

    /// <summary>The id <paramref name="words"/> make, a space other than ' ' read as one; "section" for none, as Markdig names a heading without words.</summary>
    private static string IdOfWords(string words)
    {
        var id = LinkHelper.UrilizeAsGfm(words.AsSpan().ContainsAny(OtherSpaces) ? string.Create(words.Length, words, (chars, text) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = OtherSpaces.Contains(text[i]) ? ' ' : text[i];
        }) : words);
        return id.Length == 0 ? "section" : id;
    }

    /// <summary>
    /// The id Markdig made <paramref name="named"/> from, before numbering it: the heading's text as its auto-identifier
    /// extension reads it (rendered without HTML). <paramref name="named"/> itself when it is no numbering of that.
    /// </summary>
    private static string MarkdigBaseId(ContainerInline text, string named)
    {
        var writer = new StringWriter();
        new Markdig.Renderers.HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false }.Render(text);
        var words = LinkHelper.UrilizeAsGfm(writer.ToString());
        var id = words.Length == 0 ? "section" : words;
        return named == id || (named.Length > id.Length + 1 && named.StartsWith(id, StringComparison.Ordinal) && named[id.Length] == '-'
            && named.AsSpan(id.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0) ? id : named;
    }

    /// <summary>
    /// Gives headings and pictures with an id written after them (<c>{#sec-method}</c>, <c>{#fig-chart}</c>: <see
    /// cref="PandocMarkup"/>, <see cref="InlineAttributes"/>) that id, as links to them are written, the other headings
    /// keeping the one made from their words; an id the page has already (the layout's, an earlier heading's or
    /// picture's) is made unique with a number, as Markdig's own are.
    /// </summary>
    private static void NameWrittenIds(List<HeadingBlock> headings, List<LinkInline>? pictures)
    {
        if (pictures is null && !headings.Exists(h => PandocMarkup.WrittenId(h) is not null)) return;
        var taken = new PageIds(Html.DomRewriter.LayoutIds);
        // Written ids first, in the order written: a later heading whose words make the same id gives way.
        var written = headings.Where(h => PandocMarkup.WrittenId(h) is not null).Select(h => (h.Span.Start, Named: (MarkdownObject)h, Id: PandocMarkup.WrittenId(h)!))
            .Concat((pictures ?? []).Select(p => (p.Span.Start, Named: (MarkdownObject)p, Id: p.GetAttributes().Id!)));
        foreach (var (_, named, id) in written.OrderBy(w => w.Start)) named.GetAttributes().Id = taken.Unique(id);
        foreach (var heading in headings)
            if (PandocMarkup.WrittenId(heading) is null && heading.TryGetAttributes()?.Id is { } own) heading.GetAttributes().Id = taken.Unique(own);
    }

    /// <summary>The ids given on a page.</summary>
    /// <param name="given">Ids the page has already.</param>
    private sealed class PageIds(IEnumerable<string> given)
    {
        private readonly HashSet<string> _taken = new(given, StringComparer.Ordinal);

        /// <summary>For each id asked for again, the last number tried after it: every number up to it is taken.</summary>
        private readonly Dictionary<string, int> _numbered = new(StringComparer.Ordinal);

        /// <summary>
        /// <paramref name="id"/>, or it with the first number ("-1", "-2") that makes it one the page does not hold; then
        /// taken. The numbers go on from the last tried, not from 1 again: 30,000 pictures named alike took 40 s.
        /// </summary>
        public string Unique(string id)
        {
            if (_taken.Add(id)) return id;
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbered, id, out _);
            string unique;
            do unique = $"{id}-{++number}";
            while (!_taken.Add(unique));
            return unique;
        }
    }

    /// <summary>Start tags shown as text as they are never closed: told once per element where first written, with how many more.</summary>
    private static IEnumerable<BodyProblem> NeverClosedProblems(List<HtmlInline> tags) =>
        tags.GroupBy(t => RawHtml.TagName(t.Tag)!, StringComparer.OrdinalIgnoreCase).Select(same =>
        {
            var (first, more) = (same.First(), same.Count() - 1);
            return new BodyProblem(DiagnosticCode.UnclosedTagAsText, first.Line, first.Column,
                $"'{first.Tag}' is shown as text: it is never closed (no '</{same.Key}>' follows it), and as HTML it would hide, restyle or drop words of the post{(more > 0 ? $" (and {more} more in this file)" : "")}",
                $"To show it, put it in backticks (`{first.Tag}`); to use the element, close it with </{same.Key}> where it ends.");
        });

    /// <summary>
    /// The first template tag of another site generator in a run of text (Jekyll's and Eleventy's <c>{{ … }}</c> and
    /// <c>{% … %}</c>, Hugo's <c>{{&lt; … &gt;}}</c>): a post is never run as a template, so readers would see it as written.
    /// </summary>
    private static TemplateTag? TemplateTagIn(LiteralInline literal)
    {
        var content = literal.Content;
        var text = content.AsSpan();
        // Most text holds no brace at all: one vectorised search settles it.
        if (text.IndexOf('{') is var brace && brace < 0) return null;
        var at = FirstOf(text[brace..], "{{", "{%");
        if (at < 0) return null;
        at += brace;
        // The tag as written, to its closing '}}' or '%}' on its line (a paragraph's text runs on past this literal).
        var source = content.Text.AsSpan(content.Start + at);
        var line = source[..(source.IndexOf('\n') is var end and >= 0 ? end : source.Length)];
        var close = FirstOf(line, "}}", "%}");
        var tag = (close >= 0 ? line[..(close + 2)] : line).TrimEnd();
        // A long tag is quoted by its start and end, so the message says where it stops.
        return new TemplateTag(tag.Length <= 80 ? tag.ToString() : $"{tag[..60].TrimEnd()} … {tag[^16..].TrimStart()}", literal.Line, literal.Column + at,
            text.Count("{{") + text.Count("{%"));
    }

    /// <summary>Where the first of <paramref name="a"/> and <paramref name="b"/> is in <paramref name="text"/>, or -1.</summary>
    private static int FirstOf(ReadOnlySpan<char> text, string a, string b) =>
        (text.IndexOf(a, StringComparison.Ordinal), text.IndexOf(b, StringComparison.Ordinal)) switch
        {
            (< 0, var second) => second,
            (var first, < 0) => first,
            var (first, second) => Math.Min(first, second),
        };

    /// <summary>
    /// What the media links extension writes for a picture of <paramref name="url"/>, decided as it decides: a recording's
    /// player (<paramref name="player"/>), an audio or video file, or the picture.
    /// </summary>
    internal static EmbedKind EmbedOf(string url, out Player? player)
    {
        player = null;
        var schemaRelative = url.StartsWith("//", StringComparison.Ordinal);
        if (!Uri.TryCreate(schemaRelative ? "https:" + url : url, UriKind.RelativeOrAbsolute, out var uri)) return EmbedKind.None;
        if (uri.IsAbsoluteUri)
            foreach (var host in Embeds.Hosts)
                if (host.TryHandle(uri, schemaRelative, out var address))
                {
                    player = new Player(address!, host, Embeds.Width, Embeds.Height, Embeds.Class);
                    return EmbedKind.Player;
                }
        var path = uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.Path, UriFormat.Unescaped) : uri.ToString();
        return path.LastIndexOf('.') is var dot and >= 0 && Embeds.ExtensionToMimeType.ContainsKey(path[dot..]) ? EmbedKind.MediaFile : EmbedKind.None;
    }

    /// <summary>Whether <paramref name="url"/> is a recording that becomes an embedded player (as the media links extension decides).</summary>
    public static bool IsEmbed(string url) =>
        Uri.TryCreate(url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url, UriKind.Absolute, out var uri)
        && Embeds.Hosts.Any(host => host.TryHandle(uri, url.StartsWith("//", StringComparison.Ordinal), out _));

    /// <summary>
    /// Whether a link shows something a screen reader can announce: words, code, or a picture with alt text (whose alt is
    /// text inside the picture), or raw HTML that names itself (an &lt;img alt&gt;, an aria-label). Spaces, invisible
    /// characters (written or as &amp;nbsp;, &amp;#8203;), a &lt;br&gt; or a comment announce nothing.
    /// </summary>
    private static bool ShowsText(ContainerInline link) => link.Descendants<Inline>().Any(inline => inline switch
    {
        LiteralInline literal => !RawHtml.ShowsNothing(literal.Content.ToString()),
        CodeInline code => !RawHtml.ShowsNothing(code.Content),
        HtmlEntityInline entity => !RawHtml.ShowsNothing(entity.Transcoded.ToString()),
        HtmlInline html => RawHtml.IsNamed(html.Tag),
        _ => false,
    });

    /// <summary>The text of <paramref name="container"/>, with the typographic quotes and dashes the body shows.</summary>
    private static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<Inline>().Select(inline => inline switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            SmartyPant pant => pant.Type switch
            {
                SmartyPantType.LeftQuote => "‘", SmartyPantType.RightQuote => "’", SmartyPantType.LeftDoubleQuote => "“", SmartyPantType.RightDoubleQuote => "”",
                SmartyPantType.LeftAngleQuote => "«", SmartyPantType.RightAngleQuote => "»", SmartyPantType.Ellipsis => "…",
                SmartyPantType.Dash2 => "–", SmartyPantType.Dash3 => "—", SmartyPantType.DoubleQuote => "\"", _ => "'",
            },
            _ => "",
        })).Trim();
}

/// <summary>What the media links extension writes for a picture.</summary>
internal enum EmbedKind
{
    /// <summary>The picture.</summary>
    None,

    /// <summary>A recording's player in an iframe.</summary>
    Player,

    /// <summary>An audio or video element, for a file of such a type.</summary>
    MediaFile,
}

/// <summary>A recording's player as the media links extension writes it.</summary>
/// <param name="Address">The player's address.</param>
/// <param name="Provider">The host that knows it.</param>
/// <param name="Width">The width the extension gives players.</param>
/// <param name="Height">The height the extension gives players.</param>
/// <param name="OptionsClass">The class the extension gives players (besides the host's).</param>
internal readonly record struct Player(string Address, IHostProvider Provider, string? Width, string? Height, string? OptionsClass);
