using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Xml;

namespace PPNBlog.Generator.Output;

/// <summary>
/// What the output folder holds: each file's content hash, and for files made from known inputs, the fingerprint of
/// those inputs. Serve keeps it between builds, so the next build makes only files whose inputs changed and writes
/// only files whose bytes changed.
/// </summary>
/// <param name="keepsHashes">
/// Record each file's content hash, for the next build to compare (serve). A one-off build's ledger goes with it, so it
/// skips hashing: at 10,000 posts that was a tenth of writing the pages.
/// </param>
public sealed class OutputLedger(bool keepsHashes = true)
{
    /// <summary>One file of the output folder.</summary>
    internal sealed class Entry
    {
        /// <summary>The hash of its content.</summary>
        public UInt128 Hash;

        /// <summary>The fingerprint of what it was made from, when known.</summary>
        public ulong? Inputs;

        /// <summary>The last build that produced it.</summary>
        public int Build;
    }

    /// <summary>Site path → what is on disk there.</summary>
    internal ConcurrentDictionary<string, Entry> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether files' content hashes are recorded (and compared before writing).</summary>
    internal bool KeepsHashes { get; } = keepsHashes;

    /// <summary>The number of the last build that wrote to the folder.</summary>
    internal int LastBuild { get; set; }
}

/// <summary>
/// Where a build writes: <see cref="StagedOutput"/> (a new folder swapped in whole) or <see cref="LiveOutput"/> (the
/// served folder, changed file by file). Both keep the <see cref="OutputLedger"/> of what the folder holds.
/// </summary>
public abstract class SiteOutput : IDisposable
{
    private readonly int _build;
    private int _produced;
    private int _written;
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>UTF-8 as File.WriteAllText writes it: no byte order mark, and a lone surrogate is an error, not a '?'.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="root">The folder being written.</param>
    /// <param name="ledger">What the folder holds (empty for a new folder).</param>
    protected SiteOutput(string root, OutputLedger ledger)
    {
        Root = root;
        Ledger = ledger;
        _build = ++ledger.LastBuild;
    }

    /// <summary>The folder being written.</summary>
    public string Root { get; }

    /// <summary>What the folder holds; once committed, exactly the files this build produced.</summary>
    public OutputLedger Ledger { get; }

    /// <summary>Files of the site this build produced, written or kept (each counted once).</summary>
    public int FileCount => _produced;

    /// <summary>Files this build wrote (the rest were already on disk with the same bytes).</summary>
    public int WrittenCount => _written;

    /// <summary>
    /// Writes UTF-8 text (no byte order mark) to site file <paramref name="path"/> (e.g. "posts/x/index.html"), made
    /// from <paramref name="inputs"/> when known, unless it already holds that text.
    /// </summary>
    public void WriteText(string path, string content, ulong? inputs = null) =>
        WriteEncoded(path, content.Length, buffer => Utf8.GetBytes(content, buffer), inputs);

    /// <summary>
    /// <see cref="WriteText(string, string, ulong?)"/> for text built up in <paramref name="content"/> (a rendered page),
    /// encoded from the builder's own memory: at 10,000 posts a string of each page first was 600 MB more to allocate.
    /// </summary>
    public void WriteText(string path, StringBuilder content, ulong? inputs = null) =>
        WriteEncoded(path, content.Length, buffer =>
        {
            // One encoder across the chunks, so a surrogate pair split between two of them is encoded whole.
            var encoder = Utf8.GetEncoder();
            var length = 0;
            foreach (var chunk in content.GetChunks()) length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            return length + encoder.GetBytes([], buffer.AsSpan(length), flush: true);
        }, inputs);

