using System.Text.RegularExpressions;
using MailKit.Security;

namespace PPNBlog.Submissions.Tests.Cli;

/// <summary>The repository's submissions.yml: what it documents is what the bot reads.</summary>
public sealed class SettingsFileTests
{
    [Fact]
    public void The_documented_github_mail_and_site_settings_load_when_uncommented()
    {
        var text = File.ReadAllText(Path.Combine(Emails.RepositoryRoot, "submissions.yml"));
        // The examples are commented out: "# github:", "#   owner: …" and so on.
        var uncommented = Regex.Replace(text, @"^# (?=(github|mail|siteUrl|authservId):|  )", "", RegexOptions.Multiline);
        var path = Path.Combine(Path.GetTempPath(), $"submissions-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(path, uncommented.Replace("disclaimers: src/", "disclaimers: " + Path.Combine(Emails.RepositoryRoot, "src") + "/"));
            var config = SubmissionsFile.Load(path);

            Assert.Equal(("your-organisation", "ppnblog", "main"), (config.GitHub!.Owner, config.GitHub.Repository, config.GitHub.BaseBranch));
            Assert.Equal(["comms-team"], config.GitHub.TeamReviewers);
            Assert.Equal(new PPNBlog.Submissions.GitHub.GitHubAppInstallation(123456, 7890123), config.App);
            Assert.Equal(SecureSocketOptions.SslOnConnect, config.Mail!.Security);
            // The documented pair, IMAP on 993 and SMTP on 587, under the one "tls": TLS from the start, then STARTTLS
            // (TLS from the start on 587 failed every reply).
            Assert.Equal((993, SecureSocketOptions.SslOnConnect), (config.Mail.ImapPort, config.Mail.SecurityFor(config.Mail.ImapPort)));
            Assert.Equal((587, SecureSocketOptions.StartTls), (config.Mail.SmtpPort, config.Mail.SecurityFor(config.Mail.SmtpPort)));
            Assert.Equal(SecureSocketOptions.SslOnConnect, config.Mail.SecurityFor(465));
            Assert.Equal(("Processed", "Rejected", TimeSpan.FromMinutes(5)), (config.Mail.Processed, config.Mail.Rejected, config.Mail.PollInterval));
            Assert.Equal(new Uri("https://blog.example.org/"), config.SiteUrl);
            Assert.Equal("mx.example.org", config.Conversion.AuthservId);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("mail:\n  security: sometimes\n", "mail.security is 'sometimes'")]
    [InlineData("github:\n  apiUrl: not a url\n", "github.apiUrl 'not a url' is not an http(s) address")]
    [InlineData("siteUrl: 'no address here'\n", "siteUrl 'no address here' is not an absolute http(s) URL")]
    [InlineData("siteUrl: 'https://editor:secret@blog.example.org/'\n", "holds a user name or password")]
    public void Bad_settings_say_which_key_and_how_to_fix_it(string yaml, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"submissions-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(path, yaml);
            Assert.Contains(message, Assert.Throws<InvalidDataException>(() => SubmissionsFile.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }
}
