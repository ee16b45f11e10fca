using System.CommandLine;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Generator.Build;

namespace PPNBlog.Generator.Cli;

/// <summary><c>ppnblog build</c>: builds the site into the output folder.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var site = new SiteOptions();
        var baseUrl = new Option<string?>("--base-url") { Description = "Publish at this URL instead of site.yml's baseUrl" };
        var command = new Command("build", "Build the site from the content and theme folders.");
        site.AddTo(command);
        command.Options.Add(baseUrl);
        command.SetAction(result =>
        {
            Uri? url = null;
            if (result.GetValue(baseUrl) is { } text && !SiteSettingsSchema.TryParseBaseUrl(text, out url, out var problem))
            {
                error.WriteLine($"ppnblog: --base-url '{text}' {problem}");
                return Program.UsageError;
            }
            var options = site.Read(result, error, url);
            return options is null ? Program.UsageError : Report(SiteBuilder.Build(options), options, output, error);
        });
        return command;
    }

    /// <summary>Prints a build's diagnostics and a summary; returns the exit code.</summary>
    public static int Report(BuildResult result, BuildOptions options, TextWriter output, TextWriter error, DiagnosticFormat format = DiagnosticFormat.Text)
    {
        DiagnosticPrinter.Print(result.Diagnostics, format, error);
        if (!result.Succeeded)
        {
            error.WriteLine($"Build failed: '{options.OutputDirectory}' was left as it was.");
            return Program.ContentErrors;
        }
        var total = result.Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Time);
        var redone = result.RenderedCount == result.PageCount && result.WrittenCount == result.FileCount ? ""
            : $"; {result.RenderedCount} pages rendered again, {result.WrittenCount} files changed";
        output.WriteLine($"Built {result.PageCount} pages ({result.FileCount} files{redone}) into '{options.OutputDirectory}' in {total.TotalMilliseconds:0} ms " +
            $"({string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0} ms"))}).");
        return 0;
    }
}
