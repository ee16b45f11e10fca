namespace PPNBlog.Generator.Output;

/// <summary>
/// Whether a folder is a mount point (a Docker volume, say): such a folder cannot be renamed, so a build cannot swap a
/// new one in for it and changes its contents instead. Read from Linux's /proc/self/mountinfo; elsewhere none is known.
/// </summary>
public static class MountPoints
{
    /// <summary>True when <paramref name="folder"/> (a full path) is where a file system is mounted.</summary>
    public static bool IsMountPoint(string folder)
    {
        const string MountInfo = "/proc/self/mountinfo";
        if (!File.Exists(MountInfo)) return false;
        var path = Path.TrimEndingDirectorySeparator(folder);
        // Each line: id, parent, device, root, mount point (spaces and the like written \040), options…
        return File.ReadLines(MountInfo).Select(line => line.Split(' ')).Where(fields => fields.Length > 4)
            .Any(fields => Unescape(fields[4]) == path);
    }

    /// <summary>The kernel writes space, tab, newline and backslash in a path as \ and three octal digits.</summary>
    private static string Unescape(string field) =>
        System.Text.RegularExpressions.Regex.Replace(field, @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
}
