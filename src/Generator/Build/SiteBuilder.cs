using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;
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

    /// <summary>True when serve's quick path handled the build: posts edited without moving, only their pages made again.</summary>
    public bool EditedInPlace { get; init; }

    /// <summary>True when the served folder's search index is out of date: serve calls <see cref="SiteBuilder.IndexSearch"/>.</summary>
    public bool SearchPending { get; init; }
}

/// <summary>
/// The build pipeline: load → validate → render Markdown → post-process HTML → site model → check links →
/// render pages → write feeds, sitemap, API and assets → swap the output in. Any error stops before anything is
/// written, so the previous site stays as it was.
/// <para>
/// One builder kept across builds (serve) redoes only what the changed files affect: it re-reads those files,
/// renders again only their bodies, renders only pages whose inputs changed (see <see cref="PlannedPage"/>), and
/// changes the output folder in place, writing only files whose bytes changed. An edit that moves no post (the usual
/// one: a title, a summary, the body) skips even that: the edited posts take their earlier versions' place in the
/// model and only the pages showing them are made again. Either way the result is what a fresh build writes.
/// </para>
/// </summary>
/// <param name="options">What to build, from where, to where.</param>
/// <param name="keepForNextBuild">
/// Keep what the next build continues from (serve): each file's content, Markdown included, the output's content hashes,
/// the posts each page shows. A one-off build lets the Markdown go once rendered (at 10,000 posts a third of the
/// memory) and hashes nothing it writes.
/// </param>
public sealed class SiteBuilder(BuildOptions options, bool keepForNextBuild = true)
{
    private readonly ContentLoader _loader = new(options.InputDirectory, keepForNextBuild);
    private readonly ApiWriter _api = new();
    private RenderedDocuments? _documents;
    private Uri? _documentsBaseUrl;
    private ThemeTemplates? _theme;
    private ThemeAssets? _assets;
    private long _themeVersion;
    private OutputLedger? _ledger;
    private HashSet<string>? _sitePaths;
    private ulong _sitePathsStamp;
    private IReadOnlySet<string> _invalidFiles = new HashSet<string>();
    private IReadOnlySet<string> _unpublishedPaths = new HashSet<string>();
    private Uri? _siteAddress;
    // Kept with the site paths they were found for: a build that changes neither still fails on them.
    private IReadOnlyList<Diagnostic> _assetsOverwriting = [];
    private SiteModel? _site;
    private PublishedSite? _published;
    private bool _searchStale;

