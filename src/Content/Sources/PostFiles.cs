using System.IO.Enumeration;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.Sources;

/// <summary>
/// Which Markdown files under posts/ are posts, and the slug each has unless its front matter names one: one rule for
/// the build (files on disk) and the submissions bot (paths in the repository's tree).
/// </summary>
public static class PostFiles
{
    /// <summary>
    /// The post files in <paramref name="postsDirectory"/> on disk (none when it does not exist), in ordinal order. A
    /// linked folder is not entered, as it could lead out of the repository or round in a loop: it is listed itself,
    /// and reading it reports the link (PPN020), as reading a linked file does.
    /// </summary>
    public static IEnumerable<string> In(string postsDirectory) => Directory.Exists(postsDirectory)
        ? Select(new FileSystemEnumerable<string>(postsDirectory, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                IsLink(entry) ? entry.IsDirectory || entry.FileName.EndsWith(".md") : !entry.IsDirectory && entry.FileName.EndsWith(".md"),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(entry) && !HiddenFiles.IsHidden(entry.FileName),
        }, postsDirectory)
        : [];

    /// <summary>
    /// The posts among <paramref name="markdownFiles"/> (paths of every <c>*.md</c> under <paramref name="postsDirectory"/>),
    /// in ordinal order: a folder holding <c>index.md</c> is one bundle post, and its other Markdown files are not posts of
    /// their own.
    /// </summary>
    public static IEnumerable<string> Select(IEnumerable<string> markdownFiles, string postsDirectory)
    {
        var files = markdownFiles.Where(f => !HiddenFiles.IsHiddenPath(Path.GetRelativePath(postsDirectory, f))).ToList();
        var bundles = files.Where(IsBundle).Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        return files.Where(f => IsBundle(f) || !InsideBundle(f, postsDirectory, bundles)).Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Each post of <paramref name="postFiles"/> by its slug (the first, when two share one): the one
    /// <paramref name="slugOf"/> gives, else the one its path gives it.
    /// </summary>
    public static Dictionary<string, string> BySlug(IEnumerable<string> postFiles, Func<string, string>? slugOf = null)
    {
        var bySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in postFiles) bySlug.TryAdd(slugOf?.Invoke(file) ?? DefaultSlug(file), file);
        return bySlug;
    }

    /// <summary>True for a bundle's <c>index.md</c>: the post is its folder, images beside it.</summary>
    public static bool IsBundle(string path) => Path.GetFileName(path) == "index.md";

    /// <summary>The slug of the post at <paramref name="path"/> when its front matter names none.</summary>
    public static string DefaultSlug(string path) => Slugs.FromFileName(DefaultName(path));

    /// <summary>What a post's default slug (and a date at its start) is read from: a bundle's folder name, else the file name.</summary>
    public static string DefaultName(string path) =>
        IsBundle(path) ? Path.GetFileName(Path.GetDirectoryName(path)!) : Path.GetFileNameWithoutExtension(path);

    private static bool IsLink(in FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static bool InsideBundle(string file, string postsDirectory, HashSet<string?> bundles)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length > postsDirectory.Length;
             directory = Path.GetDirectoryName(directory))
        {
            if (bundles.Contains(directory)) return true;
        }
        return false;
    }
}
