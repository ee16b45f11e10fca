using MimeKit;
using MimeKit.Cryptography;

namespace PPNBlog.Submissions.Trust;

/// <summary>What the receiving mail server said about the sender, and whether the sender's domain is on the allowlist.</summary>
/// <param name="Spf">SPF result ("pass", "fail", "softfail", "none"…; "none" when not reported).</param>
/// <param name="Dkim">DKIM result.</param>
/// <param name="Dmarc">DMARC result.</param>
/// <param name="DomainAllowed">True when the From address's domain is an allowed domain or below one.</param>
public sealed record SenderTrust(string Spf, string Dkim, string Dmarc, bool DomainAllowed)
{
    /// <summary>True when SPF, DKIM and DMARC all passed and the domain is allowed: the bot may treat the sender as trusted.</summary>
    public bool Trusted => Authenticated && DomainAllowed;

    /// <summary>True when SPF, DKIM and DMARC all passed: the From address is the sender's own, not only written so.</summary>
    public bool Authenticated => Spf == "pass" && Dkim == "pass" && Dmarc == "pass";

    /// <summary>
    /// Reads the receiving server's Authentication-Results header (RFC 8601) and checks the From domain against
    /// <paramref name="allowedDomains"/>. With <paramref name="authservId"/> (the receiving server's authserv-id), the
    /// first header carrying that id is read; without, the topmost header, which the receiving server prepended.
    /// </summary>
    public static SenderTrust Of(MimeMessage message, IReadOnlyList<string> allowedDomains, string? authservId = null)
    {
        var results = ReceivingServersResults(message, authservId);
        string Result(string method) =>
            results?.Results.FirstOrDefault(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase))?.Result?.ToLowerInvariant() ?? "none";
        var domain = message.From.Mailboxes.FirstOrDefault()?.Domain?.Trim().TrimEnd('.').ToLowerInvariant() ?? "";
        var allowed = domain.Length > 0 && allowedDomains.Any(a =>
            domain == a.ToLowerInvariant() || domain.EndsWith("." + a.ToLowerInvariant(), StringComparison.Ordinal));
        return new SenderTrust(Result("spf"), Result("dkim"), Result("dmarc"), allowed);
    }

    /// <summary>
    /// The results the receiving server wrote, or null. Headers below it came with the message, written by the sender or
    /// any server on the way, so they say nothing (RFC 8601 §5); a header that does not parse is no result at all.
    /// </summary>
    private static AuthenticationResults? ReceivingServersResults(MimeMessage message, string? authservId)
    {
        foreach (var header in message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            var parsed = AuthenticationResults.TryParse(header.RawValue, out var results) ? results : null;
            if (authservId is null) return parsed;
            if (string.Equals(parsed?.AuthenticationServiceIdentifier, authservId, StringComparison.OrdinalIgnoreCase)) return parsed;
        }
        return null;
    }
}
