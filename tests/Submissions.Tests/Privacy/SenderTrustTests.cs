using MimeKit;
using PPNBlog.Submissions.Trust;

namespace PPNBlog.Submissions.Tests.Privacy;

public class SenderTrustTests
{
    [Fact]
    public void Authentication_results_and_the_allowlist_are_reported()
    {
        var outlook = Emails.Convert("outlook-html-inline-image.eml").Post!.Sender;
        Assert.Equal(("pass", "pass", "pass", true, true), (outlook.Spf, outlook.Dkim, outlook.Dmarc, outlook.DomainAllowed, outlook.Trusted));
        var gmail = Emails.Convert("gmail-alternative-attachment.eml").Post!.Sender;
        Assert.Equal(("none", false, false), (gmail.Spf, gmail.DomainAllowed, gmail.Trusted));
    }

    [Theory]
    // A result written inside a comment or a property's value is not a result.
    [InlineData("none", "fail", "mx.nhs.net; spf=pass (dkim=pass dmarc=pass) smtp.mailfrom=nhs.net; dkim=none (not signed); dmarc=fail header.from=nhs.net")]
    [InlineData("none", "none", "mx.nhs.net; spf=pass smtp.mailfrom=\"x dkim=pass dmarc=pass\"@evil.example; dkim=none (not signed)")]
    // Headers below the receiving server's came with the message: the sender may have written them.
    [InlineData("pass", "none", "mx.nhs.net; spf=pass smtp.mailfrom=nhs.net; dkim=pass header.d=nhs.net", "evil.example; dmarc=pass")]
    // A topmost header that does not parse is no result, not a reason to read the next.
    [InlineData("none", "none", "mx.nhs.net; spf=pass dkim=", "mx.nhs.net; spf=pass; dkim=pass; dmarc=pass")]
    public void Only_the_receiving_servers_own_results_are_read(string dkim, string dmarc, params string[] headers)
    {
        var trust = SenderTrust.Of(Message(headers), ["nhs.net"]);
        Assert.Equal((dkim, dmarc, false), (trust.Dkim, trust.Dmarc, trust.Trusted));
    }

    [Fact]
    public void With_the_servers_authserv_id_set_its_first_header_is_read()
    {
        // An internal relay added its own header above the receiving server's; the sender forged one below.
        var message = Message("relay.internal; spf=none", "mx.nhs.net; spf=pass smtp.mailfrom=nhs.net; dkim=pass header.d=nhs.net; dmarc=pass",
            "mx.nhs.net; spf=fail; dkim=fail; dmarc=fail");
        Assert.True(SenderTrust.Of(message, ["nhs.net"], "MX.nhs.net").Trusted);
        Assert.Equal("none", SenderTrust.Of(message, ["nhs.net"]).Dmarc);
        Assert.Equal("none", SenderTrust.Of(message, ["nhs.net"], "mx.other.example").Dmarc);
    }

    private static MimeMessage Message(params string[] authenticationResults)
    {
        var message = Emails.Message("Trust", Emails.Prose);
        message.From.Clear();
        message.From.Add(new MailboxAddress("Jo Evans", "jo.evans@nhs.net"));
        // Prepended in turn, as each server does: the first given ends up topmost.
        foreach (var value in authenticationResults.Reverse()) message.Headers.Insert(0, new Header("Authentication-Results", value));
        return message;
    }

    [Fact]
    public void With_the_allowlist_enforced_other_senders_are_rejected()
    {
        var settings = new SubmissionSettings { RejectOutsideAllowlist = true };
        Assert.Contains("nhs.net or nhs.uk", Assert.Single(Emails.Convert("gmail-alternative-attachment.eml", settings).Reasons));
        Assert.NotNull(Emails.Convert("outlook-html-inline-image.eml", settings).Post);
    }
}
