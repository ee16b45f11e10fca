using System.Runtime.CompilerServices;
using PPNBlog.Submissions.Mime;

namespace PPNBlog.Submissions.Tests;

internal static class TestSetup
{
    // Tests build MimeKit messages before touching the Submissions assembly, so its module initializer could run
    // after MimeKit has built its charset table; register first, as the CLI does by loading Submissions first.
    [ModuleInitializer]
    internal static void RegisterLegacyCharsets() => LegacyCharsets.Register();
}
