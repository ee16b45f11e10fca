using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Octokit;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Output;
using PPNBlog.Submissions;
using PPNBlog.Submissions.Bot;
using PPNBlog.Submissions.Conversion;
using PPNBlog.Submissions.GitHub;
using PPNBlog.Submissions.Mail;
using PPNBlog.Submissions.Mime;

namespace PPNBlog.Generator.Cli;

/// <summary>
/// <c>ppnblog submissions</c>: <c>convert</c> (an emailed post → a post bundle and a JSON summary) and <c>submit</c>
/// (an emailed post → its pull request). Messages come from an .eml file, an mbox file or standard input.
/// </summary>
internal static partial class SubmissionsCommand
{
    /// <summary>The message was rejected: nothing was written.</summary>
    public const int Rejected = 3;

    /// <summary>GitHub could not be reached or refused, beyond the retries: nothing is lost, run again later.</summary>
    public const int GitHubFailed = 4;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("submissions", "Blog posts sent by email.");
        command.Subcommands.Add(ConvertCommand(output, error));
        command.Subcommands.Add(SubmitCommand(output, error));
        command.Subcommands.Add(PollCommand(output, error));
        command.Subcommands.Add(LabelsCommand(output, error));
        return command;
    }

    private static Command ConvertCommand(TextWriter output, TextWriter error)
    {
        var setup = new SetupOptions(withMessage: true);
        var outDirectory = new Option<string>("--out") { Description = "Where the bundle is written (DIR/input/posts/<yyyy>/<slug>/)", Required = true };
        outDirectory.Validators.Add(r =>
        {
            var folder = r.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(folder)) r.AddError("--out is empty: give a folder (the bundle goes under DIR/input/posts/).");
            else if (File.Exists(folder)) r.AddError($"--out '{folder}' is a file; give a folder (the bundle goes under DIR/input/posts/).");
        });
        var convert = new Command("convert", "Convert an emailed post into a post bundle, or reject it with reasons (exit 3).") { outDirectory };
        setup.AddTo(convert);
        convert.SetAction(result =>
        {
            if (setup.Read(result, error) is not { } loaded) return Program.UsageError;
            var converter = new SubmissionConverter(loaded.Commitments, loaded.Config.Conversion, loaded.Config.Cleanup);
            var slugs = loaded.Commitments.Select(c => c.Slug).ToList();
            using var stream = loaded.OpenMessage();
            var summaries = new List<JsonNode>();
            var anyAccepted = false;
            foreach (var (parsed, size, problem) in MessageReader.ReadAll(stream))
            {
                var converted = parsed is null ? SubmissionResult.Rejected(problem!) : converter.Convert(parsed, size, DateTimeOffset.Now);
                if (converted.Post is { } post)
                {
                    ConvertedPost? written;
                    string? folder;
                    IReadOnlyList<string> errors;
                    try
                    {
                        (written, folder, errors) = SubmissionWriter.Write(post, result.GetValue(outDirectory)!, slugs, CheckBody);
                    }
                    catch (Exception e) when (Output.SiteWriteException.IsWriteFailure(e))
                    {
                        // Nothing half-written is left (the bundle is staged, then moved in whole); the message is as it was.
                        error.WriteLine($"ppnblog: the post could not be written under '{result.GetValue(outDirectory)}': {e.Message}");
                        return Program.UsageError;
                    }
                    if (written is not null)
                    {
                        anyAccepted = true;
                        summaries.Add(JsonSerializer.SerializeToNode(Summary(written, folder!), SummaryJson.ConversionSummary)!);
                        continue;
                    }
                    converted = SubmissionResult.Rejected([.. errors.Select(e => $"The converted post did not pass validation: {e}")]);
                }
                summaries.Add(JsonSerializer.SerializeToNode(new RejectionSummary("rejected", converted.Reasons), SummaryJson.RejectionSummary)!);
            }
            var json = (summaries.Count == 1 ? summaries[0] : new JsonArray([.. summaries])).ToJsonString(SummaryJson.Options);
            output.WriteLine(json);
            return anyAccepted ? 0 : Rejected;
        });
        return convert;
    }

    private static Command SubmitCommand(TextWriter output, TextWriter error) =>
        BotCommand("submit", "Convert an emailed post and open its pull request (printing its URL), or reject it with reasons (exit 3).", withMessage: true, error,
            async (loaded, bot, cancellation) =>
        {
            using var stream = loaded.OpenMessage();
            var status = Rejected;
            foreach (var (parsed, size, problem) in MessageReader.ReadAll(stream))
            {
                SubmitOutcome outcome;
                try
                {
                    outcome = parsed is null ? SubmitOutcome.Rejected(problem!) : await bot.SubmitAsync(parsed, size, DateTimeOffset.Now, cancellation);
                }
                catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException or GitHubRefusedException)
                {
                    error.WriteLine($"ppnblog: GitHub failed, nothing was lost; {(e is GitHubRefusedException ? "fix the repository or the github settings, then " : "")}run the command again later ({e.Message})");
                    return GitHubFailed;
                }
                if (outcome.PullRequest is { } pull)
                {
                    output.WriteLine(pull.Url);
                    status = 0;
                }
                else
                {
                    foreach (var reason in outcome.Reasons) error.WriteLine($"ppnblog: rejected: {reason}");
                }
            }
            return status;
        });

    private static Command PollCommand(TextWriter output, TextWriter error)
    {
        var setup = new SetupOptions(withMessage: false);
        var once = new Option<bool>("--once") { Description = "One pass, then exit (for a scheduled job): 0 when all was handled, 4 when something waits for the next run" };
        var poll = new Command("poll", "Turn the mailbox's messages into pull requests, answer contributors, and tell them when their post is live.") { once };
        setup.AddTo(poll);
        poll.SetAction(async (result, cancellation) =>
        {
            if (setup.Read(result, error) is not { } loaded) return Program.UsageError;
            if (loaded.Config.Mail is not { ImapHost.Length: > 0, SmtpHost.Length: > 0, Username.Length: > 0, FromAddress.Length: > 0 } mail)
            {
                error.WriteLine($"ppnblog: {loaded.ConfigPath} has no mail section with imapHost, smtpHost, username and fromAddress");
                return Program.UsageError;
            }
            if (Environment.GetEnvironmentVariable(MailSettings.PasswordVariable) is not { Length: > 0 } password)
            {
                error.WriteLine($"ppnblog: the mailbox password is missing: set {MailSettings.PasswordVariable}");
                return Program.UsageError;
            }
            // One writer at a time: a second poller for the same mailbox on this machine stands down.
            var lockPath = Path.Combine(Path.GetTempPath(), $"ppnblog-poll-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(mail.ImapHost + "\n" + mail.Username)))[..16]}.lock");
            FileStream held;
            try
            {
                held = new FileStream(lockPath, System.IO.FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                output.WriteLine("ppnblog: another poll is working on this mailbox; this one stands down");
                return 0;
            }
            await using var _ = held;
            var pacer = loaded.Pacer();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var converter = new SubmissionConverter(loaded.Commitments, loaded.Config.Conversion, loaded.Config.Cleanup);
            while (true)
            {
                // A fresh client each pass: a GitHub App's installation token lasts an hour.
                var (bot, failure) = await CreateBot(loaded, pacer, error);
                if (bot is null) return failure;
                var poller = new MailboxPoller(mail, password, bot, converter, new Replies(mail, m => converter.TrustOf(m).Authenticated), loaded.SiteUrl, http, output, loaded.Config.Conversion.MaxMessageBytes);
                var report = await poller.PollOnceAsync(DateTimeOffset.Now, cancellation);
                output.WriteLine($"ppnblog: {report}");
                foreach (var problem in report.Problems) error.WriteLine($"ppnblog: {problem}");
                if (result.GetValue(once)) return report.Settled ? 0 : GitHubFailed;
                try
                {
                    await Task.Delay(mail.PollInterval ?? TimeSpan.FromMinutes(5), cancellation);
                }
                catch (OperationCanceledException)
                {
                    return 0;
                }
            }
        });
        return poll;
    }

    private static Command LabelsCommand(TextWriter output, TextWriter error) =>
        BotCommand("labels", "Create and update the repository's labels from .github/labels.yml (one per commitment for commitment:*).", withMessage: false, error,
            async (loaded, bot, cancellation) =>
        {
            try
            {
                var changes = await bot.PullRequests.SyncLabelsAsync(loaded.Commitments.Select(c => c.Slug), cancellation);
                foreach (var change in changes) output.WriteLine(change);
                output.WriteLine(changes.Count == 0 ? "Labels already match .github/labels.yml." : $"{changes.Count} label{(changes.Count == 1 ? "" : "s")} changed.");
                return 0;
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
            {
                error.WriteLine($"ppnblog: GitHub failed after retries ({e.Message}); run the command again later");
                return GitHubFailed;
            }
        });

    /// <summary>A command that reads the settings, sets up the bot, then runs <paramref name="run"/> with them.</summary>
    private static Command BotCommand(string name, string description, bool withMessage, TextWriter error, Func<Setup, SubmissionBot, CancellationToken, Task<int>> run)
    {
        var setup = new SetupOptions(withMessage);
        var command = new Command(name, description);
        setup.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (setup.Read(result, error) is not { } loaded) return Program.UsageError;
            var (bot, failure) = await CreateBot(loaded, loaded.Pacer(), error);
            return bot is null ? failure : await run(loaded, bot, cancellation);
        });
        return command;
    }

    /// <summary>The bot for the configured repository; null (with the problem printed, and the exit code) when it cannot be set up.</summary>
    private static async Task<(SubmissionBot? Bot, int Failure)> CreateBot(Setup loaded, GitHubPacer pacer, TextWriter error)
    {
        if (loaded.Config.GitHub is not { Owner.Length: > 0, Repository.Length: > 0 } target)
        {
            error.WriteLine($"ppnblog: {loaded.ConfigPath} has no github section with owner and repository");
            return (null, Program.UsageError);
        }
        var retry = new GitHubRetry(target.Attempts);
        IGitHubClient client;
        try
        {
            client = await GitHubClients.CreateAsync(target, loaded.Config.App, Environment.GetEnvironmentVariable, retry);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"ppnblog: {e.Message}");
            return (null, Program.UsageError);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"ppnblog: GitHub did not give the App an installation token ({e.Message})");
            return (null, GitHubFailed);
        }
        LabelCatalogue labels;
        try
        {
            labels = LabelCatalogue.Load(loaded.Config.LabelsPath);
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"ppnblog: {e.Message}");
            return (null, Program.UsageError);
        }
        var bot = new SubmissionBot(new SubmissionConverter(loaded.Commitments, loaded.Config.Conversion, loaded.Config.Cleanup),
            loaded.Commitments.Select(c => c.Slug).ToList(), CheckBody, new SubmissionPullRequests(client, target, retry, labels, pacer, loaded.InputDirectory));
        return (bot, 0);
    }

    /// <summary>The generator's Markdown stage on the body: what passes here renders in the build.</summary>
    public static string? CheckBody(string body)
    {
        try
        {
            Markdown.MarkdownRenderer.Render(body);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return e.Message;
        }
    }

    private static ConversionSummary Summary(ConvertedPost post, string folder) => new(
        "converted", post.FrontMatter.Title, post.Slug, Path.Combine(folder, "index.md"), post.FrontMatter.Author, post.FrontMatter.Role,
        post.Commitments.Select(c => new CommitmentSummary(c.Slug, c.How)).ToList(), post.FrontMatter.Kind.ToString().ToLowerInvariant(),
        post.WordCount, post.Images.Select(i => new ImageSummary(i.FileName, i.AltText, i.AltText is null, i.Width, i.Height)).ToList(),
        post.IgnoredAttachments, post.Warnings, post.IdempotencyKey,
        new SenderSummary(post.Sender.Spf, post.Sender.Dkim, post.Sender.Dmarc, post.Sender.DomainAllowed, post.Sender.Trusted),
        post.PersonalData.Select(p => new PersonalDataSummary(p.Line, p.Kind)).ToList());

    private sealed record ConversionSummary(string Status, string Title, string Slug, string Path, string Author, string? Role,
        IReadOnlyList<CommitmentSummary> Commitments, string Kind, int WordCount, IReadOnlyList<ImageSummary> Images,
        IReadOnlyList<string> IgnoredAttachments, IReadOnlyList<string> Warnings, string IdempotencyKey, SenderSummary Sender,
        IReadOnlyList<PersonalDataSummary> PersonalData);

    private sealed record SenderSummary(string Spf, string Dkim, string Dmarc, bool DomainAllowed, bool Trusted);

    private sealed record PersonalDataSummary(int Line, string Kind);

    private sealed record CommitmentSummary(string Slug, string How);

    private sealed record ImageSummary(string File, string? Alt, bool AltNeeded, int Width, int Height);

    private sealed record RejectionSummary(string Status, IReadOnlyList<string> Reasons);

    private static readonly ConvertSummaryJson SummaryJson = new(Json.NewOptions());

    /// <summary>What <c>convert</c> prints, serialized by code generated at compile time (no reflection).</summary>
    [JsonSerializable(typeof(ConversionSummary))]
    [JsonSerializable(typeof(RejectionSummary))]
    private sealed partial class ConvertSummaryJson : JsonSerializerContext;

    /// <summary>The content folder and settings file every submissions command takes, and the message argument most do.</summary>
    private sealed class SetupOptions(bool withMessage)
    {
        public Argument<string> Message { get; } = new("message") { Description = "An .eml file, an mbox file, or - for standard input" };

        public Option<string> Input { get; } = new("--input") { Description = "Content folder (for the commitments and the site's address)", DefaultValueFactory = _ => "input" };

        public Option<string> Config { get; } = new("--config") { Description = "Settings file (limits, sender allowlist, disclaimers, GitHub, mailbox)", DefaultValueFactory = _ => "submissions.yml" };

        public void AddTo(Command command)
        {
            if (withMessage) command.Arguments.Add(Message);
            command.Options.Add(Input);
            command.Options.Add(Config);
        }

        /// <summary>The commitments and settings; null (with the problem printed) when either cannot be read.</summary>
        public Setup? Read(ParseResult result, TextWriter error)
        {
            var path = withMessage ? result.GetValue(Message)! : "";
            if (withMessage && path != "-" && !File.Exists(path))
            {
                error.WriteLine($"ppnblog: the message file '{path}' {(Directory.Exists(path) ? "is a folder: give an .eml or mbox file in it" : "does not exist")}");
                return null;
            }
            if (SiteOptions.FolderProblem(result.GetValue(Input)!, "content", "--input") is { } problem)
            {
                error.WriteLine($"ppnblog: {problem}");
                return null;
            }
            var content = ContentLoader.Load(result.GetValue(Input)!, new DiagnosticList());
            if (content is null || content.Commitments.Count == 0)
            {
                error.WriteLine($"ppnblog: {SiteOptions.NoCommitments(result.GetValue(Input)!)}");
                return null;
            }
            var configPath = result.GetValue(Config)!;
            try
            {
                var config = SubmissionsFile.Load(configPath);
                return new Setup(config, configPath, content.Commitments, config.SiteUrl ?? content.Settings.BaseUrl, path, content.InputDirectory);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                error.WriteLine($"{configPath}:{e.Start.Line}:{e.Start.Column}: error: {(e.InnerException ?? e).Message.Split('\n')[0]}");
            }
            catch (InvalidDataException e)
            {
                error.WriteLine($"{configPath}: error: {e.Message}");
            }
            return null;
        }
    }

    private sealed record Setup(SubmissionsConfig Config, string ConfigPath, IReadOnlyList<Commitment> Commitments, Uri SiteUrl, string MessagePath,
        string InputDirectory)
    {
        public Stream OpenMessage() => MessagePath == "-" ? Console.OpenStandardInput() : File.OpenRead(MessagePath);

        /// <summary>Pacing at the configured limits (GitHub's secondary limits by default).</summary>
        public GitHubPacer Pacer() => Config.GitHub is { } github ? new GitHubPacer(github.WritesPerMinute, github.WritesPerHour) : new GitHubPacer();
    }
}
