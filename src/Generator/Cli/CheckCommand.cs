using System.CommandLine;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Html;
using PPNBlog.Generator.Loading;

namespace PPNBlog.Generator.Cli;

/// <summary><c>ppnblog check</c>: validates the content and the built site's internal links, publishing nothing.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var site = new SiteOptions();
        var format = new Option<DiagnosticFormat>("--format") { Description = "text, or github for GitHub Actions annotations", DefaultValueFactory = _ => DiagnosticFormat.Text };
        var command = new Command("check", "Validate all content and the built site's internal links without publishing.");
        command.Options.Add(site.Input);
        command.Options.Add(site.Theme);
        command.Options.Add(site.Drafts);
        command.Options.Add(format);
        command.SetAction(result =>
        {
            var options = site.Read(result, error, writesOutput: false);
            if (options is null) return Program.UsageError;
            // Build into a private folder that is thrown away: check never publishes.
            var scratch = Path.Combine(Path.GetTempPath(), $"ppnblog-check-{Guid.NewGuid():N}");
            try
            {
                var built = SiteBuilder.Build(options with { OutputDirectory = Path.Combine(scratch, "_site"), Search = false });
                var diagnostics = new DiagnosticList();
                diagnostics.AddRange(built.Diagnostics);
                if (built.Succeeded)
                {
                    var settings = ContentLoader.Load(options.InputDirectory, new DiagnosticList())!.Settings;
                    BuiltSiteLinkChecker.Check(Path.Combine(scratch, "_site"), settings.BasePath, "_site", diagnostics);
                }
                var all = diagnostics.Sorted();
                DiagnosticPrinter.Print(all, result.GetValue(format), output);
                if (all.Any(d => d.IsError)) return Program.ContentErrors;
                output.WriteLine($"Checked {built.PageCount} pages: no errors.");
                return 0;
            }
            finally
            {
                if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
            }
        });
        return command;
    }
}
