using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Html;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Markdown;
using PPNBlog.Generator.Output;
using PPNBlog.Generator.Rendering;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Build;

/// <summary>The outcome of a build: every diagnostic, and what was written.</summary>
/// <param name="Diagnostics">Errors and warnings, sorted by file and line.</param>
/// <param name="PageCount">HTML pages of the site (0 when the build failed).</param>
/// <param name="FileCount">Files of the site in all.</param>
/// <param name="Timings">How long each stage took, in order.</param>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, int FileCount, IReadOnlyList<(string Stage, TimeSpan Time)> Timings)
{
    /// <summary>True when the site was written.</summary>
    public bool Succeeded => Diagnostics.All(d => !d.IsError);

    /// <summary>Files this build wrote; fewer than <see cref="FileCount"/> when it continued an earlier one (serve).</summary>
    public int WrittenCount { get; init; } = FileCount;

    /// <summary>Pages this build rendered; fewer than <see cref="PageCount"/> when it continued an earlier one (serve).</summary>
    public int RenderedCount { get; init; } = PageCount;
}

/// <summary>
/// The build pipeline: load → validate → render Markdown → post-process HTML → site model → check links →
/// render pages → write feeds, sitemap, API and assets → swap the output in. Any error stops before anything is
/// written, so the previous site stays as it was.
/// <para>
/// One builder kept across builds (serve) redoes only what the changed files affect: it re-reads those files,
/// renders again only their bodies, renders only pages whose inputs changed (see <see cref="PlannedPage"/>), and
/// changes the output folder in place, writing only files whose bytes changed. The result is the same as a fresh build.
/// </para>
/// </summary>
/// <param name="options">What to build, from where, to where.</param>
public sealed class SiteBuilder(BuildOptions options)
{
    private readonly ContentLoader _loader = new(options.InputDirectory);
    private RenderedDocuments? _documents;
    private Uri? _documentsBaseUrl;
    private ThemeTemplates? _theme;
    private ThemeAssets? _assets;
    private long _themeVersion;
    private OutputLedger? _ledger;
    private HashSet<string>? _sitePaths;
    private ulong _sitePathsStamp;
    private SiteModel? _site;
    private readonly ApiWriter _api = new();

    /// <summary>Builds the site described by <paramref name="options"/> from scratch.</summary>
    public static BuildResult Build(BuildOptions options) => new SiteBuilder(options).Build(ChangeSet.Everything);

    /// <summary>Builds the site again after <paramref name="changes"/> (everything, the first time).</summary>
    public BuildResult Build(ChangeSet changes)
    {
        var diagnostics = new DiagnosticList();
        var timings = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            timings.Add((stage, clock.Elapsed));
            clock.Restart();
        }
        BuildResult Failed() => new(diagnostics.Sorted(), 0, 0, timings);

        // Load content and theme (the theme first fails fast on a syntax error an editor just made).
        var themeChanged = _theme is null || _assets is null || changes.TouchesUnder(options.ThemeDirectory);
        if (themeChanged)
        {
            _theme = ThemeTemplates.Load(options.ThemeDirectory, diagnostics);
            _assets = ThemeAssets.Load(options.ThemeDirectory, diagnostics);
            _themeVersion++;
        }
        var (theme, assets) = (_theme, _assets);
        var content = _loader.Load(diagnostics, changes);
        Lap("load");
        if (content is null || theme is null || assets is null) return Failed();

        var settings = options.BaseUrl is null ? content.Settings : content.Settings.WithBaseUrl(options.BaseUrl);
        var urls = new SiteUrls(settings);
        var now = options.Now ?? DateTimeOffset.Now;
        CheckDuplicateSlugs(content.Posts, diagnostics);
        CheckPageSlugs(content.Pages, diagnostics);
        var posts = content.Posts.Where(p => options.IncludeDrafts || (!p.FrontMatter.Draft && p.Date.Value <= now)).ToList();

