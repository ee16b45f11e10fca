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
    /// labelled ISO-8859-1 or US-ASCII, or not labelled, is windows-1252 unless it is UTF-8. Outlook on Windows labels
    /// windows-1252 text ISO-8859-1, and ISO-8859-1 reads its curly quotes, dashes, € and … (bytes 0x80–0x9F) as
    /// control characters, which are removed: "didn’t" became "didnt". The other bytes mean the same in both.
    /// </summary>
    public static void ReadAsBrowsersDo(MimeMessage message)
    {
        // Headers too: Outlook encodes a subject or name "=?iso-8859-1?Q?What_we=92ve_learnt?=", and "we’ve" became "we ve".
        if (message.Subject is { } subject && HasLatin1Controls(subject)) message.Subject = Windows1252Controls(subject);
        foreach (var mailbox in message.From.Mailboxes)
            if (mailbox.Name is { } name && HasLatin1Controls(name)) mailbox.Name = Windows1252Controls(name);
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            var label = part.ContentType.Charset?.Trim().ToLowerInvariant();
            if (label is "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "l1")
            {
                part.ContentType.Charset = "windows-1252";
            }
            else if (label is null or "us-ascii" or "ascii" && part.Content is { } content)
            {
                var bytes = new MemoryStream();
                content.DecodeTo(bytes);
                var span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
                if (!System.Text.Ascii.IsValid(span)) part.ContentType.Charset = IsUtf8(span) ? "utf-8" : "windows-1252";
            }
        }
    }

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
