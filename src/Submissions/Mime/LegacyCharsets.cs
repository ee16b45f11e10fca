using System.Runtime.CompilerServices;
using System.Text;
using MimeKit;

namespace PPNBlog.Submissions.Mime;

/// <summary>Makes the legacy code pages of email (windows-1252, koi8-r, iso-2022-jp, TNEF's ANSI strings) decodable.</summary>
public static class LegacyCharsets
{
    /// <summary>
    /// Registers .NET's code-page provider. It must run before MimeKit is first used: MimeKit builds its charset
    /// table once, so a charset missing then stays undecodable (its bytes would be read as ASCII) for the process.
    /// </summary>
#pragma warning disable CA2255 // Deliberate: registration must precede any MimeKit use by this library's callers.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Relabels <paramref name="message"/>'s text parts as browsers read them (the WHATWG Encoding Standard): text
    /// labelled ISO-8859-1 or US-ASCII, or not labelled, is windows-1252 unless it is UTF-8; so is text labelled UTF-8 that is not. Outlook on Windows labels
    /// windows-1252 text ISO-8859-1, and ISO-8859-1 reads its curly quotes, dashes, € and … (bytes 0x80–0x9F) as
    /// control characters, which are removed: "didn’t" became "didnt". The other bytes mean the same in both.
    /// </summary>
    public static void ReadAsBrowsersDo(MimeMessage message)
    {
        // Headers too: Outlook encodes a subject or name "=?iso-8859-1?Q?What_we=92ve_learnt?=", and "we’ve" became "we ve".
        if (message.Subject is { } subject && Repaired(subject) is { } repaired) message.Subject = repaired;
        foreach (var mailbox in message.From.Mailboxes)
            if (mailbox.Name is { } name && Repaired(name) is { } repairedName) mailbox.Name = repairedName;
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            var label = part.ContentType.Charset?.Trim().ToLowerInvariant();
            if (label is "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "l1")
            {
                part.ContentType.Charset = "windows-1252";
            }
            else if (label is null or "us-ascii" or "ascii" or "utf-8" or "utf8" && part.Content is { } content)
            {
                var bytes = new MemoryStream();
                content.DecodeTo(bytes);
                var span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
                // Text labelled UTF-8 that is not (a mail program's windows-1252 under the wrong label) would show each
                // curly quote and dash as a replacement character: it is read as the windows-1252 it is.
                if (!System.Text.Ascii.IsValid(span)) part.ContentType.Charset = IsUtf8(span) ? "utf-8" : "windows-1252";
            }
        }
    }

    /// <summary>
    /// A header's text as its writer meant it, or null when it reads right already: UTF-8 labelled ISO-8859-1 or
    /// windows-1252 ("SiÃ¢n" is "Siân"), or windows-1252 labelled ISO-8859-1 (its curly quotes read as control characters).
    /// </summary>
    private static string? Repaired(string text)
    {
        if (text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F') < 0) return null;
        try
        {
            // Back to the bytes as they were sent, and read as UTF-8 when they are UTF-8 (a Latin text almost never is).
            var bytes = text.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(text) : StrictWindows1252.GetBytes(text);
            if (IsUtf8(bytes)) return Encoding.UTF8.GetString(bytes);
        }
        catch (EncoderFallbackException)
        {
            // Characters no single-byte charset has: the header was read right.
        }
        return HasLatin1Controls(text) ? Windows1252Controls(text) : null;
    }

    /// <summary>windows-1252, failing on a character it lacks (made when used: the code pages are registered at module load).</summary>
    private static Encoding StrictWindows1252 => Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static bool HasLatin1Controls(string text) => text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') >= 0;

    /// <summary><paramref name="text"/> with the C1 controls that ISO-8859-1 reads bytes 0x80–0x9F as, read as windows-1252 instead.</summary>
    private static string Windows1252Controls(string text) => string.Create(text.Length, text, static (chars, source) =>
    {
        var windows1252 = Encoding.GetEncoding(1252);
        for (var i = 0; i < source.Length; i++)
            chars[i] = source[i] is >= '\u0080' and <= '\u009F' ? windows1252.GetString([(byte)source[i]])[0] : source[i];
    });

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
