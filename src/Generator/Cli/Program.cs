using System.CommandLine;
using PPNBlog.Content.Sources;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Output;

namespace PPNBlog.Generator.Cli;

/// <summary>The <c>ppnblog</c> command line: thin commands over the build pipeline. Exit codes: 0 ok, 1 content errors, 2 usage errors.</summary>
public static class Program
{
    /// <summary>Content errors were found.</summary>
    public const int ContentErrors = 1;

    /// <summary>The command line was wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests capture them).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("PPNBlog: builds the Psychological Professions Network blog from input/ and theme/.");
        root.Subcommands.Add(BuildCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(CheckCommand.Create(output, error));
        root.Subcommands.Add(NewCommand.Create(output, error));
        root.Subcommands.Add(PreviewCommand.Create(output, error));
        root.Subcommands.Add(SubmissionsCommand.Create(output, error));
        // No response files: a title, tag or path beginning with '@' ("@PPN at the conference") is itself, not a file to read.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"ppnblog: {e.Message}");
            error.WriteLine("Run 'ppnblog --help' for usage.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

/// <summary>Options shared by the commands that build.</summary>
internal sealed class SiteOptions
{
    public Option<string> Input { get; } = new("--input") { Description = "Content folder", DefaultValueFactory = _ => "input" };
    public Option<string> Theme { get; } = new("--theme") { Description = "Theme folder", DefaultValueFactory = _ => "theme" };
    public Option<string> Output { get; } = new("--output") { Description = "Output folder (replaced only by a successful build)", DefaultValueFactory = _ => "_site" };
    public Option<bool> Drafts { get; } = new("--drafts") { Description = "Include drafts and future-dated posts" };
    public Option<bool> NoSearch { get; } = new("--no-search") { Description = "Skip the search index (quicker; the search page then finds nothing)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Theme);
        command.Options.Add(Output);
        command.Options.Add(Drafts);
        command.Options.Add(NoSearch);
    }

    /// <summary>What a command that needs the site's commitments says when <paramref name="input"/> gives none.</summary>
    public static string NoCommitments(string input) =>
        $"no commitments found in '{input}' (run from the repository root or pass --input; 'ppnblog check' shows any errors in the content)";

    /// <summary>
    /// The build options; null (with the problem printed) when a folder does not exist or, for a command that
    /// <paramref name="writesOutput"/> (not check, which builds into a scratch folder), may not be replaced.
    /// </summary>
    public BuildOptions? Read(ParseResult result, TextWriter error, Uri? baseUrl = null, bool writesOutput = true)
    {
        var input = result.GetValue(Input)!;
        var theme = result.GetValue(Theme)!;
        var output = result.GetValue(Output)!;
        var problem = FolderProblem(input, "content", "--input") ?? FolderProblem(theme, "theme", "--theme")
            ?? (writesOutput ? OutputProblem(output, input, theme) : null);
        if (problem is null) return new BuildOptions(input, theme, output, baseUrl, result.GetValue(Drafts), Search: !result.GetValue(NoSearch));
        error.WriteLine($"ppnblog: {problem}");
        return null;
    }

    /// <summary>Why <paramref name="folder"/> (given by <paramref name="option"/>) cannot be read as the <paramref name="what"/> folder, or null.</summary>
    public static string? FolderProblem(string folder, string what, string option) =>
        string.IsNullOrWhiteSpace(folder) ? $"{option} is empty: give the {what} folder"
        : File.Exists(folder) ? $"the {what} folder '{folder}' is a file, not a folder (pass the folder that holds it with {option})"
        : !Directory.Exists(folder) ? $"the {what} folder '{folder}' does not exist (run from the repository root, or pass {option})"
        : null;

    /// <summary>
    /// Why a build may not replace <paramref name="output"/>, or null. A build swaps in a whole new output folder and
    /// deletes the old one, so a slip such as <c>--output .</c> or <c>--output input</c> would delete the repository or
    /// the content: the folder may not hold or sit in the content or theme, and an existing one must be a built site.
    /// </summary>
    private static string? OutputProblem(string output, string input, string theme)
    {
        if (string.IsNullOrWhiteSpace(output)) return "--output is empty: give the folder to build into, such as _site";
        if (File.Exists(output)) return $"the output folder '{output}' is a file; a build replaces its output folder whole, so choose a folder, such as _site";
        var replaced = StagedOutput.Replaced(output);
        foreach (var (folder, what) in new[] { (input, "content"), (theme, "theme") })
        {
            if (FolderBounds.Contains(folder, replaced) || FolderBounds.Contains(replaced, folder))
                return $"the output folder '{output}' overlaps the {what} folder '{folder}'; a build replaces its output folder whole, so choose one apart, such as _site";
        }
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !BuiltSiteMarks.All(f => File.Exists(Path.Combine(output, f))))
            return $"the output folder '{output}' holds files but no site ppnblog built (no {string.Join(" and ", BuiltSiteMarks)}); a build replaces its output folder whole, so choose a new or empty folder";
        return null;
    }

    /// <summary>
    /// Files every site ppnblog builds has, whatever its theme: its home page and its content API. A folder of one's own
    /// with an index.html (a project's docs/) is not taken for an earlier build and deleted.
    /// </summary>
    private static readonly string[] BuiltSiteMarks = ["index.html", "api/posts.json", "api/commitments.json"];
}
