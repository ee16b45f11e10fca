using NUglify;

namespace PPNBlog.Generator.Output;

/// <summary>
/// Minifies the theme's own CSS and JavaScript as they are published (NUglify); files already minified (".min.")
/// and other assets are copied as they are. A file NUglify cannot parse is published unminified, never broken.
/// </summary>
public static class AssetMinifier
{
    /// <summary>The minified text of <paramref name="path"/>, or null when it should be copied as it is.</summary>
    public static string? Minify(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Contains(".min.", StringComparison.OrdinalIgnoreCase)) return null;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".css" or ".js")) return null;
        var source = File.ReadAllText(path);
        var result = extension == ".css" ? Uglify.Css(source) : Uglify.Js(source);
        return result.HasErrors ? null : result.Code;
    }
}
