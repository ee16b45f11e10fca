using System.Diagnostics;
using MimeKit;
using PPNBlog.Submissions.Tests.GitHub;
using Xunit.Abstractions;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary><c>ppnblog submissions poll</c> run as a real process against the real peers.</summary>
public sealed class PollCommandTests(ITestOutputHelper output) : IAsyncLifetime
{
    private Peers _peers = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _peers = await Peers.StartAsync();
        _config = await Config(writesPerMinute: 80);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_config);
        await _peers.DisposeAsync();
    }

    private async Task<string> Config(int writesPerMinute, bool withMail = true)
    {
        var path = Path.Combine(Path.GetTempPath(), $"submissions-{Guid.NewGuid():N}.yml");
        var mail = withMail
            ? $"mail:\n  imapHost: 127.0.0.1\n  imapPort: {_peers.Imap.Port}\n  smtpHost: 127.0.0.1\n  smtpPort: {_peers.Smtp.Port}\n  security: none\n  username: {Dovecot.User}\n  fromAddress: blog@ppn.example\n"
            : "";
        await File.WriteAllTextAsync(path, $"siteUrl: {_peers.Site.BaseUrl}\ngithub:\n  apiUrl: {_peers.GitHub.BaseUrl}\n  owner: o\n  repository: r\n  attempts: 2\n  writesPerMinute: {writesPerMinute}\n  writesPerHour: {writesPerMinute * 60}\n  labels: {Path.Combine(Emails.RepositoryRoot, ".github", "labels.yml")}\n{mail}");
        return path;
    }

    private static Task<(int Code, string Output, string Error)> Poll(string config, string? password) =>
        Ppnblog.RunAsync(["submissions", "poll", "--once", "--config", config, "--input", Path.Combine(Emails.RepositoryRoot, "input")],
            new Dictionary<string, string?> { ["GITHUB_TOKEN"] = FakeGitHub.TestToken, ["PPNBLOG_MAIL_PASSWORD"] = password });

    [Fact]
    public async Task Poll_once_handles_the_inbox_and_exits_0()
    {
        await _peers.Imap.DeliverAsync(MimeMessage.Load(Emails.Fixture("apple-plain-text.eml")), MimeMessage.Load(Emails.Fixture("auto-reply.eml")));
        var (code, stdout, stderr) = await Poll(_config, _peers.Imap.Password);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("1 opened", stdout);
        Assert.Contains("1 rejected", stdout);
        Assert.Single(_peers.GitHub.PullRequests);
        Assert.Single(_peers.Smtp.Received);
        Assert.DoesNotContain(_peers.Imap.Password, stdout + stderr);
        Assert.DoesNotContain("priya.khan", stdout + stderr);
    }

    [Fact]
    public async Task Without_the_mailbox_password_or_mail_settings_it_says_what_to_set()
    {
        var noPassword = await Poll(_config, password: null);
        Assert.Equal(2, noPassword.Code);
        Assert.Contains("PPNBLOG_MAIL_PASSWORD", noPassword.Error);

        var noMail = await Config(80, withMail: false);
        try
        {
            var (code, _, error) = await Poll(noMail, _peers.Imap.Password);
            Assert.Equal(2, code);
            Assert.Contains("no mail section", error);
        }
        finally { File.Delete(noMail); }
    }

    [Fact]
    public async Task A_wrong_password_leaves_everything_in_the_inbox_and_exits_4()
    {
        await _peers.Imap.DeliverAsync(MimeMessage.Load(Emails.Fixture("apple-plain-text.eml")));
        var (code, _, error) = await Poll(_config, "not-the-password");
        Assert.Equal(4, code);
        Assert.Contains("mailbox connection failed", error);
        Assert.DoesNotContain("not-the-password", error);
        Assert.Single(await _peers.Imap.MessagesIn("INBOX"));
        Assert.Empty(_peers.GitHub.PullRequests);
    }

    [Fact]
    public async Task Two_hundred_messages_are_handled_in_one_poll()
    {
        const int count = 200;
        var template = MimeMessage.Load(Emails.Fixture("apple-plain-text.eml"));
        var messages = Enumerable.Range(1, count).Select(i =>
        {
            var message = MimeMessage.Load(Emails.Fixture("apple-plain-text.eml"));
            message.MessageId = $"load-{i}@icloud.com";
            message.Subject = $"{template.Subject}, part {i}";
            // Authenticated by the receiving server: an unauthenticated address gets only a few replies a day.
            message.Headers.Insert(0, HeaderId.AuthenticationResults, "mx.icloud.com; spf=pass smtp.mailfrom=icloud.com; dkim=pass header.d=icloud.com; dmarc=pass header.from=icloud.com");
            return message;
        });
        await _peers.Imap.DeliverAsync(messages);
        var config = await Config(writesPerMinute: 100_000);
        try
        {
            var clock = Stopwatch.StartNew();
            var (code, stdout, stderr) = await Poll(config, _peers.Imap.Password);
            clock.Stop();

            Assert.True(code == 0, stdout + stderr);
            Assert.Contains($"{count} opened", stdout);
            Assert.Equal(count, _peers.GitHub.PullRequests.Count);
            Assert.Equal(count, _peers.Smtp.Received.Count);
            Assert.Equal(count, (await _peers.Imap.MessagesIn("Processed")).Count);
            Assert.Empty(_peers.GitHub.Violations);
            var requests = _peers.GitHub.Requests.Count;
            var writes = _peers.GitHub.Requests.Count(r => !r.StartsWith("GET", StringComparison.Ordinal));
            output.WriteLine($"{count} messages in {clock.Elapsed.TotalSeconds:0.0} s ({clock.Elapsed.TotalMilliseconds / count:0} ms each); " +
                $"{(double)requests / count:0.0} GitHub calls per submission, {(double)writes / count:0.0} of them writes");
        }
        finally { File.Delete(config); }
    }
}
