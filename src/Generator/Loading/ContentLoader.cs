using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Model;
using PPNBlog.Content.Sources;

namespace PPNBlog.Generator.Loading;

/// <summary>Reads <c>input/</c>: site.yml, commitments, pages and posts (in parallel), each through the content schema.</summary>
public static class ContentLoader
{
    /// <summary>Loads and validates every file; returns null when the input cannot be built at all (no site.yml).</summary>
    public static LoadedContent? Load(string inputDirectory, DiagnosticList diagnostics)
    {
        var input = Path.GetFullPath(inputDirectory);
        var siteFile = Path.Combine(input, "site.yml");
        if (!File.Exists(siteFile))
        {
            diagnostics.Add(DiagnosticCode.MissingInput, SourceLocation.WholeFile(DisplayPath(siteFile)), $"no site.yml in '{DisplayPath(input)}'");
            return null;
        }
        var siteText = SourceText.Read(siteFile, DisplayPath(siteFile), diagnostics);
        var settings = siteText is null ? null : SiteSettingsSchema.Read(siteText, DisplayPath(siteFile), diagnostics);

        var commitments = ReadAll(MarkdownFiles(Path.Combine(input, "commitments"), SearchOption.TopDirectoryOnly),
            (text, path) => CommitmentSchema.Read(text, path, DisplayPath(path), diagnostics), diagnostics)
            .OrderBy(c => c.Order).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();
        if (commitments.Count == 0)
            diagnostics.Add(DiagnosticCode.MissingInput, SourceLocation.WholeFile(DisplayPath(Path.Combine(input, "commitments"))),
                "there are no commitments", "Add input/commitments/<slug>.md files, one per commitment.");
        var slugs = commitments.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);

        var pages = ReadAll(MarkdownFiles(Path.Combine(input, "pages"), SearchOption.TopDirectoryOnly),
            (text, path) => PageSchema.Read(text, path, DisplayPath(path), diagnostics), diagnostics)
            .OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();

        var posts = ReadAll(PostFiles(Path.Combine(input, "posts")),
            (text, path) => PostSchema.Read(text, path, DisplayPath(path), IsBundle(path), slugs, diagnostics), diagnostics)
            .OrderBy(p => p.Source.DisplayPath, StringComparer.Ordinal).ToList();

        return settings is null ? null : new LoadedContent(settings, commitments, posts, pages, input);
    }

    /// <summary>A path as diagnostics print it: relative to the working directory when inside it, so editors and CI can open it.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }

    /// <summary>
    /// Post files: every <c>*.md</c> under posts/, where a folder holding <c>index.md</c> is one bundle post and its
    /// other Markdown files are not posts of their own.
    /// </summary>
    public static IEnumerable<string> PostFiles(string postsDirectory)
    {
        if (!Directory.Exists(postsDirectory)) return [];
        var files = Directory.EnumerateFiles(postsDirectory, "*.md", SearchOption.AllDirectories).ToList();
        var bundles = files.Where(IsBundle).Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        return files.Where(f => IsBundle(f) || !InsideBundle(f, postsDirectory, bundles)).Order(StringComparer.Ordinal);
    }

    private static bool InsideBundle(string file, string postsDirectory, HashSet<string?> bundles)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length > postsDirectory.Length;
             directory = Path.GetDirectoryName(directory))
        {
            if (bundles.Contains(directory)) return true;
        }
        return false;
    }

    private static bool IsBundle(string path) => Path.GetFileName(path) == "index.md";

    private static IEnumerable<string> MarkdownFiles(string directory, SearchOption option) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.md", option).Order(StringComparer.Ordinal) : [];

    private static List<T> ReadAll<T>(IEnumerable<string> paths, Func<string, string, T?> read, DiagnosticList diagnostics)
        where T : class
    {
        var files = paths.ToArray();
        var results = new T?[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var text = SourceText.Read(files[i], DisplayPath(files[i]), diagnostics);
            if (text is not null) results[i] = read(text, files[i]);
        });
        return results.OfType<T>().ToList();
    }
}
