using System.Runtime.CompilerServices;
using System.Text;

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
}