        // Render Markdown and post-process the HTML, in parallel: the bulk of the work (only what changed, in serve).
        // Built only when a body links another post's file (serve rarely needs it).
        var urlOfFile = new Lazy<Dictionary<string, string>>(() =>
            posts.ToDictionary(p => p.Source.FullPath, p => urls.Url(SiteUrls.PostPath(p.Slug)), StringComparer.Ordinal));
        string? UrlOf(string file) => urlOfFile.Value.GetValueOrDefault(file);
        if (_documents is null || _documentsBaseUrl != settings.BaseUrl) (_documents, _documentsBaseUrl) = (new RenderedDocuments(urls), settings.BaseUrl);
        var documents = _documents.Render([
            .. posts.Select(p => ((object)p, p.Body, p.Source, SiteUrls.PostPath(p.Slug))),
            .. content.Commitments.Select(c => ((object)c, c.Body, c.Source, SiteUrls.CommitmentPath(c.Slug))),
            .. content.Pages.Select(p => ((object)p, p.Body, p.Source, SiteUrls.PagePath(p.Slug)))], UrlOf, changes);
        var renderedPosts = documents.Take(posts.Count).ToList();
        var renderedCommitments = documents.Skip(posts.Count).Take(content.Commitments.Count).ToList();
        var renderedPages = documents.Skip(posts.Count + content.Commitments.Count).ToList();
        var intro = new HtmlPostProcessor(urls).Process(MarkdownRenderer.Render(settings.Intro ?? ""), new DocumentContext(urls.BasePath, content.InputDirectory, _ => null));
        Lap("render markdown");

        var site = new SiteModel(settings,
            renderedPosts.Select(d => d.Published!),
            content.Commitments.Select((c, i) => new CommitmentArchive(c, renderedCommitments[i].Html, [])),
            content.Pages.Select((p, i) => new PublishedPage(p, renderedPages[i].Path, renderedPages[i].Html)),
            intro, _site);
        _site = site;
        var views = new ViewFactory(site, assets);
        var plan = PagePlan.Create(site, views);
        // What every page sees: a change here (a title in site.yml, a post count, the theme) makes every page again.
        var siteStamp = new Fingerprint().Add(JsonSerializer.Serialize(views.Site)).Add(intro.Html).Add(_themeVersion).Value;
        Lap("site model");

        // Check links against the planned pages and generated files before writing anything; a body's result is kept
        // until the body or the set of site paths changes.
        // The set of site paths is listed again only when a page, post or commitment came or went.
        var pagePaths = plan.Aggregate(new Fingerprint(), (f, p) => f.Add(p.Path));
        var pathsStamp = site.Posts.Select(p => p.Post.Slug).Concat(site.Commitments.Select(c => c.Commitment.Slug)).Concat(assets.Assets.Select(a => a.To))
            .Aggregate(pagePaths, (f, p) => f.Add(p)).Value;
        var samePaths = _sitePaths is not null && pathsStamp == _sitePathsStamp;
        if (!samePaths)
            (_sitePaths, _sitePathsStamp) = (plan.Select(p => p.Path).Concat(GeneratedFiles(site)).Concat(assets.Assets.Select(a => a.To)).ToHashSet(StringComparer.Ordinal), pathsStamp);
        var sitePaths = _sitePaths!;
        var copies = new List<(string Source, string SitePath)>();
        foreach (var document in documents)
        {
            if (document.LinkDiagnostics is null || !samePaths)
            {
                var found = new DiagnosticList();
                document.Copies = new LinkValidator(sitePaths.Contains, found).Check(document.Markdown, document.Source, document.Path, document.Context);
                document.LinkDiagnostics = found.Sorted();
            }
            diagnostics.AddRange(document.Diagnostics);
            diagnostics.AddRange(document.LinkDiagnostics);
            copies.AddRange(document.Copies);
            if (document.Content is Post { FrontMatter.Image: { } image } post && LinkTarget.Classify(image) == LinkKind.RelativeFile)
                copies.Add((Path.Combine(post.Source.Directory, LinkTarget.PathPart(image)), document.Path + image));
        }
        Lap("check links");
        if (diagnostics.HasErrors) return Failed();

