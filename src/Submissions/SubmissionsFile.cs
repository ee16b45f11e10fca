using PPNBlog.Content.FrontMatter;
using PPNBlog.Submissions.GitHub;
using PPNBlog.Submissions.Mail;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PPNBlog.Submissions;

/// <summary>Everything <c>submissions.yml</c> configures.</summary>
/// <param name="Conversion">Limits and sender policy for converting a message.</param>
/// <param name="Cleanup">The mail footers cut from bodies.</param>
/// <param name="GitHub">Where pull requests are opened (null when the file has no github section).</param>
/// <param name="App">The GitHub App to authenticate as (null: use GITHUB_TOKEN).</param>
/// <param name="Mail">The shared mailbox (null when the file has no mail section).</param>
/// <param name="SiteUrl">Where the site is published (null: input/site.yml's baseUrl).</param>
/// <param name="LabelsPath">The labels file (<c>.github/labels.yml</c> beside the settings file unless set).</param>
public sealed record SubmissionsConfig(SubmissionSettings Conversion, Conversion.BodyCleanup Cleanup, GitHubTarget? GitHub, GitHubAppInstallation? App, MailSettings? Mail,
    Uri? SiteUrl = null, string LabelsPath = LabelCatalogue.DefaultPath);

/// <summary>The settings file (<c>submissions.yml</c>): limits, the sender allowlist, disclaimers, GitHub and the mailbox. Secrets never go here.</summary>
public sealed class SubmissionsFile
{
    /// <summary>Trusted sender domains.</summary>
    public List<string> AllowedDomains { get; set; } = ["nhs.net", "nhs.uk"];

    /// <summary>Reject senders outside the allowlist.</summary>
    public bool RejectOutsideAllowlist { get; set; }

    /// <summary>The receiving server's authserv-id, whose Authentication-Results header is trusted (default: the topmost).</summary>
    public string? AuthservId { get; set; }

    /// <summary>Largest message, in MB.</summary>
    public int MaxMessageMegabytes { get; set; } = 25;

    /// <summary>Largest image, in MB.</summary>
    public int MaxImageMegabytes { get; set; } = 10;

    /// <summary>Most image data in a message, in MB.</summary>
    public int MaxTotalImageMegabytes { get; set; } = 20;

    /// <summary>Most images in a post.</summary>
    public int MaxImages { get; set; } = 20;

    /// <summary>Fewest words in a post.</summary>
    public int MinWords { get; set; } = 40;

    /// <summary>Longest image side, in pixels.</summary>
    public int MaxImageSide { get; set; } = 2000;

    /// <summary>The disclaimer patterns file, relative to the settings file.</summary>
    public string? Disclaimers { get; set; }

    /// <summary>Where the site is published, for "your post is live" emails (default: input/site.yml's baseUrl).</summary>
    public string? SiteUrl { get; set; }

    /// <summary>The repository pull requests go to, and how to authenticate.</summary>
    [YamlMember(Alias = "github")]
    public GitHubSection? GitHub { get; set; }

    /// <summary>The shared mailbox contributors write to.</summary>
    public MailSection? Mail { get; set; }

