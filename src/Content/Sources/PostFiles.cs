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
    public static IEnumerable<string> In(string postsDirectory) => Select(MarkdownIn(postsDirectory), postsDirectory);

    /// <summary>
    /// Every file under <paramref name="postsDirectory"/> named as Markdown in any way (<see cref="UnreadMarkdown.LooksLikeMarkdown"/>:
    /// the posts among them, and the misnamed ones to tell), and every linked folder, in ordinal order; none when the
    /// folder does not exist.
    /// </summary>
    public static IReadOnlyList<string> MarkdownIn(string postsDirectory) => Directory.Exists(postsDirectory)
        ? new FileSystemEnumerable<string>(postsDirectory, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            // A file's attributes cost a stat call each (10,000 of them at 10,000 posts): only folders are asked
            // whether they are links; a linked file is told when it is read.
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory ? IsLink(entry) : UnreadMarkdown.LooksLikeMarkdown(entry.FileName),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(entry) && !HiddenFiles.IsHidden(entry.FileName),
        }.Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>
    /// The posts among <paramref name="markdownFiles"/> (paths under <paramref name="postsDirectory"/>, as
    /// <see cref="MarkdownIn"/> lists them or a repository's tree has them), in ordinal order: the <c>.md</c> files and
    /// linked folders (not hidden, nor a README), where a folder holding <c>index.md</c> is one bundle post, and its other
    /// Markdown files are not posts of their own.
    /// </summary>
    public static IEnumerable<string> Select(IEnumerable<string> markdownFiles, string postsDirectory)
    {
        var files = markdownFiles.Where(f => (f.EndsWith(".md", StringComparison.Ordinal) || !UnreadMarkdown.LooksLikeMarkdown(Path.GetFileName(f)))
            && !HiddenFiles.IsNotContent(Path.GetRelativePath(postsDirectory, f))).ToList();
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