        // A first build, a theme change or a missing folder writes a whole new folder; otherwise the served one is
        // changed in place.
        using SiteOutput output = _ledger is null || themeChanged || !Directory.Exists(options.OutputDirectory)
            ? StagedOutput.Begin(options.OutputDirectory)
            : new LiveOutput(options.OutputDirectory, _ledger);
        var rendered = 0;
        var postPagesRendered = 0;
        try
        {
            // Render every page whose inputs changed into memory first: a template error then leaves the output as it was.
            var pages = new ConcurrentBag<(string File, string Html, ulong Inputs)>();
            Parallel.ForEach(plan, page =>
            {
                var file = SiteUrls.FileFor(page.Path);
                var inputs = new Fingerprint().Add((long)siteStamp).Add(page.Template).Add(page.Key);
                foreach (var shown in page.Shows()) inputs = inputs.Add(shown.Version);
                if (output.Unchanged(file, inputs.Value)) return;
                var html = theme.Render(page.Template, page.Values());
                if (page.Template == "post") Interlocked.Increment(ref postPagesRendered);
                if (output is StagedOutput) output.WriteText(file, html, inputs.Value);
                else pages.Add((file, html, inputs.Value));
            });
            rendered = output is StagedOutput ? plan.Count : pages.Count;
            foreach (var (file, html, inputs) in pages) output.WriteText(file, html, inputs);
        }
        catch (AggregateException e) when (e.InnerException is TemplateRenderException failure)
        {
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(failure.File), $"template failed to render: {failure.Message}");
            return Failed();
        }
        Lap("render pages");
        FeedWriter.Write(site, output, siteStamp);
        SitemapWriter.Write(site, plan, output, new Fingerprint().Add((long)siteStamp).Add((long)pagePaths.Value).Value);
        _api.Write(site, views, output, siteStamp);
        foreach (var asset in assets.Assets)
        {
            var from = Path.Combine(assets.ThemeDirectory, asset.From);
            var inputs = (ulong)_themeVersion;
            if (output.Unchanged(asset.To, inputs)) continue;
            if (AssetMinifier.Minify(from) is { } minified) output.WriteText(asset.To, minified, inputs);
            else output.CopyFile(from, asset.To, inputs);
        }
        foreach (var (source, sitePath) in copies.Distinct())
        {
            var inputs = new Fingerprint().Add(source).Value;
            if (!changes.Touches(source) && output.Unchanged(sitePath, inputs)) continue;
            output.CopyFile(source, sitePath, inputs);
        }
        Lap("write feeds, sitemap, API, assets");
        // The search index reads post pages only: serve indexes again when one of them was made again.
        var search = options.Search && postPagesRendered > 0;
        if (search && output is StagedOutput)
        {
            SearchIndexer.Index(output.Root, assets.ThemeDirectory, diagnostics);
            Lap("search index");
        }
        output.Commit();
        _ledger = output.Ledger;
        Lap("swap output");
        if (search && output is LiveOutput)
        {
            SearchIndexer.Index(options.OutputDirectory, assets.ThemeDirectory, diagnostics, replace: true);
            Lap("search index");
        }
        return new BuildResult(diagnostics.Sorted(), plan.Count, output.FileCount, timings) { WrittenCount = output.WrittenCount, RenderedCount = rendered };
    }

    /// <summary>Files the build writes besides pages and assets, so content may link to them.</summary>
    private static IEnumerable<string> GeneratedFiles(SiteModel site) =>
        new[] { "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "api/posts.json", "api/commitments.json" }
            .Concat(site.Commitments.SelectMany(c => new[] { SiteUrls.CommitmentFeedPath(c.Commitment.Slug), $"api/commitments/{c.Commitment.Slug}.json" }))
            .Concat(site.Posts.Select(p => $"api/posts/{p.Post.Slug}.json"));

    /// <summary>Top-level folders the site itself writes: a page with one of these names would overwrite them.</summary>
    private static readonly HashSet<string> ReservedPageSlugs = new(StringComparer.Ordinal) { "posts", "commitments", "tags", "page", "api", "assets", "search", "pagefind" };

    private static void CheckPageSlugs(IReadOnlyList<Page> pages, DiagnosticList diagnostics)
    {
        foreach (var page in pages.Where(p => ReservedPageSlugs.Contains(p.Slug)))
            diagnostics.Add(DiagnosticCode.DuplicateSlug, SourceLocation.WholeFile(page.Source.DisplayPath),
                $"a page named '{page.Slug}' would replace the site's own /{page.Slug}/ pages", "Rename the page's file.");
    }

    /// <summary>Two posts with one slug would overwrite each other's page: both files are named.</summary>
    private static void CheckDuplicateSlugs(IReadOnlyList<Post> posts, DiagnosticList diagnostics)
    {
        var slugs = new HashSet<string>(posts.Count, StringComparer.Ordinal);
        if (posts.All(p => slugs.Add(p.Slug))) return;
        foreach (var group in posts.GroupBy(p => p.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = group.Select(p => p.Source.DisplayPath).ToList();
            foreach (var post in group)
                diagnostics.Add(DiagnosticCode.DuplicateSlug, post.SlugLocation,
                    $"slug '{post.Slug}' is also used by {string.Join(", ", files.Where(f => f != post.Source.DisplayPath))}");
        }
    }
}
