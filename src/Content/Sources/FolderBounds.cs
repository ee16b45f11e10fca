namespace PPNBlog.Content.Sources;

/// <summary>
/// Whether a path stays inside a folder: a post publishes only files of its own folder, reached through no symbolic
/// link; the theme only files of the theme; a build replaces only an output folder apart from content and theme.
/// </summary>
public static class FolderBounds
{
    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool Contains(string folder, string path) => WithSeparator(path).StartsWith(WithSeparator(folder), StringComparison.Ordinal);

    /// <summary>The file <paramref name="relativePath"/> names inside <paramref name="directory"/>, or null when it climbs out of it.</summary>
    public static string? Resolve(string directory, string relativePath)
    {
        // No file's name holds NUL (a link's "%00"), and path functions throw on one: it stands for a name that is not there.
        var full = Path.GetFullPath(Path.Combine(directory, relativePath.Replace('\0', '\uFFFD')));
        return full.StartsWith(WithSeparator(directory), StringComparison.Ordinal) ? full : null;
    }

    /// <summary>True when <paramref name="file"/>, or a folder between <paramref name="directory"/> and it, is a symbolic link.</summary>
    public static bool HasSymbolicLink(string directory, string file) => LinksOnTheWay(directory, file).Any();

    /// <summary>
    /// True when <paramref name="path"/>, or a folder between <paramref name="root"/> and it, is a symbolic link to
    /// somewhere outside <paramref name="root"/> (or to nothing): what is read through it is not the folder's own.
    /// </summary>
    public static bool LinksOutside(string root, string path) =>
        LinksOnTheWay(root, path).Any(link => link.ResolveLinkTarget(returnFinalTarget: true)?.FullName is not { } target || !Contains(root, target));

    /// <summary>The symbolic links among <paramref name="path"/> and the folders between <paramref name="root"/> and it.</summary>
    private static IEnumerable<FileInfo> LinksOnTheWay(string root, string path)
    {
        for (var at = path; at.Length > root.Length; at = Path.GetDirectoryName(at)!)
            if (new FileInfo(at) is { LinkTarget: not null } link) yield return link;
    }

    /// <summary>
    /// A hint for a file that does not exist when its folder has one whose name differs only in capitals
    /// (<c>photo.jpg</c> for <c>Photo.JPG</c>: the same file on Windows and macOS, not on the web server), or only in
    /// how its accented letters are stored (macOS may save "é" as "e" and an accent); else null.
    /// </summary>
    public static string? OtherCaseHint(string missing)
    {
        if (Path.GetDirectoryName(missing) is not { } folder || !Directory.Exists(folder)) return null;
        var wanted = Path.GetFileName(missing);
        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        if (names.FirstOrDefault(name => string.Equals(name.Normalize(), wanted.Normalize(), StringComparison.Ordinal)) is { } stored)
            return $"The folder has a file named '{stored}' whose accented letters are stored differently (as a letter and a separate accent, as macOS may save them): "
                + "rename the file, typing its name again, so the web server finds it by the name the post gives.";
        return names.FirstOrDefault(name => string.Equals(name.Normalize(), wanted.Normalize(), StringComparison.OrdinalIgnoreCase)) is { } named
            ? $"The folder has '{named}': names must match exactly, capital letters included (the web server tells them apart)."
            : null;
    }

    private static string WithSeparator(string path) =>
        Path.GetFullPath(path) is var full && Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
}
