using System.Text.RegularExpressions;
using System.Web;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Outlook's Safe Links (<c>https://eur01.safelinks.protection.outlook.com/?url=…&amp;data=…</c>), which Microsoft 365
/// writes over every address in mail it delivers: the post links to the address the contributor gave, not to the
/// redirect, which carries the recipient's address and tracking data and stops working with the tenant's settings.
/// </summary>
public static partial class SafeLinks
{
    /// <summary>The address a Safe Link leads to (for a link wrapped twice, the innermost), or <paramref name="href"/> when it is none.</summary>
    public static string Unwrap(string href)
    {
        for (var depth = 0; depth < 3 && IsSafeLink(href, out var target); depth++) href = target;
        return href;
    }

    /// <summary><paramref name="text"/> with every Safe Link in it replaced by the address it leads to.</summary>
    public static string UnwrapIn(string text) =>
        text.Contains("safelinks.protection.outlook.com", StringComparison.OrdinalIgnoreCase) ? SafeLink().Replace(text, m => Unwrap(m.Value)) : text;

    private static bool IsSafeLink(string href, out string target)
    {
        target = "";
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !uri.Host.EndsWith(".safelinks.protection.outlook.com", StringComparison.OrdinalIgnoreCase))
            return false;
        // Only an address the converter would link anyway: the wrapper never turns into another kind of link.
        target = HttpUtility.ParseQueryString(uri.Query)["url"] ?? "";
        return target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"https://[A-Za-z0-9.-]+\.safelinks\.protection\.outlook\.com/\?[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SafeLink();
}
