using System.IO.Enumeration;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Content.Sources;

/// <summary>The Markdown files the build never reads, and what they are told (error PPN030).</summary>
/// <param name="Files">The files.</param>
/// <param name="Diagnostics">Why they are not read and how to have them read: one a file, or one a post's folder for the files inside it.</param>
public sealed record UnreadFiles(IReadOnlySet<string> Files, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Markdown files under input/ that the build would never read, so that a post, commitment or page would be left out
/// without a word: one saved as <c>.markdown</c>, <c>.MD</c> or Notepad's <c>.md.txt</c>, one in a folder of its own
/// under commitments/ or pages/ (which are read one level deep), or one outside the three content folders (a mistyped
/// <c>input/post/</c>), or one inside the folder of a post (a folder holding index.md is one post, and its other
/// files its pictures and attachments: an index.md dropped into a year's folder hid all its posts). Hidden files and
/// README files are not content, and are left alone.
/// </summary>
public static class UnreadMarkdown
{
    /// <summary>Extensions other tools give Markdown, compared without case.</summary>
    private static readonly string[] MarkdownExtensions =
        [".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".mdx", ".qmd", ".rmd"];

    /// <summary>
    /// True for a file named as Markdown in any of the ways editors and other site generators name it, including the
    /// <c>.md.txt</c> Windows Notepad saves (its <c>.txt</c> hidden by Explorer).
    /// </summary>
    public static bool LooksLikeMarkdown(ReadOnlySpan<char> fileName)
    {
        if (fileName.EndsWith(".md.txt", StringComparison.OrdinalIgnoreCase)) return true;
        var extension = Path.GetExtension(fileName);
        foreach (var markdown in MarkdownExtensions)
            if (extension.Equals(markdown, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Every Markdown file under <paramref name="inputDirectory"/> the build would not read, told in ordinal order.</summary>
    /// <param name="inputDirectory">The content folder (full path).</param>
    /// <param name="displayPath">A full path as diagnostics print it.</param>
    /// <param name="postsMarkdown">The Markdown files under posts/ (<see cref="PostFiles.MarkdownIn"/>): that folder is not walked again.</param>
    /// <param name="posts">The posts among them (<see cref="PostFiles.Select"/>).</param>
    public static UnreadFiles In(string inputDirectory, Func<string, string> displayPath, IReadOnlyList<string> postsMarkdown, IReadOnlyCollection<string> posts)
    {
        var postsDirectory = Path.Combine(inputDirectory, "posts");
        var elsewhere = Directory.Exists(inputDirectory)
            ? new FileSystemEnumerable<string>(inputDirectory, (ref FileSystemEntry entry) => entry.ToFullPath(),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && LooksLikeMarkdown(entry.FileName),
                // A linked folder is not entered, as the content listing does not enter it (PPN020 reports it under posts/).
                ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0
                    && !HiddenFiles.IsHidden(entry.FileName) && entry.ToFullPath() != postsDirectory,
            }.ToList()
            : [];
        var read = posts.ToHashSet(StringComparer.Ordinal);
        var unread = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var misnamed = postsMarkdown.Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && LooksLikeMarkdown(Path.GetFileName(f)));
        foreach (var file in elsewhere.Concat(misnamed).Where(f => !HiddenFiles.IsNotContent(Path.GetRelativePath(inputDirectory, f))))
        {
            if (Why(Path.GetRelativePath(inputDirectory, file).Split(Path.DirectorySeparatorChar)) is not var (message, hint)) continue;
            unread.Add(file);
            diagnostics.Add(new Diagnostic(DiagnosticCode.UnreadFile, SourceLocation.WholeFile(displayPath(file)), message, hint));
        }
        // Markdown files inside a post's folder: told once, at the post, whose index.md may well be the slip.
        var named = postsMarkdown.Where(f => f.EndsWith(".md", StringComparison.Ordinal) && !HiddenFiles.IsNotContent(Path.GetRelativePath(postsDirectory, f))).ToList();
        var indexes = named.Where(PostFiles.IsBundle).ToHashSet(StringComparer.Ordinal);
        foreach (var bundle in named.Where(f => !read.Contains(f)).GroupBy(f => HoldingPost(f, indexes, postsDirectory)))
        {
            var names = bundle.Select(f => Path.GetRelativePath(Path.GetDirectoryName(bundle.Key)!, f)).ToList();
            unread.UnionWith(bundle);
            diagnostics.Add(new Diagnostic(DiagnosticCode.UnreadFile, SourceLocation.WholeFile(displayPath(bundle.Key)),
                $"this post's folder also holds {(names.Count == 1 ? "a Markdown file" : $"{names.Count} Markdown files")} " +
                $"({string.Join(", ", names.Take(3))}{(names.Count > 3 ? ", …" : "")}), never read: a folder holding index.md is one post, " +
                "and its other files are its pictures and attachments",
                "Move each post out of this folder into a folder of its own under input/posts/; if this index.md is not a post itself, delete or rename it."));
        }
        diagnostics.Sort((a, b) => string.CompareOrdinal(a.Location.File, b.Location.File));
        return new UnreadFiles(unread, diagnostics);
    }

    /// <summary>The index.md (of <paramref name="indexes"/>) whose folder holds <paramref name="file"/>: the nearest, when such folders nest.</summary>
    private static string HoldingPost(string file, HashSet<string> indexes, string postsDirectory)
    {
        var directory = Path.GetDirectoryName(file)!;
        // A post's own index.md is not inside itself: its folder's holder is further up.
        if (PostFiles.IsBundle(file)) directory = Path.GetDirectoryName(directory)!;
        for (; directory.Length > postsDirectory.Length; directory = Path.GetDirectoryName(directory)!)
        {
            var index = Path.Combine(directory, "index.md");
            if (indexes.Contains(index)) return index;
        }
        return file;
    }

    /// <summary>Why the file at <paramref name="segments"/> (its path inside input/) is not read, or null when it is read.</summary>
    private static (string Message, string Hint)? Why(string[] segments)
    {
        var name = segments[^1];
        var named = name.EndsWith(".md", StringComparison.Ordinal);
        var stem = name.EndsWith(".md.txt", StringComparison.OrdinalIgnoreCase) ? name[..^".md.txt".Length] : Path.GetFileNameWithoutExtension(name);
        var ending = name[stem.Length..];
        var rename = $"Rename it to '{stem}.md'.";
        switch (segments[0])
        {
            // A .md file under posts/ is a post, unless a post's folder holds it (told by the post).
            case "posts" when segments.Length > 1:
                return named ? null : ($"the file is never read: posts are files ending '.md', and this one ends '{ending}'", rename);
            case "commitments" or "pages" when segments.Length == 2:
                return named ? null : ($"the file is never read: {segments[0]} are files ending '.md', and this one ends '{ending}'", rename);
            case "commitments" or "pages":
                // A folder's index.md (a bundle, as posts have) is named after its folder.
                var moved = stem.Equals("index", StringComparison.OrdinalIgnoreCase) ? segments[^2] : stem;
                return ($"the file is never read: {segments[0]} are the '.md' files directly in input/{segments[0]}/, not in a folder inside it",
                    $"Move it to input/{segments[0]}/{moved}.md.");
            default:
                return ("the file is never read: content is read from input/posts/, input/commitments/ and input/pages/ only", Suggestion(segments));
        }
    }

    /// <summary>Where a Markdown file outside the content folders belongs, going by the folder it is in.</summary>
    private static string Suggestion(string[] segments) =>
        (segments.Length > 1 ? segments[0].ToLowerInvariant() : "") switch
        {
            "post" or "blog" or "blogs" or "articles" or "drafts" or "_posts" or "content" =>
                "Move it into input/posts/ (input/posts/<year>/<name>.md); a post not ready yet can say 'draft: true'.",
            "commitment" => "Move it into input/commitments/.",
            "page" => "Move it into input/pages/.",
            _ => "Move a post into input/posts/<year>/ and a page into input/pages/, or delete the file.",
        };
}
