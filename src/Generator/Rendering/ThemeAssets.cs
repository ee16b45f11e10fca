using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Site;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// The files the pages use, listed in <c>theme/theme.yml</c> (from the theme folder or its npm packages, to a site
/// path): only these are copied, so the site carries no unused part of nhsuk-frontend.
/// </summary>
public sealed class ThemeAssets
{
    /// <summary>The asset names the layout refers to (as <c>site.assets.&lt;name&gt;</c>).</summary>
    public static readonly IReadOnlyList<string> RequiredNames = ["css", "site_css", "js", "favicon", "favicon_svg", "apple_touch_icon", "og_image"];

    private ThemeAssets(IReadOnlyList<ThemeAsset> assets, string themeDirectory)
    {
        Assets = assets;
        ThemeDirectory = themeDirectory;
    }

    /// <summary>Every listed asset.</summary>
    public IReadOnlyList<ThemeAsset> Assets { get; }

    /// <summary>The theme folder the <c>from</c> paths are relative to.</summary>
    public string ThemeDirectory { get; }

    /// <summary>The site path of the default Open Graph image.</summary>
    public string OpenGraphImagePath => Assets.First(a => a.Name == "og_image").To;

    /// <summary>Reads theme.yml; null with diagnostics when it is unreadable, lacks a required asset or names a missing file.</summary>
    public static ThemeAssets? Load(string themeDirectory, DiagnosticList diagnostics)
    {
        var path = Path.Combine(themeDirectory, "theme.yml");
        var display = ContentLoader.DisplayPath(Path.GetFullPath(path));
        if (!File.Exists(path))
        {
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(display), "theme.yml is missing");
            return null;
        }
        ThemeFile? file;
        try
        {
            file = ObjectYaml.Reader(UnderscoredNamingConvention.Instance)
                .Deserialize<ThemeFile>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticCode.TemplateError, new SourceLocation(display, (int)e.Start.Line, (int)e.Start.Column),
                $"theme.yml is not valid: {(e.InnerException ?? e).Message.Split('\n')[0]}", "Each asset needs name, from and to.");
            return null;
        }
        var assets = file?.Assets ?? [];
        var ok = true;
        foreach (var name in RequiredNames.Where(n => assets.All(a => a.Name != n)))
        {
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(display), $"theme.yml lists no asset named '{name}'");
            ok = false;
        }
        foreach (var asset in assets.Where(a => !File.Exists(Path.Combine(themeDirectory, a.From))))
        {
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(display), $"theme asset '{asset.From}' does not exist",
                "Run 'npm ci' in theme/ (the build does it when node_modules is missing), or correct the path.");
            ok = false;
        }
        return ok ? new ThemeAssets(assets, themeDirectory) : null;
    }

    /// <summary>
    /// The URLs templates see as <c>site.assets.&lt;name&gt;</c>: every asset theme.yml lists, so an editor can add one
    /// (a script, a font) without recompiling.
    /// </summary>
    public IReadOnlyDictionary<string, object> Urls(SiteUrls urls) =>
        Assets.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (object)urls.Url(g.Last().To), StringComparer.Ordinal);

    /// <summary>theme.yml's shape.</summary>
    private sealed class ThemeFile
    {
        public List<ThemeAsset> Assets { get; set; } = [];
    }
}

/// <summary>One file copied into the site.</summary>
public sealed class ThemeAsset
{
    /// <summary>How templates refer to it (<c>site.assets.&lt;name&gt;</c>); optional for files only other assets use.</summary>
    public string Name { get; set; } = "";

    /// <summary>The file, relative to the theme folder.</summary>
    public string From { get; set; } = "";

    /// <summary>Its site path.</summary>
    public string To { get; set; } = "";
}
