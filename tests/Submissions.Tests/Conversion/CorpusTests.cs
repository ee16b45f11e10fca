using MimeKit;
using PPNBlog.Submissions.Mime;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>Real mail nobody here wrote: every message converts to a post that passes validation, or is rejected with a reason.</summary>
public class CorpusTests
{
    public static TheoryData<string> Messages() =>
        new(Directory.GetFiles(Path.Combine(Emails.RepositoryRoot, "..", "shared", "corpus", "emails"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Path.Combine(Emails.RepositoryRoot, "..", "shared", "corpus", "emails"), f)).Order());

    [Fact]
    public void No_corpus_message_is_refused_as_too_deeply_nested_or_of_too_many_elements()
    {
        var html = Messages().Cast<object[]>().Select(row => (string)row[0]).SelectMany(relativePath =>
        {
            using var stream = File.OpenRead(Path.Combine(Emails.RepositoryRoot, "..", "shared", "corpus", "emails", relativePath));
            return MessageReader.ReadAll(stream).Select(m => m.Message?.HtmlBody).OfType<string>().ToList();
        }).ToList();
        Assert.True(html.Count > 10, $"only {html.Count} HTML bodies in the corpus");
        Assert.All(html, body => Assert.False(PPNBlog.Content.Text.HtmlNesting.IsTooDeep(body)));
        Assert.All(html, body => Assert.True(System.Text.RegularExpressions.Regex.Count(body, "<[A-Za-z]") <= SubmissionConverter.MaxElements));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_corpus_message_converts_or_is_rejected_with_a_reason(string relativePath)
    {
        var path = Path.Combine(Emails.RepositoryRoot, "..", "shared", "corpus", "emails", relativePath);
        var output = Path.Combine(Path.GetTempPath(), "ppnblog-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var stream = File.OpenRead(path);
            var written = new List<string>();
            foreach (var (message, size, problem) in MessageReader.ReadAll(stream))
            {
                var result = message is null ? SubmissionResult.Rejected(problem!) : Emails.Converter().Convert(message, size, Emails.Now);
                if (result.Post is null)
                {
                    Assert.NotEmpty(result.Reasons);
                    Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
                    continue;
                }
                var (_, folder, errors) = SubmissionWriter.Write(result.Post, output, Emails.Commitments.Select(c => c.Slug).ToList(),
                    PPNBlog.Generator.Cli.SubmissionsCommand.CheckBody);
                Assert.True(folder is not null, string.Join('\n', errors));
                Assert.StartsWith(output + Path.DirectorySeparatorChar, folder);
                written.Add(folder!);
            }
            // An mbox's later messages never replace its earlier ones (two may share a subject).
            Assert.All(written, folder => Assert.True(File.Exists(Path.Combine(folder, "index.md")), folder));
            Assert.Equal(written.Count, written.Distinct().Count());
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
