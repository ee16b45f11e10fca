namespace PPNBlog.Content.Sources;

/// <summary>
/// Hidden files and folders (names starting with '.') are never content or theme, as in Jekyll and Hugo: editors' lock
/// files (Emacs's <c>.#post.md</c>, a link to nowhere, exists while a post is being edited), macOS's <c>.DS_Store</c> and
/// <c>._post.md</c> (binary metadata Finder writes beside files on shared drives). Nor is a README: notes for editors.
/// </summary>
public static class HiddenFiles
{
    /// <summary>True for a hidden file or folder name.</summary>
    public static bool IsHidden(ReadOnlySpan<char> name) => name.StartsWith('.');

    /// <summary>
    /// True when the file on <paramref name="relativePath"/> is never content: it is hidden, or in a hidden folder, or a
    /// README (README.md, readme.txt…), notes for the people editing a folder, which GitHub shows under its listing.
    /// </summary>
    public static bool IsNotContent(string relativePath) =>
        IsHiddenPath(relativePath) || Path.GetFileName(relativePath).StartsWith("README.", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a file or folder on <paramref name="relativePath"/> is hidden (a file in a hidden folder is hidden).</summary>
    public static bool IsHiddenPath(string relativePath) =>
        IsHidden(relativePath) || relativePath.Contains("/.", StringComparison.Ordinal) || relativePath.Contains("\\.", StringComparison.Ordinal);
}
