namespace PPNBlog.Generator.Loading;

/// <summary>What changed on disk since the last build: some files (full paths), or everything (a first build).</summary>
/// <param name="Paths">Files and folders created, changed, renamed (both names) or deleted.</param>
/// <param name="All">True when anything may have changed: nothing from an earlier build is reused.</param>
public sealed record ChangeSet(IReadOnlySet<string> Paths, bool All)
{
    /// <summary>Everything: the first build, or a watcher that lost track of events.</summary>
    public static readonly ChangeSet Everything = new(new HashSet<string>(), true);

    /// <summary>These files changed.</summary>
    public static ChangeSet Of(IEnumerable<string> paths) => new(paths.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal), false);

    /// <summary>True when <paramref name="path"/> (or anything) changed.</summary>
    public bool Touches(string path) => All || Paths.Contains(path);

    /// <summary>True when anything under <paramref name="directory"/> changed.</summary>
    public bool TouchesUnder(string directory)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        return All || Paths.Any(p => p.StartsWith(prefix, StringComparison.Ordinal) || p == prefix[..^1]);
    }
}
