using System.Text;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.Sources;

/// <summary>Reads content files as strict UTF-8 text with a size limit, so a bad file becomes a diagnostic, not garbage.</summary>
public static class SourceText
{
    /// <summary>The largest content file read (2 MiB): far above any real post, far below what could exhaust memory.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/>; returns null and reports a diagnostic when the file is too large or not UTF-8.</summary>
    /// <param name="path">The file on disk.</param>
    /// <param name="displayPath">The path printed in diagnostics.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static string? Read(string path, string displayPath, DiagnosticList diagnostics) => Read(path, displayPath, diagnostics, Decode);

    /// <summary>
    /// Reads <paramref name="path"/> as <see cref="Read(string, string, DiagnosticList)"/> does, but makes of its bytes what
    /// <paramref name="decode"/> does (<see cref="Decode"/>'s checks included), not necessarily one string.
    /// </summary>
    public static T? Read<T>(string path, string displayPath, DiagnosticList diagnostics, Func<ReadOnlySpan<byte>, string, DiagnosticList, T?> decode)
        where T : class
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            diagnostics.Add(DiagnosticCode.SymbolicLink, SourceLocation.WholeFile(displayPath), $"the {(Directory.Exists(path) ? "folder" : "file")} is a symbolic link to '{info.LinkTarget}'");
            return null;
        }
        var length = info.Length;
        if (length > MaxBytes)
        {
            diagnostics.Add(DiagnosticCode.TooLarge, SourceLocation.WholeFile(displayPath),
                $"file is {length / 1024} KiB; the limit is {MaxBytes / 1024} KiB");
            return null;
        }
        // Nothing to read, and nothing opened: a named pipe (size 0, as is an empty file) would keep the reader waiting forever.
        if (length == 0) return decode([], displayPath, diagnostics);
        try
        {
            return decode(ReadForThread(path), displayPath, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCode.MissingInput, SourceLocation.WholeFile(displayPath), $"the file cannot be read: {e.Message}",
                "Check the file's permissions, or remove it.");
            return null;
        }
    }

    /// <summary>The file's bytes, read into a buffer the calling thread keeps: only the decoded text is new memory.</summary>
    private static ReadOnlySpan<byte> ReadForThread(string path)
    {
        using var file = File.OpenHandle(path);
        // Read to the end, not to the length seen before opening: the file may have changed since.
        var buffer = t_buffer ??= new byte[64 * 1024];
        var length = 0;
        while (RandomAccess.Read(file, buffer.AsSpan(length), length) is var read and > 0)
        {
            length += read;
            if (length > MaxBytes) throw new IOException($"the file grew past {MaxBytes / 1024} KiB while it was read");
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            t_buffer = buffer;
        }
        return buffer.AsSpan(0, length);
    }

    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>
    /// Decodes bytes as UTF-8 (a BOM is allowed and dropped); reports the first invalid byte's line and column, or the
    /// first control character a page or feed cannot carry (<see cref="ControlCharacters"/>).
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticList diagnostics)
    {
        var span = WithoutByteOrderMark(bytes);
        if (Valid(span) is not { } text)
        {
            Report(span, displayPath, diagnostics);
            return null;
        }
        // Lines ended by CR alone (classic Mac OS, some exports) are lines all the same: read as one line, no front matter was found.
        return text.Contains('\r') && !text.Contains('\n') ? text.Replace('\r', '\n') : text;
    }

    /// <summary><paramref name="bytes"/> without the UTF-8 byte-order mark they may start with.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;

    /// <summary>
    /// The text of <paramref name="utf8"/> (without a byte-order mark) when it is valid UTF-8 holding no control
    /// character; else null, and <see cref="Decode"/> of the file says why.
    /// </summary>
    public static string? Valid(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return StrictUtf8.GetString(utf8) is var text && ControlCharacters.IndexOf(text) < 0 ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Reports why <paramref name="span"/> (without a byte-order mark) is not <see cref="Valid"/>.</summary>
    private static void Report(ReadOnlySpan<byte> span, string displayPath, DiagnosticList diagnostics)
    {
        // Windows editors' "Unicode" is UTF-16: its byte-order mark names it, where a guess at the first bad byte would not.
        if (span.StartsWith(Encoding.Unicode.Preamble) || span.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            diagnostics.Add(DiagnosticCode.NotUtf8, SourceLocation.WholeFile(displayPath), "file is saved as UTF-16 (\"Unicode\"), not UTF-8");
            return;
        }
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            var (line, column) = FirstInvalidByte(span);
            diagnostics.Add(DiagnosticCode.NotUtf8, new SourceLocation(displayPath, line, column),
                "file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1)");
            return;
        }
        var text = StrictUtf8.GetString(span);
        var at = ControlCharacters.IndexOf(text);
        var before = text.AsSpan(0, at);
        var lineStart = before.LastIndexOf('\n') + 1;
        var others = ControlCharacters.Count(text.AsSpan(at + 1));
        diagnostics.Add(DiagnosticCode.ControlCharacter, new SourceLocation(displayPath, before.Count('\n') + 1, at - lineStart + 1),
            $"the file holds the control character {ControlCharacters.Name(text[at])}" + (others > 0 ? $" (and {others} more after it)" : "")
            + ", which feeds cannot carry and pages do not show");
    }

    private static (int Line, int Column) FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) break;
            offset += consumed;
        }
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
