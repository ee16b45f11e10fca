using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;
using PPNBlog.Generator.Html;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Markdown;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Build;

/// <summary>One content file's body, rendered (Markdig) and post-processed (HTML stage), with what it depended on.</summary>
/// <param name="Content">The loaded content it was rendered from (compared by reference: a file read again is new).</param>
/// <param name="Source">The content's file.</param>
/// <param name="Path">The site path it was rendered for (relative links resolve against it).</param>
/// <param name="Markdown">Markdig's result, its HTML dropped once processed (only its links are needed, for the link check).</param>
/// <param name="Html">The final HTML.</param>
/// <param name="Context">What relative links resolved against, and the files they led to.</param>
/// <param name="Diagnostics">What rendering reported.</param>
public sealed record RenderedDocument(object Content, SourceFile Source, string Path, MarkdownHtml Markdown, ProcessedHtml Html, DocumentContext Context,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The post made from this body (posts only), kept with it so its version stays while nothing changes.</summary>
    public PublishedPost? Published { get; init; }

    /// <summary>The link check's result, kept until the body or the site's set of pages changes.</summary>
    public IReadOnlyList<Diagnostic>? LinkDiagnostics { get; set; }

    /// <summary>Files the link check found to publish beside the page.</summary>
    public IReadOnlyList<(string Source, string SitePath)> Copies { get; set; } = [];

    /// <summary>The body's links to sections of pages, checked on every build (<see cref="RenderedDocuments.CheckSections"/>).</summary>
    public IReadOnlyList<SectionLink> SectionLinks { get; set; } = [];
}

/// <summary>
/// Renders content bodies, in parallel: the bulk of a build. Kept across serve's builds, it renders again only bodies
/// whose file was read again, whose site path moved, or which depend on a file that changed (an image measured, a
/// linked post whose URL changed).
/// </summary>
/// <param name="urls">The URL contract the bodies are rendered for.</param>
/// <param name="keepSources">Keep each post's Markdown for the next build (serve); a one-off build drops it once rendered.</param>
public sealed partial class RenderedDocuments(SiteUrls urls, bool keepSources)
{
    private readonly HtmlPostProcessor _processor = new(urls);
    private readonly Dictionary<string, RenderedDocument> _byFile = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RenderedDocument> _renderedOnLoad = new(StringComparer.Ordinal);

    /// <summary>
    /// Renders a post's body on the thread that loaded it (a one-off build) and returns the post to keep in its place,
    /// without its Markdown: the text then dies young rather than being copied by the collector until every file is
    /// read. A body that led to another file (a linked post, an image) is left for <see cref="Render"/>, which knows
    /// every post's URL.
    /// </summary>
    public Post RenderOnLoad(Post post)
    {
        var document = RenderOne((post, post.Body, post.Source, SiteUrls.PostPath(post.Slug)), _ => null);
        if (document.Context.Consulted.Count > 0) return post;
        _renderedOnLoad[post.Source.FullPath] = document;
        return (Post)document.Content;
    }

    /// <summary>
    /// Renders (or reuses) the body of each item: <paramref name="items"/> are (content, body, source, site path);
    /// <paramref name="urlOfFile"/> gives a published post's URL by its file (null for anything else).
    /// </summary>
    public IReadOnlyList<RenderedDocument> Render((object Content, string Body, SourceFile Source, string Path)[] items,
        Func<string, string?> urlOfFile, ChangeSet changes)
    {
        if (changes.All) _byFile.Clear();
        var result = new RenderedDocument[items.Length];
        var stale = new List<int>();
        for (var i = 0; i < items.Length; i++)
        {
            var (content, _, source, path) = items[i];
            if (_renderedOnLoad.TryRemove(source.FullPath, out var onLoad) && ReferenceEquals(onLoad.Content, content) && onLoad.Path == path)
                result[i] = onLoad;
            else if (_byFile.TryGetValue(source.FullPath, out var before) && ReferenceEquals(before.Content, content) && before.Path == path
                && (before.Context.Consulted.Count == 0 || !before.Context.Consulted.Any(c => changes.Paths.Contains(c.Key) || urlOfFile(c.Key) != c.Value)))
                result[i] = before;
            else stale.Add(i);
        }
        Parallel.ForEach(stale, i =>
        {
            result[i] = RenderOne(items[i], urlOfFile);
            // A one-off build lets each Markdown body go as soon as it is rendered.
            if (!keepSources) items[i] = default;
        });
        // Keep exactly this build's bodies: updated in place, or listed again when files came and went.
        var added = stale.Count(i => !_byFile.ContainsKey(result[i].Source.FullPath));
        if (_byFile.Count + added != items.Length)
        {
            _byFile.Clear();
            stale = [.. Enumerable.Range(0, items.Length)];
        }
        foreach (var i in stale) _byFile[result[i].Source.FullPath] = result[i];
        return result;
    }

