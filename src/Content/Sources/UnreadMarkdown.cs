using System.IO.Enumeration;
using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Content.Sources;

/// <summary>A Markdown file the build never reads, and what it is told (error PPN030).</summary>
/// <param name="FullPath">The file.</param>
/// <param name="Diagnostic">Why it is not read and how to make it read.</param>
public sealed record UnreadFile(string FullPath, Diagnostic Diagnostic);

/// <summary>
/// Markdown files under input/ that the build would never read, so that a post, commitment or page would be left out
/// without a word: one saved as <c>.markdown</c>, <c>.MD</c> or Notepad's <c>.md.txt</c>, one in a folder of its own
/// under commitments/ or pages/ (which are read one level deep), or one outside the three content folders (a mistyped
/// <c>input/post/</c>). Hidden files and README files are not content, and are left alone.
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

    /// <summary>Every Markdown file under <paramref name="inputDirectory"/> the build would not read, in ordinal order.</summary>
    /// <param name="inputDirectory">The content folder (full path).</param>
    /// <param name="displayPath">A full path as diagnostics print it.</param>
    public static IReadOnlyList<UnreadFile> In(string inputDirectory, Func<string, string> displayPath)
    {
        if (!Directory.Exists(inputDirectory)) return [];
        var files = new FileSystemEnumerable<string>(inputDirectory, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && LooksLikeMarkdown(entry.FileName)
                && !HiddenFiles.IsHidden(entry.FileName) && !entry.FileName.StartsWith("README.", StringComparison.OrdinalIgnoreCase),
            // A linked folder is not entered, as the content listing does not enter it (PPN020 reports it under posts/).
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !HiddenFiles.IsHidden(entry.FileName),
        };
        var unread = new List<UnreadFile>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var segments = Path.GetRelativePath(inputDirectory, file).Split(Path.DirectorySeparatorChar);
            if (Why(segments) is var (message, hint))
                unread.Add(new UnreadFile(file, new Diagnostic(DiagnosticCode.UnreadFile, SourceLocation.WholeFile(displayPath(file)), message, hint)));
        }
        return unread;
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
            // Any .md file under posts/ is read: a post, or a bundle's own notes (not a post of its own).
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
