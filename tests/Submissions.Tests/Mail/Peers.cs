using PPNBlog.Submissions.Tests.GitHub;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary>Everything the bot talks to, each a real server on loopback: IMAP (Dovecot), SMTP (aiosmtpd), GitHub (local), the live site.</summary>
public sealed class Peers : IAsyncDisposable
{
    private Peers(Dovecot imap, SmtpSink smtp, FakeGitHub github, LiveSite site) => (Imap, Smtp, GitHub, Site) = (imap, smtp, github, site);

    public Dovecot Imap { get; }

    public SmtpSink Smtp { get; }

    public FakeGitHub GitHub { get; }

    public LiveSite Site { get; }

    public static async Task<Peers> StartAsync() =>
        new(await Dovecot.StartAsync(), await SmtpSink.StartAsync(), await FakeGitHub.StartAsync(), await LiveSite.StartAsync());

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await GitHub.DisposeAsync();
        await Smtp.DisposeAsync();
        await Imap.DisposeAsync();
    }
}
