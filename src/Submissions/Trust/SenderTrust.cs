using System.Text.RegularExpressions;
using MimeKit;

namespace PPNBlog.Submissions.Trust;

/// <summary>What the receiving mail server said about the sender, and whether the sender's domain is on the allowlist.</summary>
/// <param name="Spf">SPF result ("pass", "fail", "softfail", "none"…; "none" when not reported).</param>
/// <param name="Dkim">DKIM result.</param>
/// <param name="Dmarc">DMARC result.</param>
/// <param name="DomainAllowed">True when the From address's domain is an allowed domain or below one.</param>
public sealed partial record SenderTrust(string Spf, string Dkim, string Dmarc, bool DomainAllowed)
{
    /// <summary>True when SPF, DKIM and DMARC all passed and the domain is allowed: the bot may treat the sender as trusted.</summary>
    public bool Trusted => Spf == "pass" && Dkim == "pass" && Dmarc == "pass" && DomainAllowed;

    /// <summary>Reads the Authentication-Results headers (RFC 8601) and checks the From domain against <paramref name="allowedDomains"/>.</summary>
    public static SenderTrust Of(MimeMessage message, IReadOnlyList<string> allowedDomains)
    {
        var results = string.Join(";", message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults).Select(h => h.Value));
        string Result(string method) =>
            Regex.Match(results, $@"\b{method}\s*=\s*([a-z]+)", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : "none";
        var domain = message.From.Mailboxes.FirstOrDefault()?.Domain?.Trim().TrimEnd('.').ToLowerInvariant() ?? "";
        var allowed = domain.Length > 0 && allowedDomains.Any(a =>
            domain == a.ToLowerInvariant() || domain.EndsWith("." + a.ToLowerInvariant(), StringComparison.Ordinal));
        return new SenderTrust(Result("spf"), Result("dkim"), Result("dmarc"), allowed);
    }
}
