using Microsoft.Extensions.FileProviders;
using PPNBlog.Content.Sources;
using Microsoft.Extensions.Primitives;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// The theme's <c>partials/</c>, read once when the theme is loaded, for Fluid's <c>render</c> tag. Fluid asks its file
/// provider for the partial every time one is rendered; asked of the disk, that was a file-system call for every card
/// on every page (a quarter of a million at 10,000 posts). Serve loads the theme again when a file in it changes.
/// </summary>
public sealed class ThemePartials : IFileProvider
{
    private readonly Dictionary<string, PartialFile> _files;

    private ThemePartials(Dictionary<string, PartialFile> files, IReadOnlyList<string> linkedOutside) => (_files, LinkedOutside) = (files, linkedOutside);

    /// <summary>
    /// The partials (<c>*.liquid</c>, as <c>render</c> names them) under <paramref name="directory"/>, by path relative to it;
    /// none when it does not exist. Other files there (Windows's Thumbs.db, macOS's hidden .DS_Store) are not read as Liquid,
    /// nor is a link to a file outside <paramref name="themeRoot"/>, which could show any file of the machine that builds.
    /// </summary>
    public static ThemePartials Read(string directory, string themeRoot)
    {
        var files = !Directory.Exists(directory) ? [] :
            Directory.EnumerateFiles(directory, "*.liquid", SearchOption.AllDirectories).Where(f => !HiddenFiles.IsHiddenPath(Path.GetRelativePath(directory, f))).ToList();
        var outside = files.Where(f => FolderBounds.LinksOutside(themeRoot, f)).ToList();
        return new(files.Except(outside).ToDictionary(
            f => Path.GetRelativePath(directory, f).Replace('\\', '/'),
            f => new PartialFile(Path.GetFileName(f), File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)),
            StringComparer.Ordinal), outside);
    }

    /// <summary>The partials' files that are links to files outside the theme, which were not read.</summary>
    public IReadOnlyList<string> LinkedOutside { get; }

    /// <summary>Each partial's path (relative to partials/) and text, for checking them as the theme loads.</summary>
    public IEnumerable<(string Path, string Text)> Texts => _files.Select(f => (f.Key, System.Text.Encoding.UTF8.GetString(f.Value.Content)));

    /// <summary>Whether <c>render</c> finds partial <paramref name="name"/> (as written in the tag, with or without ".liquid").</summary>
    public bool Has(string name) => _files.ContainsKey(FileName(name));

    /// <summary>The file under partials/ that <c>render</c> reads for <paramref name="name"/>.</summary>
    public static string FileName(string name) => name.EndsWith(".liquid", StringComparison.Ordinal) ? name : name + ".liquid";

    /// <inheritdoc />
    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    /// <inheritdoc />
    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    /// <inheritdoc />
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class PartialFile(string name, byte[] content, DateTime lastModified) : IFileInfo
    {
        public byte[] Content { get; } = content;

        public bool Exists => true;

        public long Length => Content.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => lastModified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(Content, writable: false);
    }
}
