using MimeKit;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Loading;
using PPNBlog.Submissions.Conversion;

namespace PPNBlog.Submissions.Tests;

/// <summary>Shared test helpers: the repository's commitments, fixture messages, and a real generator build of a converted post.</summary>
internal static class Emails
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static string RepositoryRoot => Repository.Root;

    public static IReadOnlyList<Commitment> Commitments { get; } =
        ContentLoader.Load(Path.Combine(RepositoryRoot, "input"), new DiagnosticList())!.Commitments;

    /// <summary>The repository's own labels file.</summary>
    public static PPNBlog.Submissions.GitHub.LabelCatalogue Labels { get; } =
        PPNBlog.Submissions.GitHub.LabelCatalogue.Load(Path.Combine(RepositoryRoot, ".github", "labels.yml"));

    /// <summary>A paragraph of a real post: enough words for the converter to accept a message.</summary>
    public const string Prose = "Our team worked with people who use the service to redesign the first appointment, so that everyone " +
        "can say what matters to them before any assessment begins. Staff now have time to listen, and feedback from people " +
        "and families has been very positive since the change. We are sharing what we learnt so that other teams can try it.";

    /// <summary>A message from Jo Evans (jo.evans@nhs.net) with a plain-text body and, optionally, an HTML one.</summary>
    public static MimeMessage Message(string subject, string text, string? html = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jo Evans", "jo.evans@nhs.net"));
        message.To.Add(new MailboxAddress("Blog", "blog@example.org"));
        message.Subject = subject;
        message.MessageId = "test@example.org";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>Writes <paramref name="message"/> as a real .eml file and converts it as the CLI would read it.</summary>
    public static SubmissionResult ConvertFile(MimeMessage message, SubmissionSettings? settings = null)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".eml");
        try
        {
            message.WriteTo(path);
            return Converter(settings).Convert(MimeMessage.Load(path), new FileInfo(path).Length, Now);
        }
        finally { File.Delete(path); }
    }

    public static string Fixture(string name) => Path.Combine(RepositoryRoot, "tests", "Submissions.Tests", "Fixtures", "emails", name);

    public static SubmissionConverter Converter(SubmissionSettings? settings = null) =>
        new(Commitments, settings ?? new SubmissionSettings(), BodyCleanup.Default);

    public static SubmissionResult Convert(string fixture, SubmissionSettings? settings = null)
    {
        var path = Fixture(fixture);
        return Converter(settings).Convert(MimeMessage.Load(path), new FileInfo(path).Length, Now);
    }

    /// <summary>Writes the post into a copy of the real site and builds it with the generator; returns the build and the site folder.</summary>
    public static (BuildResult Result, string Root) BuildWith(ConvertedPost post)
    {
        var root = Path.Combine(Path.GetTempPath(), "ppnblog-submission-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "input"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "input", Path.GetRelativePath(Path.Combine(RepositoryRoot, "input"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var (_, folder, errors) = SubmissionWriter.Write(post, root, Commitments.Select(c => c.Slug).ToList(), PPNBlog.Generator.Cli.SubmissionsCommand.CheckBody);
        Assert.True(folder is not null, string.Join('\n', errors));
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(root, "input"), Path.Combine(RepositoryRoot, "theme"), Path.Combine(root, "_site"), Now: Now));
        return (result, root);
    }

}