    /// <summary>Reads <paramref name="path"/>; a missing file gives the defaults. Throws <see cref="YamlException"/> with a position when invalid.</summary>
    public static SubmissionsConfig Load(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!File.Exists(path)) return new SubmissionsConfig(new SubmissionSettings(), Conversion.BodyCleanup.Default, null, null, null, null, Path.Combine(folder, LabelCatalogue.DefaultPath));
        var file = ObjectYaml.Reader(CamelCaseNamingConvention.Instance)
            .Deserialize<SubmissionsFile>(File.ReadAllText(path)) ?? new SubmissionsFile();
        const long Megabyte = 1024 * 1024;
        var settings = new SubmissionSettings
        {
            AllowedDomains = file.AllowedDomains,
            RejectOutsideAllowlist = file.RejectOutsideAllowlist,
            AuthservId = string.IsNullOrWhiteSpace(file.AuthservId) ? null : file.AuthservId.Trim(),
            MaxMessageBytes = file.MaxMessageMegabytes * Megabyte,
            MaxImageBytes = file.MaxImageMegabytes * Megabyte,
            MaxTotalImageBytes = file.MaxTotalImageMegabytes * Megabyte,
            MaxImages = file.MaxImages,
            MinWords = file.MinWords,
            MaxImageSide = file.MaxImageSide,
        };
        var cleanup = file.Disclaimers is null ? Conversion.BodyCleanup.Default
            : new Conversion.BodyCleanup(Conversion.BodyCleanup.LoadPatterns(Path.Combine(folder, file.Disclaimers)));
        Uri? siteUrl = null;
        if (file.SiteUrl is { } site && !SiteSettingsSchema.TryParseBaseUrl(site, out siteUrl, out var problem))
            throw new InvalidDataException($"siteUrl '{site}' {problem}; use the published site's address, e.g. https://blog.example.org/");
        return new SubmissionsConfig(settings, cleanup, file.GitHub?.ToTarget(), file.GitHub?.ToApp(), file.Mail?.ToSettings(), siteUrl,
            Path.Combine(folder, file.GitHub?.Labels ?? LabelCatalogue.DefaultPath));
    }

    /// <summary>The <c>github:</c> section.</summary>
    public sealed class GitHubSection
    {
        /// <summary>REST API base URL: api.github.com, or a GitHub Enterprise server's.</summary>
        public string ApiUrl { get; set; } = GitHubTarget.PublicApi.ToString();

        /// <summary>The repository's owner (user or organisation).</summary>
        public string Owner { get; set; } = "";

        /// <summary>The repository's name.</summary>
        public string Repository { get; set; } = "";

        /// <summary>The branch posts are merged into.</summary>
        public string BaseBranch { get; set; } = "main";

        /// <summary>GitHub users asked to review every submission.</summary>
        public List<string> Reviewers { get; set; } = [];

        /// <summary>GitHub teams (slugs) asked to review every submission.</summary>
        public List<string> TeamReviewers { get; set; } = [];

        /// <summary>Most content-creating calls a minute (GitHub's secondary limit is 80).</summary>
        public int WritesPerMinute { get; set; } = 80;

        /// <summary>Most content-creating calls an hour (GitHub's secondary limit is 500).</summary>
        public int WritesPerHour { get; set; } = 500;

        /// <summary>The labels file, relative to the settings file (default .github/labels.yml).</summary>
        public string? Labels { get; set; }

        /// <summary>How many times a failing GitHub call is tried (with backoff from 1 s, doubling) before the run gives up.</summary>
        public int Attempts { get; set; } = 6;

        /// <summary>The GitHub App's id (with <see cref="InstallationId"/>; its private key comes from the environment).</summary>
        public long? AppId { get; set; }

        /// <summary>The App's installation on the repository's owner.</summary>
        public long? InstallationId { get; set; }

        internal GitHubTarget ToTarget() =>
            Uri.TryCreate(ApiUrl.EndsWith('/') ? ApiUrl : ApiUrl + "/", UriKind.Absolute, out var api) && api.Scheme is "https" or "http"
                ? new(Owner, Repository, BaseBranch, api, Reviewers, Math.Clamp(Attempts, 1, 20), Math.Max(1, WritesPerMinute), Math.Max(1, WritesPerHour), TeamReviewers)
                : throw new InvalidDataException($"github.apiUrl '{ApiUrl}' is not an http(s) address; use https://api.github.com/ or your GitHub Enterprise server's API address");

        internal GitHubAppInstallation? ToApp() => AppId is { } app && InstallationId is { } installation ? new GitHubAppInstallation(app, installation) : null;
    }

    /// <summary>The <c>mail:</c> section.</summary>
    public sealed class MailSection
    {
        /// <summary>IMAP server.</summary>
        public string ImapHost { get; set; } = "";

        /// <summary>IMAP port (993: TLS).</summary>
        public int ImapPort { get; set; } = 993;

        /// <summary>SMTP server for replies.</summary>
        public string SmtpHost { get; set; } = "";

        /// <summary>SMTP port (587: STARTTLS).</summary>
        public int SmtpPort { get; set; } = 587;

        /// <summary>"tls", "starttls" or "none" (only for a server on this machine).</summary>
        public string Security { get; set; } = "tls";

        /// <summary>The mailbox's user name (its password comes from the environment).</summary>
        public string Username { get; set; } = "";

        /// <summary>The address replies come from.</summary>
        public string FromAddress { get; set; } = "";

        /// <summary>The name replies come from.</summary>
        public string FromName { get; set; } = "PPN blog";

        /// <summary>Where new submissions arrive.</summary>
        public string Inbox { get; set; } = "INBOX";

        /// <summary>Where processed submissions are kept (the contributor's address stays here, and only here).</summary>
        public string Processed { get; set; } = "Processed";

        /// <summary>Where rejected messages are kept.</summary>
        public string Rejected { get; set; } = "Rejected";

        /// <summary>Where messages the bot failed on twice are kept, for an editor (an issue says so).</summary>
        public string Held { get; set; } = "Held";

        /// <summary>Seconds between passes when <c>poll</c> runs continuously.</summary>
        public int PollSeconds { get; set; } = 300;

        internal MailSettings ToSettings() => new(ImapHost, ImapPort, SmtpHost, SmtpPort, MailSettings.ParseSecurity(Security),
            Username, FromAddress, FromName, Inbox, Processed, Rejected, TimeSpan.FromSeconds(Math.Max(10, PollSeconds)), Held);
    }
}