    /// <summary>Writes the UTF-8 that <paramref name="encode"/> puts in a pooled buffer for text of <paramref name="chars"/> characters.</summary>
    private void WriteEncoded(string path, int chars, Func<byte[], int> encode, ulong? inputs)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(chars));
        try { WriteBytes(path, buffer.AsSpan(0, encode(buffer)), inputs); }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Writes <paramref name="content"/> to site file <paramref name="path"/>, unless it already holds those bytes.</summary>
    public void WriteBytes(string path, ReadOnlySpan<byte> content, ulong? inputs = null)
    {
        var hash = Ledger.KeepsHashes ? XxHash128.HashToUInt128(content) : default;
        if (Holds(path, hash, inputs)) return;
        try { Write(FullPath(path), content); }
        catch (Exception e) when (SiteWriteException.IsWriteFailure(e)) { throw Failure(path, e); }
        Record(path, hash, inputs);
    }

    /// <summary>Writes an indented UTF-8 XML document (feeds, sitemap) to site file <paramref name="path"/>.</summary>
    public void WriteXml(string path, Action<XmlWriter> write, ulong? inputs = null)
    {
        var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) })) write(writer);
        WriteBytes(path, bytes.GetBuffer().AsSpan(0, (int)bytes.Length), inputs);
    }

    /// <summary>
    /// Writes <paramref name="value"/> as the serializer's JSON (with <paramref name="type"/>'s options) to site file
    /// <paramref name="path"/>. Serialized into a buffer the thread keeps: a byte array per file was 200 MB more to
    /// allocate at 10,000 posts (each post's JSON holds its body).
    /// </summary>
    public void WriteJson<T>(string path, T value, JsonTypeInfo<T> type, ulong? inputs = null)
    {
        var buffer = t_json ??= new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Json.WriterOptions(type.Options)))
        {
            JsonSerializer.Serialize(writer, value, type);
        }
        WriteBytes(path, buffer.WrittenSpan, inputs);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    /// <summary>Copies <paramref name="source"/> to site file <paramref name="path"/>.</summary>
    public void CopyFile(string source, string path, ulong? inputs = null) => WriteBytes(path, File.ReadAllBytes(source), inputs);

    /// <summary>
    /// True (and the file kept as it is) when site file <paramref name="path"/> was made from inputs with this
    /// <paramref name="fingerprint"/>, so it need not be made again; otherwise the caller makes and writes it.
    /// </summary>
    public bool Unchanged(string path, ulong fingerprint)
    {
        if (!Ledger.Files.TryGetValue(path, out var entry) || entry.Inputs != fingerprint) return false;
        Produced(entry);
        return true;
    }

    /// <summary>Finishes the build: the output folder then holds exactly the files this build produced.</summary>
    public abstract void Commit();

    /// <summary>The folder as it is published: <see cref="Root"/>, unless that is a staging folder.</summary>
    protected virtual string PublishedRoot => Root;

    /// <summary>
    /// The failure to write <paramref name="path"/> (a site path, or "" for the folder itself), named as published:
    /// a staging folder's name means nothing to whoever reads the error.
    /// </summary>
    protected SiteWriteException Failure(string path, Exception e)
    {
        var published = path.Length == 0 ? PublishedRoot : Path.Combine(PublishedRoot, path);
        var reason = e.Message.Replace(Root, PublishedRoot, StringComparison.Ordinal).Replace($" : '{published}'", "", StringComparison.Ordinal);
        return new SiteWriteException(published, reason, e);
    }

    /// <summary>True when <paramref name="entry"/> was not produced by this build (it is to be removed).</summary>
    private protected bool IsLeftOver(OutputLedger.Entry entry) => entry.Build != _build;

    /// <summary>Writes one file at <paramref name="fullPath"/>.</summary>
    protected abstract void Write(string fullPath, ReadOnlySpan<byte> content);

    /// <summary>The full path of site file <paramref name="path"/>, creating its folder; never outside <see cref="Root"/>.</summary>
    protected string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {path}");
        // Each folder made once per build: most files share theirs (api/posts/ holds one per post).
        var folder = Path.GetDirectoryName(full)!;
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }
        return full;
    }

    /// <summary>
    /// Creates (or replaces) a file holding <paramref name="content"/>, in one write. File.WriteAllBytes and WriteAllText
    /// first reserve the file's size (fallocate) and write in chunks: three system calls more per file, a tenth of a
    /// build's time in the kernel.
    /// </summary>
    protected static void WriteFile(string fullPath, ReadOnlySpan<byte> content)
    {
        using var file = File.OpenHandle(fullPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(file, content, 0);
    }

    /// <summary>Cleans up after a build that did not commit.</summary>
    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>True (and the file kept) when the folder already holds exactly this content at <paramref name="path"/>.</summary>
    private bool Holds(string path, UInt128 hash, ulong? inputs)
    {
        if (!Ledger.KeepsHashes || !Ledger.Files.TryGetValue(path, out var entry) || entry.Hash != hash) return false;
        entry.Inputs = inputs;
        Produced(entry);
        return true;
    }

    /// <summary>Notes a file just written; the ledger changes only once the bytes are on disk.</summary>
    private void Record(string path, UInt128 hash, ulong? inputs)
    {
        var entry = Ledger.Files.GetOrAdd(path, _ => new OutputLedger.Entry());
        entry.Hash = hash;
        entry.Inputs = inputs;
        Produced(entry);
        Interlocked.Increment(ref _written);
    }

    private void Produced(OutputLedger.Entry entry)
    {
        if (entry.Build == _build) return;
        entry.Build = _build;
        Interlocked.Increment(ref _produced);
    }
}
