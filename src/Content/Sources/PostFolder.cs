namespace PPNBlog.Content.Sources;

/// <summary>
/// The files a post may publish beside it: only those inside its own folder, reached through no symbolic link, so a
/// post cannot publish a file from elsewhere on the machine that builds (another post's page, a CI runner's secrets).
/// </summary>
public static class PostFolder
{
    /// <summary>The file <paramref name="relativePath"/> names inside <paramref name="directory"/>, or null when it climbs out of it.</summary>
    public static string? Resolve(string directory, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(directory, relativePath));
        return full.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>True when <paramref name="file"/>, or a folder between <paramref name="directory"/> and it, is a symbolic link.</summary>
    public static bool HasSymbolicLink(string directory, string file)
    {
        for (var path = file; path.Length > directory.Length; path = Path.GetDirectoryName(path)!)
        {
            if (new FileInfo(path).LinkTarget is not null) return true;
        }
        return false;
    }
}
