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

    [Fact]
    public void With_the_allowlist_enforced_other_senders_are_rejected()
    {
        var settings = new SubmissionSettings { RejectOutsideAllowlist = true };
        Assert.Contains("nhs.net or nhs.uk", Assert.Single(Emails.Convert("gmail-alternative-attachment.eml", settings).Reasons));
        Assert.NotNull(Emails.Convert("outlook-html-inline-image.eml", settings).Post);
    }
}
