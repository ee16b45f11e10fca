using System.Text.RegularExpressions;
using System.Web;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// Link wrappers that mail security and mail programs write over every address: Outlook's Safe Links
/// (<c>https://eur01.safelinks.protection.outlook.com/?url=…&amp;data=…</c>, and Teams' copy of them), Proofpoint's URL
/// Defense (v2 and v3) and Google's redirect. The post links to the address the contributor gave, not to the wrapper,
/// which carries the recipient's address and tracking data and stops working with the organisation's settings.
/// </summary>
public static partial class SafeLinks
{
    /// <summary>The address a wrapped link leads to (for a link wrapped twice, the innermost), or <paramref name="href"/> when it is none.</summary>
    public static string Unwrap(string href)
    {
        for (var depth = 0; depth < 3 && Target(href) is { } target; depth++) href = target;
        return href;
    }

    /// <summary><paramref name="text"/> with every wrapped link in it replaced by the address it leads to.</summary>
    public static string UnwrapIn(string text) =>
        text.Contains("https://", StringComparison.OrdinalIgnoreCase) ? WrappedLink().Replace(text, m => Unwrap(m.Value)) : text;

    /// <summary>Whether <paramref name="text"/> holds a Mimecast-protected link, whose address cannot be read from it (it is looked up on Mimecast's server).</summary>
    public static bool HasUnreadableWrapper(string text) => text.Contains(".mimecast.com/s/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address <paramref name="href"/> wraps, or null when it is no wrapper (or wraps something the converter would not link).</summary>
    private static string? Target(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return null;
        var host = uri.Host.ToLowerInvariant();
        var target = host.EndsWith(".safelinks.protection.outlook.com", StringComparison.Ordinal)
                     || host == "statics.teams.cdn.office.net" && uri.AbsolutePath.Contains("/safelinks/", StringComparison.Ordinal)
                ? HttpUtility.ParseQueryString(uri.Query)["url"]
            : host == "urldefense.proofpoint.com" && uri.AbsolutePath == "/v2/url"
                ? ProofpointV2(HttpUtility.ParseQueryString(uri.Query)["u"])
            : host == "urldefense.com" && ProofpointV3().Match(href) is { Success: true } v3 && !v3.Groups["url"].Value.Contains('*')
                ? v3.Groups["url"].Value
            : GoogleHost().IsMatch(host) && uri.AbsolutePath == "/url"
                ? HttpUtility.ParseQueryString(uri.Query) is var query ? query["q"] ?? query["url"] : null
            : null;
        // Only an address the converter would link anyway: the wrapper never turns into another kind of link.
        return target is not null && (target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) ? target : null;
    }

    /// <summary>Proofpoint v2's encoding: '_' for '/', and '-' with two hex digits for other characters ("https-3A__www.bps.org.uk_news").</summary>
    private static string? ProofpointV2(string? encoded) =>
        encoded is null ? null : ProofpointEscape().Replace(encoded.Replace('_', '/'), m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    [GeneratedRegex(@"-([0-9A-Fa-f]{2})")]
    private static partial Regex ProofpointEscape();

    /// <summary>Proofpoint v3: the address between "/v3/__" and "__;" (characters it replaced by '*' are not followed).</summary>
    [GeneratedRegex(@"^https://urldefense\.com/v3/__(?<url>.+?)__;")]
    private static partial Regex ProofpointV3();

    [GeneratedRegex(@"^(www\.)?google\.[a-z.]{2,6}$")]
    private static partial Regex GoogleHost();

    [GeneratedRegex(@"https://([A-Za-z0-9.-]+\.safelinks\.protection\.outlook\.com/\?|statics\.teams\.cdn\.office\.net/[^\s<>""'?]*safelinks[^\s<>""'?]*\?|urldefense\.proofpoint\.com/v2/url\?|urldefense\.com/v3/__|(www\.)?google\.[a-z.]{2,6}/url\?)[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex WrappedLink();
}
