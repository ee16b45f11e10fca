using System.CommandLine;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Html;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Rendering;

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
                var content = ContentLoader.Load(options.InputDirectory, new DiagnosticList());
                if (built.Succeeded) BuiltSiteLinkChecker.Check(Path.Combine(scratch, "_site"), content!.Settings.BasePath, "_site", diagnostics);
                diagnostics.AddRange(ScheduledPostProblems(options, content, built.Diagnostics, scratch));
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

    /// <summary>
    /// What would fail the build on the day a later-dated post appears: that day's build runs unwatched (the daily
    /// publish), and a broken link or missing picture in the post would stop the whole site publishing. The site is
    /// built again as on each day a post appears (a post linking one that appears later fails on its own day, not on the
    /// last), and each new problem in such a post says so. Drafts are left out: the change that publishes one is checked then.
    /// </summary>
    private static IEnumerable<Diagnostic> ScheduledPostProblems(BuildOptions options, LoadedContent? content, IReadOnlyList<Diagnostic> today, string scratch)
    {
        var now = options.Now ?? DateTimeOffset.Now;
        var scheduled = (content?.Posts ?? []).Where(p => !p.FrontMatter.Draft && p.Date.Value > now)
            .ToDictionary(p => p.Source.DisplayPath, p => p.Date, StringComparer.Ordinal);
        if (options.IncludeDrafts || scheduled.Count == 0) return [];
        var known = today.Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        var laterSite = Path.Combine(scratch, "_later");
        foreach (var day in scheduled.Values.Select(d => d.Value).Distinct().Order())
        {
            var later = SiteBuilder.Build(options with { OutputDirectory = laterSite, Search = false, Now = day });
            found.AddRange(later.Diagnostics.Where(d => known.Add(d.ToString())).Select(d => scheduled.TryGetValue(d.Location.File, out var appears)
                ? d with { Message = $"{d.Message}; the post appears on {ViewFactory.DateDisplay(appears)}{(d.IsError ? ", and that day's build would fail" : "")}" }
                : d));
            if (Directory.Exists(laterSite)) Directory.Delete(laterSite, recursive: true);
        }
        return found;
    }
}
