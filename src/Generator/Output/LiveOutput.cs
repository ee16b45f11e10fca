namespace PPNBlog.Generator.Output;

/// <summary>
/// Serve's rebuilds: changes the served folder in place, file by file (each file replaced atomically, so a reader
/// never sees half a page), and on commit removes what the previous build wrote that this one no longer does.
/// Files it never wrote (the search index) are left alone.
/// </summary>
/// <param name="outputDirectory">The folder the previous build left, described by <paramref name="ledger"/>.</param>
/// <param name="ledger">What that folder holds; kept up to date as files are written.</param>
/// <param name="keepOthers">True when the build makes only some files again and keeps all others (serve's in-place edits).</param>
public sealed class LiveOutput(string outputDirectory, OutputLedger ledger, bool keepOthers = false)
    : SiteOutput(Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory)), ledger)
{
    /// <inheritdoc />
    protected override void Write(string fullPath, ReadOnlySpan<byte> content)
    {
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        WriteFile(temporary, content);
        File.Move(temporary, fullPath, overwrite: true);
    }

    /// <summary>Removes the files of the previous build that this build did not produce, and folders left empty.</summary>
    public override void Commit()
    {
        // Every file the folder holds was produced again, or kept on purpose: nothing is left over.
        if (keepOthers || Ledger.Files.Count == FileCount) return;
        foreach (var (path, entry) in Ledger.Files)
        {
            if (!IsLeftOver(entry)) continue;
            Ledger.Files.TryRemove(path, out _);
            var full = FullPath(path);
            File.Delete(full);
            for (var folder = Path.GetDirectoryName(full); folder is not null && folder != Root && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder))
                Directory.Delete(folder);
        }
    }
}
