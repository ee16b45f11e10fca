namespace PPNBlog.Generator.Output;

/// <summary>
/// Writes a build into a staging folder beside the output folder and swaps it in only when the whole build has
/// succeeded, so a failed build leaves the previous site untouched and readers never see half a site.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private readonly string _output;
    private int _files;
    private bool _committed;

    private StagedOutput(string output, string root)
    {
        _output = output;
        Root = root;
    }

    /// <summary>The staging folder being written.</summary>
    public string Root { get; }

    /// <summary>Files written so far.</summary>
    public int FileCount => _files;

    /// <summary>Starts a build of <paramref name="outputDirectory"/> in a new staging folder on the same file system.</summary>
    public static StagedOutput Begin(string outputDirectory)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        var root = $"{output}.staging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(root);
        return new StagedOutput(output, root);
    }

    /// <summary>The full path of site file <paramref name="path"/> (e.g. "posts/x/index.html"), creating its folder.</summary>
    public string PathFor(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {path}");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Interlocked.Increment(ref _files);
        return full;
    }

    /// <summary>Writes UTF-8 text (no byte order mark) to site file <paramref name="path"/>.</summary>
    public void WriteText(string path, string content) => File.WriteAllText(PathFor(path), content);

    /// <summary>Copies <paramref name="source"/> to site file <paramref name="path"/>.</summary>
    public void CopyFile(string source, string path) => File.Copy(source, PathFor(path), overwrite: true);

    /// <summary>Swaps the staging folder in as the output folder; the previous output is removed afterwards.</summary>
    public void Commit()
    {
        string? previous = null;
        if (Directory.Exists(_output))
        {
            previous = $"{_output}.old-{Guid.NewGuid():N}";
            Directory.Move(_output, previous);
        }
        Directory.Move(Root, _output);
        _committed = true;
        if (previous is not null) TryDelete(previous);
    }

    /// <summary>Removes the staging folder unless the build was committed.</summary>
    public void Dispose()
    {
        if (!_committed) TryDelete(Root);
    }

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* A file still open (e.g. by the dev server) is left for the next build. */ }
        catch (UnauthorizedAccessException) { }
    }
}
