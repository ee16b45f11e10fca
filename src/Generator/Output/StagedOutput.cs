using System.Runtime.InteropServices;

namespace PPNBlog.Generator.Output;

/// <summary>
/// Writes a build into a staging folder beside the output folder and swaps it in only when the whole build has
/// succeeded, so a failed build leaves the previous site untouched and readers never see half a site.
/// </summary>
public sealed class StagedOutput : SiteOutput
{
    private readonly string _output;
    private readonly bool _swapsContents;
    private bool _committed;

    private StagedOutput(string output, string root, OutputLedger ledger, bool swapsContents) : base(root, ledger) =>
        (_output, _swapsContents) = (output, swapsContents);

    /// <summary>
    /// Starts a build of <paramref name="outputDirectory"/> in a new staging folder on the same file system;
    /// <paramref name="keepsHashes"/>: see <see cref="OutputLedger"/>.
    /// </summary>
    public static StagedOutput Begin(string outputDirectory, bool keepsHashes = true) =>
        Begin(outputDirectory, keepsHashes, MountPoints.IsMountPoint(Replaced(outputDirectory)));

    /// <param name="outputDirectory">The folder to build.</param>
    /// <param name="keepsHashes">See <see cref="OutputLedger"/>.</param>
    /// <param name="swapsContents">
    /// True for a folder that cannot be renamed (a mount point): the staging folder is made inside it, and the commit
    /// moves the old contents aside and the new ones in, entry by entry, instead of swapping the folder.
    /// </param>
    internal static StagedOutput Begin(string outputDirectory, bool keepsHashes, bool swapsContents)
    {
        var output = Replaced(outputDirectory);
        var root = swapsContents ? Path.Combine(output, $".ppnblog-staging-{Guid.NewGuid():N}") : $"{output}.staging-{Guid.NewGuid():N}";
        var staged = new StagedOutput(output, root, new OutputLedger(keepsHashes), swapsContents);
        try { Directory.CreateDirectory(root); }
        catch (Exception e) when (SiteWriteException.IsWriteFailure(e)) { throw staged.Failure("", e); }
        return staged;
    }

    /// <summary>
    /// The folder a build of <paramref name="outputDirectory"/> replaces: itself, or, when it is a link (_site →
    /// /var/www/site), the folder it leads to, so the link stays and leads to the new site.
    /// </summary>
    public static string Replaced(string outputDirectory)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        return new DirectoryInfo(output) is { LinkTarget: not null } link && link.ResolveLinkTarget(returnFinalTarget: true) is DirectoryInfo { Exists: true } target
            ? Path.TrimEndingDirectorySeparator(target.FullName)
            : output;
    }

    /// <inheritdoc />
    protected override void Write(string fullPath, ReadOnlySpan<byte> content) => WriteFile(fullPath, content);

    /// <summary>Swaps the staging folder in as the output folder; the previous output is removed afterwards.</summary>
    public override void Commit()
    {
        if (_swapsContents)
        {
            SwapContents();
            return;
        }
        if (Directory.Exists(_output) && Exchange(Root, _output))
        {
            // The new site took the old one's place in one step, so a page asked for meanwhile (serve, after a theme edit)
            // is never missing; the old site is in the staging folder now.
            _committed = true;
            TryDelete(Root);
            return;
        }
        string? previous = null;
        try
        {
            if (Directory.Exists(_output))
            {
                previous = $"{_output}.old-{Guid.NewGuid():N}";
                Directory.Move(_output, previous);
            }
            Directory.Move(Root, _output);
        }
        catch (Exception e) when (SiteWriteException.IsWriteFailure(e))
        {
            // The previous site goes back where it was: a failed swap must not leave no site at all.
            if (previous is not null && !Directory.Exists(_output)) Directory.Move(previous, _output);
            throw Failure("", e);
        }
        _committed = true;
        if (previous is not null) TryDelete(previous);
    }

    /// <summary>The commit of a folder that cannot be renamed: its entries go aside, the staged ones take their place.</summary>
    private void SwapContents()
    {
        var previous = Path.Combine(_output, $".ppnblog-old-{Guid.NewGuid():N}");
        var (movedAside, movedIn) = (new List<string>(), new List<string>());
        try
        {
            Directory.CreateDirectory(previous);
            foreach (var entry in Directory.EnumerateFileSystemEntries(_output).Where(e => e != Root && e != previous).ToList())
            {
                MoveEntry(entry, Path.Combine(previous, Path.GetFileName(entry)));
                movedAside.Add(entry);
            }
            foreach (var entry in Directory.EnumerateFileSystemEntries(Root).ToList())
            {
                MoveEntry(entry, Path.Combine(_output, Path.GetFileName(entry)));
                movedIn.Add(Path.GetFileName(entry));
            }
        }
        catch (Exception e) when (SiteWriteException.IsWriteFailure(e))
        {
            // The previous site goes back where it was: what came in goes back to staging, then the old entries return.
            foreach (var name in movedIn) MoveEntry(Path.Combine(_output, name), Path.Combine(Root, name));
            foreach (var entry in movedAside) MoveEntry(Path.Combine(previous, Path.GetFileName(entry)), entry);
            TryDelete(previous);
            throw Failure("", e);
        }
        _committed = true;
        TryDelete(previous);
        TryDelete(Root);
    }

    /// <summary>
    /// Swaps two folders in one step (Linux's renameat2 with RENAME_EXCHANGE); false where the system or the file
    /// system cannot, and the caller then moves the old folder aside first.
    /// </summary>
    private static bool Exchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(AtCurrentDirectory, first, AtCurrentDirectory, second, RenameExchange) == 0; }
        catch (EntryPointNotFoundException) { return false; }
    }

    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    private static void MoveEntry(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to);
        else File.Move(from, to);
    }

    /// <inheritdoc />
    protected override string PublishedRoot => _output;

    /// <summary>Removes the staging folder unless the build was committed.</summary>
    public override void Dispose()
    {
        if (!_committed) TryDelete(Root);
        base.Dispose();
    }

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* A file still open (e.g. by the dev server) is left for the next build. */ }
        catch (UnauthorizedAccessException) { }
    }
}