    /// <summary>What the last successful build published, for the next one to continue from.</summary>
    /// <param name="Site">The model (serve's in-place edits change it).</param>
    /// <param name="Views">Its views.</param>
    /// <param name="Plan">Its pages.</param>
    /// <param name="SiteStamp">The fingerprint of what every file sees.</param>
    /// <param name="PostsByFile">Each published post by its file.</param>
    /// <param name="NextDue">When the next future-dated post is due to appear (null when none is waiting).</param>
    private sealed record PublishedSite(SiteModel Site, ViewFactory Views, IReadOnlyList<PlannedPage> Plan, ulong SiteStamp,
        Dictionary<string, PublishedPost> PostsByFile, DateTimeOffset? NextDue)
    {
        /// <summary>The files of the posts each page shows, by plan position: noted as serve fingerprints pages.</summary>
        public string[]?[] Shown { get; } = new string[]?[Plan.Count];

        /// <summary>The page path of each commitment's and standalone page's file (posts are in <see cref="PostsByFile"/>).</summary>
        public Dictionary<string, string> OtherPagesByFile => field ??=
            PagePathsOfFiles([], Site.Commitments.Select(c => c.Commitment), Site.Pages.Select(p => p.Page)).ToDictionary(StringComparer.Ordinal);

        /// <summary>The pages (plan positions) showing each post, by the post's file: worked out when first needed.</summary>
        public Dictionary<string, List<int>> PagesShowing => field ??= ListPagesShowing();

        private Dictionary<string, List<int>> ListPagesShowing()
        {
            var showing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < Plan.Count; i++)
            {
                foreach (var file in Shown[i] ?? [.. Plan[i].Shows().Select(p => p.Post.Source.FullPath)])
                {
                    if (!showing.TryGetValue(file, out var pages)) showing[file] = pages = [];
                    if (pages.Count == 0 || pages[^1] != i) pages.Add(i);
                }
            }
            return showing;
        }
    }

    /// <summary>How long each stage took.</summary>
    private sealed class Stages
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<(string Stage, TimeSpan Time)> Timings { get; } = [];

        public void Lap(string stage)
        {
            Timings.Add((stage, _clock.Elapsed));
            _clock.Restart();
        }
    }

    /// <summary>Characters of rendered pages a served folder's rebuild holds before writing (about 128 MB).</summary>
    private const long HeldPagesBudget = 64L * 1024 * 1024;

    /// <summary>Builds the site described by <paramref name="options"/> from scratch.</summary>
    public static BuildResult Build(BuildOptions options) => new SiteBuilder(options, keepForNextBuild: false).Build(ChangeSet.Everything);

    /// <summary>Builds the site again after <paramref name="changes"/> (everything, the first time).</summary>
    public BuildResult Build(ChangeSet changes)
    {
        try
        {
            return BuildOrThrow(changes);
        }
        catch (Exception e) when (SiteWriteException.Within(e) is { } failure)
        {
            // The output could not be written: nothing is published (a new folder goes; a served one is made whole again next time).
            var diagnostics = new DiagnosticList();
            diagnostics.Add(DiagnosticCode.SiteNotWritten, SourceLocation.WholeFile(ContentLoader.DisplayPath(failure.Path)), $"the site could not be written: {failure.Reason}");
            return Fail(diagnostics, new Stages());
        }
    }

    private BuildResult BuildOrThrow(ChangeSet changes)
    {
        var diagnostics = new DiagnosticList();
        var stages = new Stages();
        BuildResult Failed() => Fail(diagnostics, stages);

        if (EditAssets(changes, diagnostics, stages) is { } assetsEdited) return assetsEdited;

        // Load content and theme side by side: parsing the templates is one thread's work, reading content is parallel.
        var themeChanged = _theme is null || _assets is null || changes.TouchesUnder(options.ThemeDirectory);
        var themeLoad = themeChanged
            ? Task.Run(() => (ThemeTemplates.Load(options.ThemeDirectory, diagnostics), ThemeAssets.Load(options.ThemeDirectory, diagnostics)))
            : null;
        var now = options.Now ?? DateTimeOffset.Now;
        // A one-off build renders each published post's body as soon as it is read; serve keeps the Markdown anyway.
        var content = _loader.Load(diagnostics, changes, keepForNextBuild ? null : loaded =>
        {
            var documents = DocumentsFor(Effective(loaded));
            return post => Publishes(post, now) ? documents.RenderOnLoad(post) : post;
        });
        if (themeLoad is not null)
        {
            (_theme, _assets) = themeLoad.GetAwaiter().GetResult();
            _themeVersion++;
        }
        var (theme, assets) = (_theme, _assets);
        stages.Lap(keepForNextBuild ? "load" : "load and render posts");
        if (content is null || theme is null || assets is null) return Failed();
        // No commitments at all (PPN019) is the one cause of every link to a commitment's page failing: told once.
        if (content.Commitments.Count == 0 && content.Invalid.CommitmentSlugs.Count == 0) return Failed();
        WarnDatedFarAhead(content.Posts, now, diagnostics);
        // The address editors copy links from: site.yml's, also when this build is published elsewhere (serve, a preview).
        _siteAddress = content.Settings.BaseUrl;
        if (!themeChanged && EditInPlace(changes, now, diagnostics, stages) is { } edited) return edited;

        var settings = Effective(content.Settings);
        var urls = new SiteUrls(settings);
        CheckDuplicateSlugs(content.Posts, diagnostics);
        CheckTagSpellings(content.Posts, diagnostics);
        CheckPageSlugs(content.Pages, diagnostics);
        var (commitments, pages, invalid) = (content.Commitments, content.Pages, content.Invalid);
        var nextDue = options.IncludeDrafts ? null : content.Posts.Where(p => !p.FrontMatter.Draft && p.Date.Value > now).Select(p => (DateTimeOffset?)p.Date.Value).Min();
        // Drafts and posts dated later have no page yet: a link to one is told as such.
        var unpublished = content.Posts.Where(p => !Publishes(p, now)).Select(p => SiteUrls.PostPath(p.Slug)).ToHashSet(StringComparer.Ordinal);

        // Render Markdown and post-process the HTML, in parallel: the bulk of the work (only what changed, in serve; in
        // a one-off build, what loading left: commitments, pages and bodies that link other files). Nothing after this
        // holds the loaded posts, so a one-off build can let their Markdown go as it renders.
        var documents = RenderDocuments(content.Posts.Where(p => Publishes(p, now)).ToList(),
            commitments, pages, settings, content.InputDirectory, changes);
        content = null;
        var postCount = documents.Count - commitments.Count - pages.Count - 1;
        var renderedCommitments = documents.Skip(postCount).Take(commitments.Count).ToList();
        var renderedPages = documents.Skip(postCount + commitments.Count).Take(pages.Count).ToList();
        var intro = documents[^1].Html;
        stages.Lap("render markdown");

        var site = new SiteModel(settings,
            documents.Take(postCount).Select(d => d.Published!),
            commitments.Select((c, i) => new CommitmentArchive(c, renderedCommitments[i].Html, [])),
            pages.Select((p, i) => new PublishedPage(p, renderedPages[i].Path, renderedPages[i].Html)),
            intro, _site);
        _site = site;
        var views = new ViewFactory(site, assets);
        var plan = PagePlan.Create(site, views);
        // What every page sees: a change here (a title in site.yml, a post count, the theme) makes every page again.
        var siteStamp = new Fingerprint().Add(JsonSerializer.Serialize(views.Site, Json.Site.SiteView)).Add(intro.Html).Add(_themeVersion).Value;
        stages.Lap("site model");

        // Check links against the planned pages and generated files before writing anything; a body's result is kept
        // until the body or the set of site paths changes, which is listed again only when pages came or went.
        var pagePaths = plan.Aggregate(new Fingerprint(), (f, p) => f.Add(p.Path));
        // The pages of files that failed validation count as pages: a link to one is not a second error of the same cause.
        var invalidPaths = invalid.PostSlugs.Select(SiteUrls.PostPath).Concat(invalid.CommitmentSlugs.Select(c => SiteUrls.CommitmentPath(c)))
            .Concat(invalid.PageSlugs.Select(SiteUrls.PagePath)).ToList();
        var redirects = RedirectWriter.Redirects(site).Select(r => r.SitePath).ToList();
        var pathsStamp = site.Posts.Select(p => p.Post.Slug).Concat(site.Commitments.Select(c => c.Commitment.Slug)).Concat(assets.Assets.Select(a => a.To))
            .Concat(invalidPaths).Concat(unpublished.Select(p => "unpublished:" + p)).Concat(redirects.Select(r => "redirect:" + r))
            .Aggregate(pagePaths, (f, p) => f.Add(p)).Value;
        var samePaths = _sitePaths is not null && pathsStamp == _sitePathsStamp;
        (_invalidFiles, _unpublishedPaths) = (invalid.Files, unpublished);
        if (!samePaths)
        {
            // A redirect answers at its address, as a page does, and at its file.
            var redirectFiles = redirects.Select(RedirectWriter.FileFor).ToList();
            (_sitePaths, _sitePathsStamp) = (plan.Select(p => p.Path).Concat(GeneratedFiles(site)).Concat(assets.Assets.Select(a => a.To)).Concat(invalidPaths)
                .Concat(redirects).Concat(redirectFiles).ToHashSet(StringComparer.Ordinal), pathsStamp);
            // A post's alias at an asset's path is the post's error (CheckRedirects), not the theme's.
            _assetsOverwriting = [.. assets.Overwriting(plan.Select(p => SiteUrls.FileFor(p.Path)).Concat(GeneratedFiles(site)))];
        }
        diagnostics.AddRange(_assetsOverwriting);
        // Each body's links are checked on their own, in parallel (at 10,000 posts a tenth of a second on one core), and
        // what was found is then gathered in the documents' order.
        Parallel.ForEach(documents.Where(d => d.LinkDiagnostics is null || !samePaths), CheckLinks);
        var copies = new List<(string Source, string SitePath)>();
        foreach (var document in documents)
        {
            diagnostics.AddRange(document.Diagnostics);
            diagnostics.AddRange(document.LinkDiagnostics!);
            copies.AddRange(document.Copies);
            if (document.Content is Post { FrontMatter.Image: { } image } post && LinkTarget.Classify(image) == LinkKind.RelativeFile)
                copies.Add((Path.Combine(post.Source.Directory, LinkTarget.PathPart(image)), document.Path + image));
        }
        RenderedDocuments.CheckSections(documents, diagnostics);
        CheckRedirects(site, plan, assets, copies, diagnostics);
        stages.Lap("check links");
        if (diagnostics.HasErrors) return Failed();

        // A first build, a theme change or a missing folder writes a whole new folder; otherwise the served one is
        // changed in place.
        using SiteOutput output = _ledger is null || themeChanged || !Directory.Exists(options.OutputDirectory)
            ? StagedOutput.Begin(options.OutputDirectory, keepsHashes: keepForNextBuild)
            : new LiveOutput(options.OutputDirectory, _ledger);
        var published = new PublishedSite(site, views, plan, siteStamp, site.Posts.ToDictionary(p => p.Post.Source.FullPath, StringComparer.Ordinal), nextDue);
        var rendered = RenderPages(published, Enumerable.Range(0, plan.Count), output, diagnostics);
        stages.Lap("render pages");
        if (rendered is null) return Failed();

        // Side by side: each has a serial part (the site feed, the sitemap, the API's post index) the others can fill.
        Parallel.Invoke(
            () => FeedWriter.Write(site, output, siteStamp, now),
            () => SitemapWriter.Write(site, plan, output, new Fingerprint().Add((long)siteStamp).Add((long)pagePaths.Value).Value),
            () => _api.Write(site, views, output, siteStamp),
            () => RedirectWriter.Write(site, output));
        foreach (var asset in assets.Assets)
            if (!output.Unchanged(asset.To, (ulong)_themeVersion)) WriteAsset(asset, output);
        foreach (var (source, sitePath) in copies.Distinct())
        {
            var inputs = new Fingerprint().Add(source).Value;
            if (!changes.Touches(source) && output.Unchanged(sitePath, inputs)) continue;
            output.CopyFile(source, sitePath, inputs);
        }
        stages.Lap("write feeds, sitemap, API, assets");
        _published = published;
        return Commit(output, plan.Count, rendered.Value, diagnostics, stages);
    }

    /// <summary>
    /// Renders (or reuses) the bodies of the published posts, then the commitments, then the pages, then site.yml's intro
    /// for the home page (its links checked and its removed HTML told at its lines, as a post's are), in that order.
    /// </summary>
    private IReadOnlyList<RenderedDocument> RenderDocuments(List<Post> posts, IReadOnlyList<Commitment> commitments, IReadOnlyList<Page> pages,
        SiteSettings settings, string inputDirectory, ChangeSet changes)
    {
        var siteFile = Path.Combine(inputDirectory, "site.yml");
        var urls = new SiteUrls(settings);
        // Page URLs by file, for bodies linking another content file: looked up only when one does.
        var contentFiles = PagePathsOfFiles(posts, commitments, pages);
        var urlOfFile = new Lazy<Dictionary<string, string>>(() => contentFiles.ToDictionary(p => p.File, p => urls.Url(p.Path), StringComparer.Ordinal));
        (object, string, SourceFile, string)[] items = [
            .. posts.Select(p => ((object)p, p.Body, p.Source, SiteUrls.PostPath(p.Slug))),
            .. commitments.Select(c => ((object)c, c.Body, c.Source, SiteUrls.CommitmentPath(c.Slug))),
            .. pages.Select(p => ((object)p, p.Body, p.Source, SiteUrls.PagePath(p.Slug))),
            (settings, settings.Intro ?? "", new SourceFile(siteFile, ContentLoader.DisplayPath(siteFile), settings.IntroPlacement?.At(0, 0).Line ?? 1, settings.IntroPlacement), "")];
        posts.Clear(); // the caller's list, made for this call: the items now hold the only references
        return DocumentsFor(settings).Render(items, f => urlOfFile.Value.GetValueOrDefault(f), changes);
    }

    /// <summary>The page path of each content file, for bodies that link a post's, a commitment's or a page's .md file.</summary>
    private static List<(string File, string Path)> PagePathsOfFiles(IEnumerable<Post> posts, IEnumerable<Commitment> commitments, IEnumerable<Page> pages) =>
        [.. posts.Select(p => (p.Source.FullPath, SiteUrls.PostPath(p.Slug))), .. commitments.Select(c => (c.Source.FullPath, SiteUrls.CommitmentPath(c.Slug))),
            .. pages.Select(p => (p.Source.FullPath, SiteUrls.PagePath(p.Slug)))];

    /// <summary>The site's settings as this build publishes them (with the base URL it was given, if any).</summary>
    private SiteSettings Effective(SiteSettings loaded) => options.BaseUrl is null ? loaded : loaded.WithBaseUrl(options.BaseUrl);

    /// <summary>
    /// Warns of posts dated more than a year after <paramref name="now"/>: scheduling a post weeks ahead is usual, but a
    /// year typed wrong (2062 for 2026) would hide a post for decades while every check passed.
    /// </summary>
    private static void WarnDatedFarAhead(IEnumerable<Post> posts, DateTimeOffset now, DiagnosticList diagnostics)
    {
        foreach (var post in posts.Where(p => !p.FrontMatter.Draft && p.Date.Value > now.AddYears(1)))
            diagnostics.Add(DiagnosticCode.DatedFarAhead, post.DateLocation,
                $"the post is dated {ViewFactory.DateDisplay(post.Date)}, more than a year from now: it will not appear on the site until then");
    }

    /// <summary>True when this build publishes <paramref name="post"/>: not a draft nor dated later than <paramref name="now"/>, unless drafts are asked for.</summary>
    private bool Publishes(Post post, DateTimeOffset now) => options.IncludeDrafts || (!post.FrontMatter.Draft && post.Date.Value <= now);

    /// <summary>The rendered bodies for <paramref name="settings"/>' URLs: those of earlier builds while the base URL stays.</summary>
    private RenderedDocuments DocumentsFor(SiteSettings settings)
    {
        if (_documents is null || _documentsBaseUrl != settings.BaseUrl)
            (_documents, _documentsBaseUrl) = (new RenderedDocuments(new SiteUrls(settings), keepForNextBuild), settings.BaseUrl);
        return _documents;
    }

    /// <summary>
    /// Serve's quick path for the usual edit: published posts edited in place, each keeping its place in the site
    /// (<see cref="SiteModel.KeepsPlace"/>), with no other file changed. The model takes the edited posts in place of
    /// their earlier versions, and only the pages showing them, the feeds and the posts' API files are made again.
    /// Returns null for any other change, which the full path then handles.
    /// </summary>
    private BuildResult? EditInPlace(ChangeSet changes, DateTimeOffset now, DiagnosticList diagnostics, Stages stages)
    {
        if (_published is not { } last || _ledger is null || _documents is null || changes.All || changes.Paths.Count == 0
            || last.NextDue <= now || !Directory.Exists(options.OutputDirectory))
            return null;
        var edits = new List<(PublishedPost Earlier, Post Post)>();
        foreach (var path in changes.Paths)
        {
            if (!last.PostsByFile.TryGetValue(path, out var earlier) || _loader.ContentAt(path) is not Post post
                || !SiteModel.KeepsPlace(earlier.Post, post) || post.FrontMatter.Image != earlier.Post.FrontMatter.Image)
                return null;
            if (!ReferenceEquals(post, earlier.Post)) edits.Add((earlier, post));
        }
        var site = last.Site;
        var earlierCopies = edits.Select(e => _documents.For(e.Earlier.Post.Source.FullPath)?.Copies ?? []).ToList();
        var documents = _documents.RenderAgain(edits.Select(e => ((object)e.Post, e.Post.Body, e.Post.Source, e.Earlier.Path)).ToList(),
            file => last.PostsByFile.TryGetValue(file, out var linked) ? site.Urls.Url(linked.Path) : last.OtherPagesByFile.TryGetValue(file, out var path) ? site.Urls.Url(path) : null);
        for (var i = 0; i < documents.Count; i++)
        {
            CheckLinks(documents[i]);
            // A body that now links other files to publish beside it changes the site's files: the full path does that.
            if (!documents[i].Copies.SequenceEqual(earlierCopies[i])) return null;
        }
        foreach (var document in _documents.All)
        {
            diagnostics.AddRange(document.Diagnostics);
            diagnostics.AddRange(document.LinkDiagnostics ?? []);
        }
        RenderedDocuments.CheckSections(_documents.All, diagnostics);
        stages.Lap("render markdown");
        if (diagnostics.HasErrors) return Fail(diagnostics, stages);

        foreach (var (document, (earlier, _)) in documents.Zip(edits))
        {
            site.Replace(earlier, document.Published!);
            last.PostsByFile[earlier.Post.Source.FullPath] = document.Published!;
        }
        var pages = edits.SelectMany(e => last.PagesShowing.GetValueOrDefault(e.Earlier.Post.Source.FullPath) ?? []).Distinct().Order().ToList();
        stages.Lap("site model");
        using var output = new LiveOutput(options.OutputDirectory, _ledger, keepOthers: true);
        var rendered = RenderPages(last, pages, output, diagnostics);
        stages.Lap("render pages");
        if (rendered is null) return Fail(diagnostics, stages);
        FeedWriter.Write(site, output, last.SiteStamp, now);
        _api.Write(site, last.Views, output, last.SiteStamp, documents.Select(d => d.Published!).ToList());
        stages.Lap("write feeds, API");
        return Commit(output, last.Plan.Count, rendered.Value, diagnostics, stages) with { EditedInPlace = true };
    }

    /// <summary>
    /// Whether the theme (as last built) publishes <paramref name="path"/> (a full path): serve follows the few files of
    /// the theme's npm packages that theme.yml lists, as an 'npm update' changes them, and none of the others.
    /// </summary>
    public bool PublishesThemeFile(string path) => _assets is { } assets && assets.Assets.Any(a => assets.SourceOf(a) == path);

    /// <summary>
    /// Serve's path for edits of the theme's files that are published as they are (its stylesheet, scripts, images):
    /// pages only link them, so only those files are written again. Returns null for any other change.
    /// </summary>
    private BuildResult? EditAssets(ChangeSet changes, DiagnosticList diagnostics, Stages stages)
    {
        if (_published is null || _ledger is null || _assets is not { } assets || changes.All || changes.Paths.Count == 0
            || !Directory.Exists(options.OutputDirectory))
            return null;
        var bySource = assets.Assets.ToLookup(assets.SourceOf, StringComparer.Ordinal);
        if (!changes.Paths.All(p => bySource.Contains(p) && File.Exists(p))) return null;
        using var output = new LiveOutput(options.OutputDirectory, _ledger, keepOthers: true);
        foreach (var asset in changes.Paths.SelectMany(p => bySource[p])) WriteAsset(asset, output);
        stages.Lap("write assets");
        return Commit(output, _published.Plan.Count, (0, 0), diagnostics, stages);
    }

    /// <summary>Publishes a theme asset: the theme's own CSS and JavaScript minified, anything else as it is.</summary>
    private void WriteAsset(ThemeAsset asset, SiteOutput output)
    {
        var from = _assets!.SourceOf(asset);
        var inputs = (ulong)_themeVersion;
        if (AssetMinifier.Minify(from) is { } minified) output.WriteText(asset.To, minified, inputs);
        else output.CopyFile(from, asset.To, inputs);
    }

    /// <summary>
    /// Renders the pages of <paramref name="site"/>'s plan at <paramref name="positions"/> whose inputs changed; returns
    /// how many were rendered and how many of those were post pages, or null after a template error. A served folder
    /// gets them once all are rendered (a template error then leaves it as it was), up to a memory budget: a change
    /// every page sees (a new post changes the counts every template may show) streams the rest as they render.
    /// </summary>
    private (int Pages, int PostPages)? RenderPages(PublishedSite site, IEnumerable<int> positions, SiteOutput output, DiagnosticList diagnostics)
    {
        var rendered = new ConcurrentBag<(string File, string Html, ulong Inputs)>();
        var held = 0L;
        var count = 0;
        var postPages = 0;
        var partials = new PartialOutputs();
        try
        {
            Parallel.ForEach(positions, i =>
            {
                var page = site.Plan[i];
                var file = SiteUrls.FileFor(page.Path);
                var inputs = new Fingerprint().Add((long)site.SiteStamp).Add(page.Template).Add(page.Key);
                var shows = page.Shows();
                foreach (var shown in shows) inputs = inputs.Add(shown.Version);
                if (keepForNextBuild) site.Shown[i] ??= [.. shows.Select(p => p.Post.Source.FullPath)];
                if (output.Unchanged(file, inputs.Value)) return;
                var html = _theme!.RenderForThread(page.Template, page.Values(), partials);
                if (page.Template == "post") Interlocked.Increment(ref postPages);
                Interlocked.Increment(ref count);
                if (output is StagedOutput || Interlocked.Add(ref held, html.Length) > HeldPagesBudget) output.WriteText(file, html, inputs.Value);
                else rendered.Add((file, html.ToString(), inputs.Value));
            });
        }
        catch (AggregateException e) when (e.InnerException is TemplateRenderException failure)
        {
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(failure.File), $"template failed to render: {failure.Message}");
            return null;
        }
        foreach (var (file, html, inputs) in rendered) output.WriteText(file, html, inputs);
        return (count, postPages);
    }

    /// <summary>
    /// Finishes a build: a new folder is indexed for search (when post pages were made) and swapped in; a served folder
    /// is tidied, and its search index left for <see cref="IndexSearch"/>, once open tabs have reloaded.
    /// </summary>
    private BuildResult Commit(SiteOutput output, int pageCount, (int Pages, int PostPages) rendered, DiagnosticList diagnostics, Stages stages)
    {
        // The search index reads post pages only: it is made again when one of them was.
        var search = options.Search && rendered.PostPages > 0;
        if (search && output is StagedOutput)
        {
            SearchIndexer.Index(output.Root, _assets!.ThemeDirectory, diagnostics);
            _searchStale = false;
            stages.Lap("search index");
        }
        else if (search)
        {
            _searchStale = true;
        }
        output.Commit();
        _ledger = output.Ledger;
        stages.Lap("swap output");
        return new BuildResult(diagnostics.Sorted(), pageCount, output.Ledger.Files.Count, stages.Timings)
            { WrittenCount = output.WrittenCount, RenderedCount = rendered.Pages, SearchPending = options.Search && _searchStale };
    }

    /// <summary>
    /// Serve: indexes the served folder for search after a build that left it out of date. A newer edit cancels it;
    /// the index then stays out of date and the next build says so again.
    /// </summary>
    public IReadOnlyList<Diagnostic> IndexSearch(CancellationToken cancellation)
    {
        var diagnostics = new DiagnosticList();
        SearchIndexer.Index(options.OutputDirectory, _assets!.ThemeDirectory, diagnostics, replace: true, cancellation);
        if (!cancellation.IsCancellationRequested) _searchStale = false;
        return diagnostics.Sorted();
    }

    /// <summary>A build that wrote nothing. The edits it read are not published, so the next build goes the full way.</summary>
    private BuildResult Fail(DiagnosticList diagnostics, Stages stages)
    {
        _published = null;
        return new BuildResult(diagnostics.Sorted(), 0, 0, stages.Timings);
    }

    /// <summary>Checks a body's links (and a post's header image) against the site's paths, keeping the result with it.</summary>
    private void CheckLinks(RenderedDocument document)
    {
        var found = new DiagnosticList();
        var links = new LinkValidator(_sitePaths!.Contains, _unpublishedPaths.Contains, _invalidFiles.Contains, found, _siteAddress!);
        (document.Copies, document.SectionLinks) = links.Check(document.Markdown, document.Source, document.Path, document.Context);
        if (document.Content is Post { FrontMatter.Image: { } image } post) links.CheckHeaderImage(image, post.ImageLocation);
        document.LinkDiagnostics = found.Sorted();
    }

    /// <summary>
    /// An alias (a post's earlier address) may not be the address of a page, file, asset or picture the site has, nor
    /// another post's alias, nor inside the search index's folder: its redirect would replace it, or be replaced. Nor may
    /// a file and a folder share a name: the redirect of <c>/feed.xml/</c> is <c>feed.xml/index.html</c>, in a folder the
    /// file <c>feed.xml</c> already is, and the redirect of <c>/v1.2</c> would be a file where a page's folder is.
    /// </summary>
    private static void CheckRedirects(SiteModel site, IReadOnlyList<PlannedPage> plan, ThemeAssets assets, List<(string Source, string SitePath)> copies,
        DiagnosticList diagnostics)
    {
        var redirects = site.Posts.SelectMany(p => p.Post.AliasLocations).ToList();
        if (redirects.Count == 0) return;
        var taken = plan.Select(p => SiteUrls.FileFor(p.Path)).Concat(GeneratedFiles(site)).Concat(assets.Assets.Select(a => a.To))
            .Concat(copies.Select(c => c.SitePath)).ToHashSet(StringComparer.Ordinal);
        var folders = taken.SelectMany(FoldersOf).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in redirects)
        {
            var file = RedirectWriter.FileFor(RedirectWriter.SitePath(alias.Value));
            if (!file.StartsWith(SiteUrls.PagefindFolder, StringComparison.Ordinal) && !folders.Contains(file) && !FoldersOf(file).Any(taken.Contains)
                && taken.Add(file))
            {
                folders.UnionWith(FoldersOf(file));
                continue;
            }
            diagnostics.Add(DiagnosticCode.DuplicateSlug, alias.Location, $"alias '{alias.Value}' is an address the site already uses (a page, a file, another post's alias or the search index)",
                "Remove the alias, or give the address this post had before, which no page has now.");
        }
    }

    /// <summary>The folders a site file is in, outermost first: <c>posts</c> and <c>posts/one</c> for <c>posts/one/index.html</c>.</summary>
    private static IEnumerable<string> FoldersOf(string file)
    {
        for (var slash = file.IndexOf('/'); slash >= 0; slash = file.IndexOf('/', slash + 1)) yield return file[..slash];
    }

    /// <summary>Files the build writes besides pages, redirects and assets, so content may link to them.</summary>
    private static IEnumerable<string> GeneratedFiles(SiteModel site) =>
        new[] { "feed.xml", "feed.json", "sitemap.xml", "robots.txt" }
            .Concat(site.Commitments.Select(c => SiteUrls.CommitmentFeedPath(c.Commitment.Slug)))
            .Concat(ApiWriter.IndexAndDetailFiles(site))
            .Concat(site.Posts.Select(p => $"api/posts/{p.Post.Slug}.json"));

    /// <summary>Top-level folders the site itself writes: a page with one of these names would overwrite them.</summary>
    private static readonly HashSet<string> ReservedPageSlugs = new(StringComparer.Ordinal) { "posts", "commitments", "tags", "page", "api", "assets", "search", "pagefind" };

    private static void CheckPageSlugs(IReadOnlyList<Page> pages, DiagnosticList diagnostics)
    {
        foreach (var page in pages.Where(p => ReservedPageSlugs.Contains(p.Slug)))
            diagnostics.Add(DiagnosticCode.DuplicateSlug, SourceLocation.WholeFile(page.Source.DisplayPath),
                $"a page named '{page.Slug}' would replace the site's own /{page.Slug}/ pages", "Rename the page's file.");
    }

    /// <summary>
    /// Warns where tags written differently share one page (C# and C++ are /tags/c/): the page takes the first spelling's
    /// name and lists both. Capitals and accents are the same tag (Wellbeing, wellbeing; Ünïcödé, Unicode), not told.
    /// </summary>
    private static void CheckTagSpellings(IReadOnlyList<Post> posts, DiagnosticList diagnostics)
    {
        var first = new Dictionary<string, (string Tag, string Folded, Post Post)>(StringComparer.Ordinal);
        // The same few spellings are written on thousands of posts: each is slugified and folded once.
        var spellings = new Dictionary<string, (string Slug, string Folded)>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            foreach (var tag in post.TagLocations)
            {
                if (!spellings.TryGetValue(tag.Value, out var spelling)) spellings[tag.Value] = spelling = (Slugs.ForTag(tag.Value), Slugs.Folded(tag.Value));
                var (slug, folded) = spelling;
                if (!first.TryGetValue(slug, out var earlier)) first[slug] = (tag.Value, folded, post);
                else if (earlier.Folded != folded)
                    diagnostics.Add(DiagnosticCode.TagsShareAPage, tag.Location,
                        $"tag '{tag.Value}' shares the page /tags/{slug}/ with tag '{earlier.Tag}' of {earlier.Post.Source.DisplayPath}");
            }
        }
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
