using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Model;
using PPNBlog.Content.Sources;

namespace PPNBlog.Generator.Loading;

/// <summary>
/// Reads <c>input/</c>: site.yml, commitments, pages and posts (in parallel), each through the content schema. One
/// loader kept across builds (serve) re-reads only the files that changed, keeping each file's result and diagnostics.
/// </summary>
/// <param name="inputDirectory">The content folder.</param>
/// <param name="keepFiles">Keep each file's result for the next load (serve); a one-off load keeps nothing.</param>
public sealed class ContentLoader(string inputDirectory, bool keepFiles = true)
{
    private readonly string _input = Path.GetFullPath(inputDirectory);
    private readonly Dictionary<string, LoadedFile> _files = new(StringComparer.Ordinal);
    private Listing? _listing;
    private HashSet<string>? _commitmentSlugs;

    /// <summary>The content files, and the Markdown files that are not read (kept with the listing: found by the same walk of the folders).</summary>
    private sealed record Listing(string[] Commitments, string[] Pages, string[] Posts, UnreadFiles Unread);

    /// <summary>A file's validated content (null when invalid) and the diagnostics it produced.</summary>
    private sealed record LoadedFile(object? Content, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Loads and validates every file once, without keeping anything: for one-off commands.</summary>
    public static LoadedContent? Load(string inputDirectory, DiagnosticList diagnostics) =>
        new ContentLoader(inputDirectory, keepFiles: false).Load(diagnostics, ChangeSet.Everything);

    /// <summary>
    /// Loads the content, re-reading only the files in <paramref name="changes"/> (and listing the folders again only
    /// when a file may have been added or removed); returns null when the input cannot be built at all (no site.yml).
    /// </summary>
    /// <param name="diagnostics">Receives every file's diagnostics.</param>
    /// <param name="changes">The files to read again.</param>
    /// <param name="preparePosts">
    /// Given the site's settings, what to do with each valid post on the thread that read it, returning the post to
    /// keep: a one-off build renders its body there, while the file's text is still fresh, and keeps it without.
    /// </param>
    public LoadedContent? Load(DiagnosticList diagnostics, ChangeSet changes, Func<SiteSettings, Func<Post, Post>>? preparePosts = null)
    {
        if (changes.All)
        {
            _files.Clear();
            _listing = null;
        }
        var changed = changes.Paths.Where(p => p.StartsWith(_input + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        foreach (var path in changed) _files.Remove(path);
        if (_listing is null || changed.Any(MayAddOrRemove)) _listing = List();

        var siteFile = Path.Combine(_input, "site.yml");
        if (!File.Exists(siteFile))
        {
            diagnostics.Add(DiagnosticCode.MissingInput, SourceLocation.WholeFile(DisplayPath(siteFile)), $"no site.yml in '{DisplayPath(_input)}'");
            return null;
        }
        var settings = ReadAll([siteFile], SourceText.Read, (text, path, found) => SiteSettingsSchema.Read(text, DisplayPath(path), found), diagnostics).SingleOrDefault();

        var (commitmentFiles, pageFiles, postFiles, unread) = _listing;
        diagnostics.AddRange(unread.Diagnostics);
        var commitments = ReadAll(commitmentFiles, FrontMatterBlock.Read, (block, path, found) => CommitmentSchema.Read(block, path, DisplayPath(path), found), diagnostics)
            .OrderBy(c => c.Order).ThenBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var invalidCommitments = Invalid(commitmentFiles).Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        if (commitments.Count == 0 && invalidCommitments.Count == 0)
            diagnostics.Add(DiagnosticCode.MissingInput, SourceLocation.WholeFile(DisplayPath(Path.Combine(_input, "commitments"))),
                "there are no commitments", "Add input/commitments/<slug>.md files, one per commitment.");

        // Posts are validated against the commitment slugs: when those change, every post is read again.
        var slugs = commitments.Select(c => c.Slug).Concat(invalidCommitments).ToHashSet(StringComparer.Ordinal);
        if (_commitmentSlugs is not null && !_commitmentSlugs.SetEquals(slugs))
            foreach (var post in postFiles) _files.Remove(post);
        _commitmentSlugs = slugs;

        var pages = ReadAll(pageFiles, FrontMatterBlock.Read, (block, path, found) => PageSchema.Read(block, path, DisplayPath(path), found), diagnostics)
            .OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
        // In file order, which is display-path order too (display paths differ from full paths by a common prefix).
        var prepare = settings is null ? null : preparePosts?.Invoke(settings);
        var posts = ReadAll(postFiles, FrontMatterBlock.Read, (block, path, found) =>
            PostSchema.Read(block, path, DisplayPath(path), slugs, found) is { } post ? prepare?.Invoke(post) ?? post : null, diagnostics);

        var invalid = new InvalidContent(commitmentFiles.Concat(postFiles).Concat(pageFiles).Where(f => _files[f].Content is null).ToHashSet(StringComparer.Ordinal),
            invalidCommitments, [.. Invalid(postFiles).Select(AddressSlug)], [.. Invalid(pageFiles).Select(f => Path.GetFileNameWithoutExtension(f))]);
        if (!keepFiles) _files.Clear();
        return settings is null ? null : new LoadedContent(settings, commitments, posts, pages, _input, invalid);
    }

    /// <summary>The files of <paramref name="paths"/> that failed validation (read by the last <see cref="ReadAll"/>).</summary>
    private IEnumerable<string> Invalid(string[] paths) => paths.Where(p => _files[p].Content is null);

    /// <summary>The slug a post that failed validation would be published at: its front matter's if that still reads.</summary>
    private static string AddressSlug(string path) =>
        SourceText.Read(path, DisplayPath(path), new DiagnosticList()) is { } text ? PostSchema.AddressSlug(text, path) : PostFiles.DefaultSlug(path);

    /// <summary>What the last load made of the file at <paramref name="fullPath"/>: its content, or null when it is invalid or unknown.</summary>
    public object? ContentAt(string fullPath) => _files.GetValueOrDefault(fullPath)?.Content;

    /// <summary>A path as diagnostics print it: relative to the working directory when inside it, so editors and CI can open it.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }

    /// <summary>
    /// A change that may add or remove a content file: a listed file that is gone, or a new Markdown file (named so in
    /// any way: one misnamed is told) or folder (a folder's name rarely has an extension; one that has is caught while it
    /// exists). Edits of listed files and of other files (images) keep the listing.
    /// </summary>
    private bool MayAddOrRemove(string path)
    {
        var (commitments, pages, posts, unread) = _listing!;
        return posts.Contains(path) || commitments.Contains(path) || pages.Contains(path) || unread.Files.Contains(path)
            ? !File.Exists(path)
            : Path.GetExtension(path) is "" || UnreadMarkdown.LooksLikeMarkdown(Path.GetFileName(path)) || Directory.Exists(path);
    }

    private Listing List()
    {
        var postsDirectory = Path.Combine(_input, "posts");
        var markdown = PostFiles.MarkdownIn(postsDirectory);
        string[] posts = [.. PostFiles.Select(markdown, postsDirectory)];
        return new([.. MarkdownFiles(Path.Combine(_input, "commitments"))], [.. MarkdownFiles(Path.Combine(_input, "pages"))], posts,
            UnreadMarkdown.In(_input, DisplayPath, markdown, posts));
    }

    private static IEnumerable<string> MarkdownFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md", SearchOption.TopDirectoryOnly)
                .Where(f => !HiddenFiles.IsNotContent(Path.GetFileName(f))).Order(StringComparer.Ordinal)
            : [];

    /// <summary>
    /// Reads the files not already loaded (in parallel): each by <paramref name="source"/> (its text, or its front matter
    /// and body), then through its schema; returns every file's valid content and diagnostics.
    /// </summary>
    private List<T> ReadAll<TSource, T>(string[] paths, Func<string, string, DiagnosticList, TSource?> source, Func<TSource, string, DiagnosticList, T?> read,
        DiagnosticList diagnostics)
        where TSource : class
        where T : class
    {
        var missing = paths.Where(p => !_files.ContainsKey(p)).ToArray();
        var loaded = new LoadedFile[missing.Length];
        Parallel.For(0, missing.Length, i =>
        {
            var found = new DiagnosticList();
            var content = source(missing[i], DisplayPath(missing[i]), found);
            loaded[i] = new LoadedFile(content is null ? null : read(content, missing[i], found), found.Sorted());
        });
        for (var i = 0; i < missing.Length; i++) _files[missing[i]] = loaded[i];
        var results = new List<T>(paths.Length);
        foreach (var path in paths)
        {
            var file = _files[path];
            diagnostics.AddRange(file.Diagnostics);
            if (file.Content is T content) results.Add(content);
        }
        return results;
    }
}
