using PPNBlog.Content.Sources;

namespace PPNBlog.Generator.Serve;

/// <summary>
/// Watches a folder and everything under it for changes to content (serve's input/ and theme/), skipping the files
/// editors keep beside the ones edited. A folder replaced whole (deleted and made again, or another renamed into its
/// place, as a copy or a branch switch by hand does) is watched again, and its files are read again whole.
/// </summary>
public sealed class FolderWatcher : IDisposable
{
    private readonly string _folder;
    private readonly Action<string[]> _changed;
    private readonly Action _lostTrack;
    private readonly FileSystemWatcher? _parent;
    private FileSystemWatcher? _contents;

    /// <summary>Starts watching <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="changed">Told the paths of changed files.</param>
    /// <param name="lostTrack">Told when changes may have been missed (a full rebuild is due).</param>
    public FolderWatcher(string folder, Action<string[]> changed, Action lostTrack)
    {
        (_folder, _changed, _lostTrack) = (Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), changed, lostTrack);
        // The folder's own watch ends with the folder: its parent sees a new one come.
        if (Path.GetDirectoryName(_folder) is { } parent)
        {
            _parent = new FileSystemWatcher(parent, Path.GetFileName(_folder)) { NotifyFilter = NotifyFilters.DirectoryName };
            _parent.Created += (_, e) => Replaced(e.FullPath);
            _parent.Renamed += (_, e) => Replaced(e.FullPath);
            _parent.EnableRaisingEvents = true;
        }
        _contents = WatchContents();
    }

    private void Replaced(string path)
    {
        if (!string.Equals(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar), _folder, StringComparison.Ordinal)) return;
        Interlocked.Exchange(ref _contents, WatchContents())?.Dispose();
        _lostTrack();
    }

    private FileSystemWatcher? WatchContents()
    {
        if (!Directory.Exists(_folder)) return null;
        var watcher = new FileSystemWatcher(_folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        void Report(params string[] paths)
        {
            paths = [.. paths.Where(p => !IsEditorsOwn(p))];
            if (paths.Length > 0) _changed(paths);
        }
        watcher.Changed += (_, e) => Report(e.FullPath);
        watcher.Created += (_, e) => Report(e.FullPath);
        watcher.Deleted += (_, e) => Report(e.FullPath);
        watcher.Renamed += (_, e) => Report(e.OldFullPath, e.FullPath);
        watcher.Error += (_, _) => _lostTrack();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>
    /// A file an editor keeps beside the one being edited (Vim's .swp and 4913, Emacs's .#lock, a backup~, JetBrains'
    /// ___jb_tmp___), or any hidden file: none is content, and Vim rewrites its swap file as you type. A save that
    /// renames one over the real file names the real file too, which is not skipped.
    /// </summary>
    private bool IsEditorsOwn(string path)
    {
        var name = Path.GetFileName(path);
        return HiddenFiles.IsHiddenPath(Path.GetRelativePath(_folder, path)) || name.EndsWith('~') || name == "4913"
            || name.EndsWith("___jb_tmp___", StringComparison.Ordinal) || name.EndsWith("___jb_old___", StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _parent?.Dispose();
        _contents?.Dispose();
    }
}
