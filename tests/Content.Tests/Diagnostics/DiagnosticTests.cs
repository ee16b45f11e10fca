using PPNBlog.Content.Diagnostics;
using YamlDotNet.Core;

namespace PPNBlog.Content.Tests.Diagnostics;

public class DiagnosticTests
{
    [Fact]
    public void Prints_as_compilers_do_with_the_hint()
    {
        var d = new Diagnostic(DiagnosticCode.UnknownCommitment, new SourceLocation("input/posts/a.md", 6, 15), "unknown commitment 'x'", "Did you mean 'y'?");
        Assert.Equal("input/posts/a.md:6:15: error PPN006: unknown commitment 'x' (hint: Did you mean 'y'?)", d.ToString());
    }

    [Fact]
    public void Prints_one_line_whatever_a_file_name_or_value_holds()
    {
        // A file committed as "evil\n::error file=x::pwned.md" must not print a line a CI log reads as a command.
        var d = new Diagnostic(DiagnosticCode.UnknownCommitment, new SourceLocation("input/posts/evil\n::error file=x::pwned.md", 2, 1),
            "unknown commitment 'a\r\n::warning::b\u001B[31m\u202Egnp.exe\u2028'", "Tab\there.");
        var line = d.ToString();
        Assert.Equal("input/posts/evil\\n::error file=x::pwned.md:2:1: error PPN006: unknown commitment " +
            "'a\\r\\n::warning::b\\u001B[31m\\u202Egnp.exe\\u2028' (hint: Tab\\there.)", line);
        Assert.DoesNotContain(line, c => char.IsControl(c));
    }

    [Fact]
    public void Every_code_is_unique_and_has_a_title_and_a_hint()
    {
        Assert.Equal(DiagnosticCode.All.Count, DiagnosticCode.All.Select(c => c.Id).Distinct().Count());
        Assert.All(DiagnosticCode.All, c =>
        {
            Assert.Matches("^PPN0[0-9]{2}$", c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.False(string.IsNullOrWhiteSpace(c.Hint));
        });
    }

    [Fact]
    public void Yaml_marks_are_one_based_and_markdig_positions_zero_based()
    {
        // The YAML starts on line 2 of the file (after '---'): its line 1 is file line 2.
        Assert.Equal(new SourceLocation("f.md", 2, 1), SourceLocation.FromYaml("f.md", new Mark(0, 1, 1), firstLine: 2));
        Assert.Equal(new SourceLocation("f.md", 5, 3), SourceLocation.FromYaml("f.md", new Mark(0, 4, 3), firstLine: 2));
        // The body starts on file line 10: Markdig's line 0, column 0 is file line 10, column 1.
        Assert.Equal(new SourceLocation("f.md", 10, 1), SourceLocation.FromMarkdown("f.md", 0, 0, firstLine: 10));
        Assert.Equal(new SourceLocation("f.md", 12, 5), SourceLocation.FromMarkdown("f.md", 2, 4, firstLine: 10));
    }

    [Fact]
    public void Every_code_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.All(DiagnosticCode.All, c => Assert.Contains($"| {c.Id} |", readme));
    }

    internal static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "PPNBlog.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}
