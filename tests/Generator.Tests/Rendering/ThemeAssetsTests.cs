using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Tests.Rendering;

/// <summary>theme.yml decides what is published: its paths stay inside the theme folder and the site.</summary>
public sealed class ThemeAssetsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ppnblog-theme-" + Guid.NewGuid().ToString("N"));

    private string Theme => Path.Combine(_root, "theme");

    public ThemeAssetsTests()
    {
        Directory.CreateDirectory(Path.Combine(Theme, "assets"));
        File.WriteAllText(Path.Combine(Theme, "assets", "site.css"), "body{}");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "a runner's token");
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere"));
        File.WriteAllText(Path.Combine(_root, "elsewhere", "x.css"), "outside");
        File.CreateSymbolicLink(Path.Combine(Theme, "assets", "link.css"), Path.Combine(_root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Theme, "linked"), Path.Combine(_root, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(Theme, "assets", "inside.css"), Path.Combine(Theme, "assets", "site.css"));
        Directory.CreateDirectory(Path.Combine(Theme, "node_modules"));
        Directory.CreateSymbolicLink(Path.Combine(Theme, "node_modules", "linked-package"), Path.Combine(_root, "elsewhere"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Every required asset from the theme's own stylesheet, then one more entry under test.</summary>
    private (ThemeAssets? Assets, List<string> Lines) Load(string from, string to)
    {
        var entries = ThemeAssets.RequiredNames.Select(n => $"  - name: {n}\n    from: assets/site.css\n    to: assets/{n}.css\n");
        File.WriteAllText(Path.Combine(Theme, "theme.yml"), "assets:\n" + string.Concat(entries) + $"  - name: extra\n    from: {from}\n    to: {to}\n");
        var diagnostics = new DiagnosticList();
        var assets = ThemeAssets.Load(Theme, diagnostics);
        return (assets, diagnostics.Sorted().Select(d => $"{d.Location.Line}: {d.Message}").ToList());
    }

    [Theory]
    [InlineData("../secret.txt", "theme asset '../secret.txt' is outside the theme folder")]
    [InlineData("/etc/hostname", "theme asset '/etc/hostname' is outside the theme folder")]
    [InlineData("assets/link.css", "theme asset 'assets/link.css' is outside the theme folder")]
    [InlineData("linked/x.css", "theme asset 'linked/x.css' is outside the theme folder")]
    [InlineData("assets/missing.css", "theme asset 'assets/missing.css' does not exist")]
    public void A_source_outside_the_theme_or_missing_is_refused_at_its_line(string from, string message)
    {
        var (assets, lines) = Load(from, "assets/extra.css");
        Assert.Null(assets);
        Assert.Equal([$"{3 * ThemeAssets.RequiredNames.Count + 3}: {message}"], lines);
    }

    [Theory]
    [InlineData("../outside.css")]
    [InlineData("/tmp/absolute.css")]
    [InlineData("assets/../../up.css")]
    [InlineData("assets//double.css")]
    public void A_site_path_outside_the_site_is_refused_at_its_line(string to)
    {
        var (assets, lines) = Load("assets/site.css", to);
        Assert.Null(assets);
        Assert.Equal([$"{3 * ThemeAssets.RequiredNames.Count + 4}: theme asset path '{to}' is not a plain path inside the site"], lines);
    }

    [Theory]
    [InlineData("index.html", "a file the site makes itself")]
    [InlineData("feed.xml", "a file the site makes itself")]
    [InlineData("assets/css.css", "where another theme asset is published")]
    public void An_asset_published_over_a_site_file_or_another_asset_is_refused_at_its_line(string to, string what)
    {
        var (assets, lines) = Load("assets/site.css", to);
        Assert.Empty(lines);
        var error = Assert.Single(assets!.Overwriting(["index.html", "posts/one/index.html", "feed.xml"]));
        Assert.Equal($"{Path.Combine(Theme, "theme.yml")}:{3 * ThemeAssets.RequiredNames.Count + 4}:1: error PPN016: theme asset path '{to}' is {what} "
            + "(hint: Publish the asset at a path of its own, e.g. under assets/.)", error.ToString());
        Assert.Empty(Load("assets/site.css", "assets/extra.css").Assets!.Overwriting(["index.html", "feed.xml"]));
    }

    [Theory]
    [InlineData("assets/inside.css")]
    [InlineData("node_modules/linked-package/x.css")] // npm link: made by npm where the site is built, not committed
    public void Files_of_the_theme_or_its_npm_packages_even_through_links_are_published(string from)
    {
        var (assets, lines) = Load(from, "assets/extra.css");
        Assert.Empty(lines);
        Assert.Equal(from, assets!.Assets[^1].From);
    }
}
