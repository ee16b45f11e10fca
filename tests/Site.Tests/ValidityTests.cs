using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Html;

namespace PPNBlog.Site.Tests;

/// <summary>The built files themselves: valid HTML (Nu HTML Checker), an honest sitemap, no broken links, and a small page.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ValidityTests(BuiltSite site)
{
    private IEnumerable<string> HtmlFiles => Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(site.Output, f).StartsWith("pagefind", StringComparison.Ordinal));

    [Fact]
    public async Task Every_generated_page_passes_the_nu_html_checker_with_no_errors()
    {
        var jar = Path.Combine(BuiltSite.RepositoryRoot, "tests", "Site.Tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar)) throw new InvalidOperationException($"vnu.jar is missing at {jar}: run ./test.sh (it runs npm ci in tests/Site.Tests)");
        var pages = HtmlFiles.ToList();
        var start = new ProcessStartInfo("java", ["-jar", jar, "--errors-only", "--format", "json", .. pages]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var vnu = Process.Start(start) ?? throw new InvalidOperationException("Java is not installed: run ./test.sh as root, or apt-get install default-jre-headless");
        var report = vnu.StandardError.ReadToEndAsync();
        await vnu.StandardOutput.ReadToEndAsync();
        await vnu.WaitForExitAsync();

        using var json = JsonDocument.Parse(await report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{m.GetProperty("url").GetString()}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(pages.Count > 40, $"only {pages.Count} pages were checked");
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
    }

    [Fact]
    public void The_sitemap_lists_every_page_and_only_real_pages()
    {
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var listed = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToHashSet(StringComparer.Ordinal);
        // A post's earlier address is a redirect to it, not a page of its own: search engines are sent to the post.
        var redirects = HtmlFiles.Where(f => File.ReadAllText(f).Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, redirects.Count);
        var pages = HtmlFiles.Except(redirects).Where(f => Path.GetFileName(f) == "index.html")
            .Select(f => "/" + Path.GetRelativePath(site.Output, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
            .Select(p => p == "/./" ? "/" : p).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], listed.Except(pages).Order(StringComparer.Ordinal));
        Assert.Equal([], pages.Except(listed).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/404.html", listed);
    }

    [Fact]
    public void No_internal_link_or_image_is_broken()
    {
        var diagnostics = new DiagnosticList();
        BuiltSiteLinkChecker.Check(site.Output, site.BaseUrl.AbsolutePath, "_site", diagnostics);
        Assert.Empty(diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void A_post_page_with_its_css_and_js_is_at_most_60_kb_gzipped_and_its_images_carry_their_size()
    {
        var html = File.ReadAllText(Path.Combine(site.Output, "posts", "a-garden-for-the-ward", "index.html"));
        var document = new HtmlParser().ParseDocument(html);
        var resources = document.QuerySelectorAll("link[rel=stylesheet][href], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .Concat(document.QuerySelectorAll("script[type=module]:not([src])").SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s.TextContent, @"from '([^']+)'").Select(m => m.Groups[1].Value)))
            .Select(url => Path.Combine(site.Output, url!.TrimStart('/')))
            .Distinct().ToList();
        Assert.Contains(resources, r => r.EndsWith("nhsuk-frontend.min.js", StringComparison.Ordinal));
        var total = Gzipped(System.Text.Encoding.UTF8.GetBytes(html)) + resources.Sum(r => Gzipped(File.ReadAllBytes(r)));

        Assert.True(total <= 60 * 1024, $"a post page transfers {total / 1024.0:0.0} KB gzipped (limit 60 KB)");
        var images = document.QuerySelectorAll("main img");
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Equal(("40", "30"), (image.GetAttribute("width"), image.GetAttribute("height"))));
    }

    [Fact]
    public void Every_css_and_js_file_is_minified()
    {
        var files = Directory.EnumerateFiles(Path.Combine(site.Output, "assets"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var again = file.EndsWith(".css", StringComparison.Ordinal) ? NUglify.Uglify.Css(text).Code : NUglify.Uglify.Js(text).Code;
            // Minifying a minified file again gains (almost) nothing.
            Assert.True(again.Length >= text.Length * 0.9, $"{Path.GetFileName(file)} is not minified: {text.Length} bytes, {again.Length} after minifying");
        }
    }

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }
}
