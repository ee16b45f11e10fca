using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Sources;
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

    private readonly string _display;
    private readonly string _text;

    private ThemeAssets(IReadOnlyList<ThemeAsset> assets, string themeDirectory, string display, string text)
    {
        Assets = assets;
        ThemeDirectory = themeDirectory;
        (_display, _text) = (display, text);
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
        var text = File.ReadAllText(path);
        ThemeFile? file;
        try
        {
            file = ObjectYaml.Reader(UnderscoredNamingConvention.Instance).Deserialize<ThemeFile>(text);
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
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(display), $"theme.yml lists no asset named '{name}'",
                $"Add an entry with 'name: {name}', 'from' (a file in theme/) and 'to' (its path in the site): the layout links it.");
            ok = false;
        }
        var root = Path.GetFullPath(themeDirectory);
        foreach (var asset in assets)
        {
            if (AssetProblem(asset, root) is not { } problem) continue;
            diagnostics.Add(DiagnosticCode.TemplateError, new SourceLocation(display, LineOf(text, problem.Value), 1), problem.Message, problem.Hint);
            ok = false;
        }
        return ok ? new ThemeAssets(assets, themeDirectory, display, text) : null;
    }

    /// <summary>The file <paramref name="asset"/> is copied from, as a full path.</summary>
    public string SourceOf(ThemeAsset asset) => Path.GetFullPath(Path.Combine(ThemeDirectory, asset.From));

    /// <summary>
    /// Errors for assets published where another asset, or the site itself (a page, feed, sitemap, API file), writes:
    /// one of the two would silently replace the other.
    /// </summary>
    public IEnumerable<Diagnostic> Overwriting(IEnumerable<string> siteFiles)
    {
        var made = siteFiles.ToHashSet(StringComparer.Ordinal);
        var published = new HashSet<string>(StringComparer.Ordinal);
        foreach (var asset in Assets)
        {
            var again = !published.Add(asset.To);
            var what = made.Contains(asset.To) ? "a file the site makes itself" : again ? "where another theme asset is published" : null;
            if (what is not null)
                yield return new Diagnostic(DiagnosticCode.TemplateError, new SourceLocation(_display, LineOf(_text, asset.To, last: again), 1),
                    $"theme asset path '{asset.To}' is {what}", "Publish the asset at a path of its own, e.g. under assets/.");
        }
    }

    /// <summary>
    /// What is wrong with an asset's paths, or null. theme.yml decides what is published, so a path may not reach
    /// outside the theme folder (a "../" or absolute path, or a link, could publish any file of the machine that builds,
    /// such as a CI runner's environment) nor write outside the site.
    /// </summary>
    /// <returns>The problem, and the value it is about (to find its line).</returns>
    private static (string Message, string Hint, string Value)? AssetProblem(ThemeAsset asset, string themeRoot)
    {
        if (asset.From.Length == 0 || asset.To.Length == 0)
            return ($"theme asset '{asset.Name}' needs both 'from' and 'to'", "Give 'from' (a file in theme/) and 'to' (its path in the site).",
                $"name: {asset.Name}");
        var from = FolderBounds.Resolve(themeRoot, asset.From);
        if (from is null || LinksOutside(from, themeRoot))
            return ($"theme asset '{asset.From}' is outside the theme folder",
                "List files of theme/ or its node_modules only: everything theme.yml lists is published.", asset.From);
        if (Path.IsPathRooted(asset.To) || asset.To.Split('/', '\\').Any(segment => segment is "" or "." or ".."))
            return ($"theme asset path '{asset.To}' is not a plain path inside the site", "Write 'to' as a relative path such as assets/site.css.", asset.To);
        if (!File.Exists(from))
            return ($"theme asset '{asset.From}' does not exist", "Run 'npm ci' in theme/ (the build does it when node_modules is missing), or correct the path.", asset.From);
        return null;
    }

    /// <summary>
    /// True when the file or a folder on its way up to the theme folder is a link to somewhere outside it. Links under
    /// node_modules are npm's (npm link, workspaces), made on the machine that builds, not committed: they may point out.
    /// </summary>
    private static bool LinksOutside(string path, string themeRoot) =>
        !FolderBounds.Contains(Path.Combine(themeRoot, "node_modules"), path) && FolderBounds.LinksOutside(themeRoot, path);

    /// <summary>
    /// The line of theme.yml holding <paramref name="value"/>, its first or <paramref name="last"/> time (1 when not
    /// found): the file is read without positions.
    /// </summary>
    private static int LineOf(string text, string value, bool last = false)
    {
        var at = value.Length == 0 ? -1 : last ? text.LastIndexOf(value, StringComparison.Ordinal) : text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
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
