using System.Collections.Concurrent;
using System.Diagnostics;
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
/// <param name="PageCount">HTML pages written (0 when the build failed).</param>
/// <param name="FileCount">Files written in all.</param>
/// <param name="Timings">How long each stage took, in order.</param>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, int FileCount, IReadOnlyList<(string Stage, TimeSpan Time)> Timings)
{
    /// <summary>True when the site was written.</summary>
    public bool Succeeded => Diagnostics.All(d => !d.IsError);
}

/// <summary>
/// The build pipeline: load → validate → render Markdown → post-process HTML → site model → check links →
/// render pages → write feeds, sitemap, API and assets → swap the output in. Any error stops before anything is
/// written, so the previous site stays as it was.
/// </summary>
public static class SiteBuilder
{
    private sealed record RenderedDocument(MarkdownHtml Markdown, ProcessedHtml Html, SourceFile Source, string Path);

    /// <summary>Builds the site described by <paramref name="options"/>.</summary>
    public static BuildResult Build(BuildOptions options)
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
        var theme = ThemeTemplates.Load(options.ThemeDirectory, diagnostics);
        var assets = ThemeAssets.Load(options.ThemeDirectory, diagnostics);
        var content = ContentLoader.Load(options.InputDirectory, diagnostics);
        Lap("load");
        if (content is null || theme is null || assets is null) return Failed();

        var settings = options.BaseUrl is null ? content.Settings : content.Settings.WithBaseUrl(options.BaseUrl);
        var urls = new SiteUrls(settings);
        var now = options.Now ?? DateTimeOffset.Now;
        CheckDuplicateSlugs(content.Posts, diagnostics);
        CheckPageSlugs(content.Pages, diagnostics);
        var posts = content.Posts.Where(p => options.IncludeDrafts || (!p.FrontMatter.Draft && p.Date.Value <= now)).ToList();

        // Render Markdown and post-process the HTML, in parallel: the bulk of the work.
        var urlOfFile = posts.ToDictionary(p => p.Source.FullPath, p => urls.Url(SiteUrls.PostPath(p.Slug)), StringComparer.Ordinal);
        var processor = new HtmlPostProcessor(urls);
        RenderedDocument Render(string body, SourceFile source, string path)
        {
            MarkdownHtml markdown;
            ProcessedHtml html;
            try
            {
                markdown = MarkdownRenderer.Render(body);
                html = processor.Process(markdown, new DocumentContext(urls.Url(path), source.Directory, f => urlOfFile.GetValueOrDefault(f)));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
            {
                // Hostile or broken bodies (nesting bombs) fail this file, not the whole process.
                diagnostics.Add(DiagnosticCode.UnrenderableBody, new SourceLocation(source.DisplayPath, source.BodyFirstLine, 1),
                    $"the body cannot be rendered: {e.Message}");
                markdown = new MarkdownHtml("", [], null);
                html = new ProcessedHtml("", "", 0, []);
            }
            foreach (var removed in html.RemovedHtml.Distinct())
                diagnostics.Add(DiagnosticCode.UnsafeHtmlRemoved, SourceLocation.FromMarkdown(source.DisplayPath, markdown.RawHtmlLine ?? 0, 0, source.BodyFirstLine),
                    $"unsafe HTML removed: {removed}");
            // Markdig's HTML is not needed once processed (only its links are, for the link check): at 10,000 posts
            // keeping it would hold another 300 MB until the end of the build.
            return new RenderedDocument(markdown with { Html = "" }, html, source, path);
        }
        var renderedPosts = new RenderedDocument[posts.Count];
        Parallel.For(0, posts.Count, i => renderedPosts[i] = Render(posts[i].Body, posts[i].Source, SiteUrls.PostPath(posts[i].Slug)));
        var renderedCommitments = content.Commitments.Select(c => Render(c.Body, c.Source, SiteUrls.CommitmentPath(c.Slug))).ToList();
        var renderedPages = content.Pages.Select(p => Render(p.Body, p.Source, SiteUrls.PagePath(p.Slug))).ToList();
        var intro = processor.Process(MarkdownRenderer.Render(settings.Intro ?? ""), new DocumentContext(urls.BasePath, content.InputDirectory, _ => null));
        Lap("render markdown");

        var site = new SiteModel(settings,
            posts.Select((p, i) => new PublishedPost(p, renderedPosts[i].Path, renderedPosts[i].Html)),
            content.Commitments.Select((c, i) => new CommitmentArchive(c, renderedCommitments[i].Html, [])),
            content.Pages.Select((p, i) => new PublishedPage(p, renderedPages[i].Path, renderedPages[i].Html)),
            intro);
        var views = new ViewFactory(site, assets);
        var plan = PagePlan.Create(site, views);
        Lap("site model");

        // Check links against the planned pages and generated files before writing anything.
        var sitePaths = plan.Select(p => p.Path).Concat(GeneratedFiles(site)).Concat(assets.Assets.Select(a => a.To)).ToHashSet(StringComparer.Ordinal);
        var copies = new ConcurrentBag<(string Source, string SitePath)>();
        var validator = new LinkValidator(sitePaths.Contains, f => urlOfFile.GetValueOrDefault(f), diagnostics);
        foreach (var document in renderedPosts.Concat(renderedCommitments).Concat(renderedPages))
            foreach (var copy in validator.Check(document.Markdown, document.Source, document.Path)) copies.Add(copy);
        foreach (var post in posts.Where(p => p.FrontMatter.Image is { } image && LinkTarget.Classify(image) == LinkKind.RelativeFile))
            copies.Add((Path.Combine(post.Source.Directory, LinkTarget.PathPart(post.FrontMatter.Image!)), SiteUrls.PostPath(post.Slug) + post.FrontMatter.Image));
        Lap("check links");
        if (diagnostics.HasErrors) return Failed();

        using var output = StagedOutput.Begin(options.OutputDirectory);
        try
        {
            Parallel.ForEach(plan, page => output.WriteText(SiteUrls.FileFor(page.Path), theme.Render(page.Template, page.Values())));
        }
        catch (AggregateException e) when (e.InnerException is TemplateRenderException failure)
        {
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(failure.File), $"template failed to render: {failure.Message}");
            return Failed();
        }
        Lap("render pages");
        FeedWriter.Write(site, output);
        SitemapWriter.Write(site, plan, output);
        ApiWriter.Write(site, views, output);
        foreach (var asset in assets.Assets)
        {
            var from = Path.Combine(assets.ThemeDirectory, asset.From);
            if (AssetMinifier.Minify(from) is { } minified) output.WriteText(asset.To, minified);
            else output.CopyFile(from, asset.To);
        }
        foreach (var (source, sitePath) in copies.Distinct()) output.CopyFile(source, sitePath);
        Lap("write feeds, sitemap, API, assets");
        var files = output.FileCount;
        if (options.Search)
        {
            SearchIndexer.Index(output.Root, assets.ThemeDirectory, diagnostics);
            Lap("search index");
        }
        output.Commit();
        Lap("swap output");
        return new BuildResult(diagnostics.Sorted(), plan.Count, files, timings);
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
        foreach (var group in posts.GroupBy(p => p.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = group.Select(p => p.Source.DisplayPath).ToList();
            foreach (var post in group)
                diagnostics.Add(DiagnosticCode.DuplicateSlug, post.SlugLocation,
                    $"slug '{post.Slug}' is also used by {string.Join(", ", files.Where(f => f != post.Source.DisplayPath))}");
        }
    }
}