    /// <summary>Renders the bodies of <paramref name="items"/> again (serve's edited posts), keeping every other body as it is.</summary>
    public IReadOnlyList<RenderedDocument> RenderAgain(IReadOnlyList<(object Content, string Body, SourceFile Source, string Path)> items,
        Func<string, string?> urlOfFile)
    {
        var result = new RenderedDocument[items.Count];
        Parallel.For(0, items.Count, i => result[i] = RenderOne(items[i], urlOfFile));
        for (var i = 0; i < items.Count; i++) _byFile[items[i].Source.FullPath] = result[i];
        return result;
    }

    /// <summary>The most words (runs of characters that are not white space) a body showing nothing can have: invisible characters count as words.</summary>
    private const int MaxWordsOfNothing = 3;

    /// <summary>Whether <paramref name="html"/> shows a reader nothing: no picture, player or frame, and no visible character in its text.</summary>
    private static bool ShowsNothing(string html) =>
        !MediaElement().IsMatch(html) && RawHtml.ShowsNothing(WebUtility.HtmlDecode(AnyTag().Replace(html, " ")));

    [GeneratedRegex("<(img|picture|video|audio|iframe|svg|object|embed|math)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex MediaElement();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    /// <summary>
    /// Warns (PPN035) of each link to a section that its page's body does not have. Run on every build, not kept with
    /// the body: the page linked may be edited without the page linking it.
    /// </summary>
    public static void CheckSections(IEnumerable<RenderedDocument> documents, DiagnosticList diagnostics)
    {
        var all = documents as IReadOnlyCollection<RenderedDocument> ?? [.. documents];
        var linking = all.Where(d => d.SectionLinks.Count > 0).ToList();
        if (linking.Count == 0) return;
        var byPath = new Dictionary<string, RenderedDocument>(StringComparer.Ordinal);
        var byFile = new Dictionary<string, RenderedDocument>(StringComparer.Ordinal);
        foreach (var document in all)
        {
            byPath.TryAdd(document.Path, document);
            byFile.TryAdd(document.Source.FullPath, document);
        }
        foreach (var link in linking.SelectMany(d => d.SectionLinks))
        {
            // Only a content page's sections are known; a link to another page of the site (an archive) is left as it is.
            var target = link.TargetFile is { } file ? byFile.GetValueOrDefault(file) : byPath.GetValueOrDefault(link.TargetPath!);
            if (target is null || link.IsIn(target.Html.Ids)) continue;
            diagnostics.Add(DiagnosticCode.MissingSection, link.Location,
                $"link '{link.Url}' leads to no section of {(link.TargetFile is null && link.Url.StartsWith('#') ? "this page" : "the page it links")}: the reader lands at the top",
                link.Hint(target.Html.Ids));
        }
    }

    /// <summary>The body rendered from the file at <paramref name="fullPath"/>, if any.</summary>
    public RenderedDocument? For(string fullPath) => _byFile.GetValueOrDefault(fullPath);

    /// <summary>Every body of the last build.</summary>
    public IEnumerable<RenderedDocument> All => _byFile.Values;

    /// <summary>Where the body's first reference to a control character is (the body's start if none is found).</summary>
    private static SourceLocation ReferenceLocation(string body, SourceFile source) => LocationAt(body, Math.Max(0, ControlCharacters.IndexOfReference(body)), source);

    /// <summary>
    /// Where what was removed is written in the body, or -1: inside the first start tag of its element that holds it (an
    /// onload on an iframe, not the first onload of the body, nor the first iframe), when its element is known.
    /// </summary>
    private static int IndexOf(string body, RemovedHtml removed)
    {
        if (removed.Within is { } element)
        {
            for (var start = body.IndexOf(element, StringComparison.OrdinalIgnoreCase); start >= 0; start = body.IndexOf(element, start + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = TagEnd(body, start);
                if (removed.WithoutIt is { } absent && body.IndexOf(absent, start, end - start, StringComparison.OrdinalIgnoreCase) >= 0) continue;
                if (body.IndexOf(removed.Written, start, end - start, StringComparison.OrdinalIgnoreCase) is var at and >= 0) return at;
            }
        }
        return body.IndexOf(removed.Written, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How Markdig's message for nesting past its depth limit begins (it goes on to guess at "a very large table").</summary>
    private const string MarkdigTooDeep = "Markdown elements in the input are too deeply nested";

    /// <summary>Where the tag starting at <paramref name="start"/> ends: its first '>' outside a quoted attribute value.</summary>
    private static int TagEnd(string body, int start)
    {
        var quote = '\0';
        for (var i = start; i < body.Length; i++)
        {
            if (quote != '\0') { if (body[i] == quote) quote = '\0'; }
            else if (body[i] is '"' or '\'') quote = body[i];
            else if (body[i] == '>') return i;
        }
        return body.Length;
    }

    /// <summary>Where the character at <paramref name="at"/> of a body is in its file.</summary>
    private static SourceLocation LocationAt(string body, int at, SourceFile source)
    {
        var before = body.AsSpan(0, at);
        return source.At(before.Count('\n'), at - before.LastIndexOf('\n') - 1);
    }

    private RenderedDocument RenderOne((object Content, string Body, SourceFile Source, string Path) item, Func<string, string?> urlOfFile)
    {
        var (content, body, source, path) = item;
        var found = new DiagnosticList();
        var context = new DocumentContext(urls.Url(path), source.Directory, urlOfFile);
        MarkdownHtml markdown;
        ProcessedHtml html;
        try
        {
            markdown = MarkdownRenderer.Parse(body);
            html = _processor.Process(markdown, context);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            // Hostile or broken bodies (nesting bombs) fail this file, not the whole process; told where when a place is to blame.
            var at = (e as MarkdownLimitException)?.Offset ?? MarkdownLimits.MostNestedLine(body);
            found.Add(DiagnosticCode.UnrenderableBody, at is { } offset ? LocationAt(body, offset, source) : new SourceLocation(source.DisplayPath, source.BodyFirstLine, 1),
                $"the body cannot be rendered: {(e.Message.StartsWith(MarkdigTooDeep, StringComparison.Ordinal) ? "its Markdown nests too deeply (quotes, lists, emphasis or links inside one another, hundreds deep)" : e.Message)}");
            markdown = new MarkdownHtml(default, [], null);
            html = new ProcessedHtml("", "", 0, []);
        }
        // Source files hold no control character (SourceText refuses them), so only a numeric reference can write one.
        if (body.Contains("&#", StringComparison.Ordinal) && ControlCharacters.IndexOf(html.Html) is var control and >= 0)
            found.Add(DiagnosticCode.ControlCharacter, ReferenceLocation(body, source),
                $"the body writes the control character {ControlCharacters.Name(html.Html[control])} as a character reference, which feeds cannot carry and pages do not show",
                "Delete the reference (such as &#7; or &#x1B;).");
        if (content is Post { Title: var title } && markdown.FirstHeading is var (heading, line, column)
            && SingleLine.Wording(heading) is { Length: > 0 } wording && wording == SingleLine.Wording(title))
            found.Add(DiagnosticCode.TitleRepeated, source.At(line, column), $"the body's first heading repeats the title ('{heading}'), so the page shows it twice");
        if (markdown.TemplateTag is { } tag)
            found.Add(DiagnosticCode.TemplateTagAsText, source.At(tag.Line, tag.Column),
                $"'{tag.Text}' is a template tag of another site generator: readers see it as written{(tag.Count > 1 ? $" (and {tag.Count - 1} more in this file)" : "")}");
        foreach (var problem in markdown.Problems) found.Add(problem.Code, source.At(problem.Line, problem.Column), problem.Message, problem.Hint);
        // Told once where it is first written, with how many more: an editor removes them all in one go.
        foreach (var same in html.RemovedHtml.GroupBy(r => r.Description))
        {
            var (removed, more) = (same.First(), same.Count() - 1);
            found.Add(DiagnosticCode.UnsafeHtmlRemoved, IndexOf(body, removed) is var at and >= 0
                    ? LocationAt(body, at, source)
                    : source.At(markdown.RawHtmlLine ?? 0, 0),
                $"unsafe HTML removed: {removed.Description}{(more > 0 ? $" (and {more} more in this file)" : "")}", removed.Hint);
        }
        // A body of markup alone ("<p></p>", "&nbsp;", a zero-width space, "---") publishes an empty page, as no body does
        // (one that could not be rendered, or is cut short, has its own error).
        if (content is Post or Page && !found.HasErrors && html.WordCount <= MaxWordsOfNothing && ShowsNothing(html.Html))
            found.Add(DiagnosticCode.EmptyPost, new SourceLocation(source.DisplayPath, source.BodyFirstLine, 1),
                $"the {(content is Post ? "post" : "page")} shows nothing after its front matter: its body has only markup, spaces or invisible characters, no words or pictures");
        // Markdig's tree and HTML (the thread's buffer, which its next body reuses) are done with: only its links are kept. A one-off build
        // drops the Markdown too: at 10,000 posts keeping it would hold another 300 MB.
        var kept = keepSources || content is not Post full ? content : full with { Body = "" };
        return new RenderedDocument(kept, source, path, markdown with { Html = default, Document = null }, html, context, found.Sorted())
        {
            Published = kept is Post post ? new PublishedPost(post, path, html) : null,
        };
    }
}
