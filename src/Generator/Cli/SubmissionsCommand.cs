using System.CommandLine;
using System.Text.Json;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Output;
using PPNBlog.Submissions;
using PPNBlog.Submissions.Conversion;
using PPNBlog.Submissions.Mime;

namespace PPNBlog.Generator.Cli;

/// <summary><c>ppnblog submissions convert</c>: an emailed post (.eml, mbox or standard input) → a post bundle and a JSON summary.</summary>
internal static class SubmissionsCommand
{
    /// <summary>The message was rejected: nothing was written.</summary>
    public const int Rejected = 3;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var message = new Argument<string>("message") { Description = "An .eml file, an mbox file, or - for standard input" };
        var outDirectory = new Option<string>("--out") { Description = "Where the bundle is written (DIR/input/posts/<yyyy>/<slug>/)", Required = true };
        var input = new Option<string>("--input") { Description = "Content folder (for the commitments)", DefaultValueFactory = _ => "input" };
        var config = new Option<string>("--config") { Description = "Settings file (limits, sender allowlist, disclaimers)", DefaultValueFactory = _ => "submissions.yml" };
        var convert = new Command("convert", "Convert an emailed post into a post bundle, or reject it with reasons (exit 3).") { message, outDirectory, input, config };
        convert.SetAction(result =>
        {
            var path = result.GetValue(message)!;
            if (path != "-" && !File.Exists(path))
            {
                error.WriteLine($"ppnblog: the message file '{path}' does not exist");
                return Program.UsageError;
            }
            var content = ContentLoader.Load(result.GetValue(input)!, new DiagnosticList());
            if (content is null || content.Commitments.Count == 0)
            {
                error.WriteLine($"ppnblog: no commitments found in '{result.GetValue(input)}' (pass --input)");
                return Program.UsageError;
            }
            SubmissionSettings settings;
            BodyCleanup cleanup;
            try
            {
                (settings, cleanup) = SubmissionsFile.Load(result.GetValue(config)!);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                error.WriteLine($"{result.GetValue(config)}:{e.Start.Line}:{e.Start.Column}: error: {(e.InnerException ?? e).Message.Split('\n')[0]}");
                return Program.UsageError;
            }
            var converter = new SubmissionConverter(content.Commitments, settings, cleanup);
            var slugs = content.Commitments.Select(c => c.Slug).ToList();
            using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            var summaries = new List<object>();
            var anyAccepted = false;
            foreach (var (parsed, size, problem) in MessageReader.ReadAll(stream))
            {
                var converted = parsed is null ? SubmissionResult.Rejected(problem!) : converter.Convert(parsed, size, DateTimeOffset.Now);
                if (converted.Post is { } post)
                {
                    var (folder, errors) = SubmissionWriter.Write(post, result.GetValue(outDirectory)!, slugs, CheckBody);
                    if (folder is not null)
                    {
                        anyAccepted = true;
                        summaries.Add(Summary(post, folder));
                        continue;
                    }
                    converted = SubmissionResult.Rejected([.. errors.Select(e => $"The converted post did not pass validation: {e}")]);
                }
                summaries.Add(new RejectionSummary("rejected", converted.Reasons));
            }
            var json = summaries.Count == 1 ? JsonSerializer.Serialize(summaries[0], summaries[0].GetType(), Json.Options) : JsonSerializer.Serialize(summaries, Json.Options);
            output.WriteLine(json);
            return anyAccepted ? 0 : Rejected;
        });
        var command = new Command("submissions", "Blog posts sent by email.");
        command.Subcommands.Add(convert);
        return command;
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
}
