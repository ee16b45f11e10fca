using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;

namespace PPNBlog.Generator.Output;

/// <summary>
/// What a build left in the output folder: each file's content hash, and the inputs fingerprint of each file rendered
/// from known inputs. Serve keeps the last one, so the next build renders only files whose inputs changed and writes
/// only files whose bytes changed.
/// </summary>
public sealed class OutputLedger
{
    /// <summary>Site path → hash of the bytes on disk.</summary>
    internal ConcurrentDictionary<string, UInt128> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Site path → fingerprint of what the file was made from.</summary>
    internal ConcurrentDictionary<string, ulong> Inputs { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Where a build writes: <see cref="StagedOutput"/> (a new folder swapped in whole) or <see cref="LiveOutput"/> (the
/// served folder, changed file by file). Both record what they hold in a <see cref="OutputLedger"/>.
/// </summary>
public abstract class SiteOutput(string root, OutputLedger? previous) : IDisposable
{
    private int _written;

    /// <summary>What the output folder held before this build (null for a new folder).</summary>
    protected OutputLedger? Previous { get; } = previous;

    /// <summary>The folder being written.</summary>
    public string Root { get; } = root;

    /// <summary>What the output holds once this build is committed.</summary>
    public OutputLedger Ledger { get; } = new();

    /// <summary>Files of the site, written or kept.</summary>
    public int FileCount => Ledger.Files.Count;

    /// <summary>Files this build wrote (the rest were already on disk with the same bytes).</summary>
    public int WrittenCount => _written;

    /// <summary>
    /// Writes UTF-8 text (no byte order mark) to site file <paramref name="path"/> (e.g. "posts/x/index.html"),
    /// unless it already holds that text. The text's hash stands for the file's (a path is always written the same way),
    /// so pages are encoded once, as they are written.
    /// </summary>
    public void WriteText(string path, string content)
    {
        if (Record(path, XxHash128.HashToUInt128(MemoryMarshal.AsBytes(content.AsSpan())))) Write(FullPath(path), content);
    }

    /// <summary>Writes <paramref name="content"/> to site file <paramref name="path"/>, unless it already holds those bytes.</summary>
    public void WriteBytes(string path, byte[] content)
    {
        if (Record(path, XxHash128.HashToUInt128(content))) Write(FullPath(path), content);
    }

    /// <summary>Records the file's hash; true when it differs from what is on disk, so the file must be written.</summary>
    private bool Record(string path, UInt128 hash)
    {
        Ledger.Files[path] = hash;
        if (Previous is not null && Previous.Files.TryGetValue(path, out var before) && before == hash) return false;
        Interlocked.Increment(ref _written);
        return true;
    }

    /// <summary>Writes an indented UTF-8 XML document (feeds, sitemap) to site file <paramref name="path"/>.</summary>
    public void WriteXml(string path, Action<XmlWriter> write)
    {
        var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) })) write(writer);
        WriteBytes(path, bytes.ToArray());
    }

    /// <summary>Copies <paramref name="source"/> to site file <paramref name="path"/>.</summary>
    public void CopyFile(string source, string path) => WriteBytes(path, File.ReadAllBytes(source));

    /// <summary>
    /// Records that site file <paramref name="path"/> is made from inputs with <paramref name="fingerprint"/>; true (and
    /// the file kept as it is) when the previous build made it from the same inputs, so it need not be made again.
    /// </summary>
    public bool Unchanged(string path, ulong fingerprint)
    {
        Ledger.Inputs[path] = fingerprint;
        if (Previous is null || !Previous.Inputs.TryGetValue(path, out var before) || before != fingerprint || !Previous.Files.TryGetValue(path, out var hash))
            return false;
        Ledger.Files[path] = hash;
        return true;
    }

    /// <summary>Finishes the build: the output folder then holds exactly what <see cref="Ledger"/> lists.</summary>
    public abstract void Commit();

    /// <summary>Writes one file at <paramref name="fullPath"/>.</summary>
    protected abstract void Write(string fullPath, byte[] content);

    /// <summary>Writes one UTF-8 text file at <paramref name="fullPath"/>.</summary>
    protected abstract void Write(string fullPath, string content);

    /// <summary>The full path of site file <paramref name="path"/>, creating its folder; never outside <see cref="Root"/>.</summary>
    protected string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {path}");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Cleans up after a build that did not commit.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);
}
