using System.Diagnostics;
using PPNBlog.Content.Diagnostics;

using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Output;

/// <summary>
/// The last build stage: Pagefind (npm, installed with the theme) indexes the staged site into /pagefind/, which the
/// search page loads. Only what templates mark with data-pagefind-body (post bodies) is indexed. If Pagefind is
/// missing or fails, the site is still published, without search, and a warning says how to fix it.
/// </summary>
public static class SearchIndexer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Indexes <paramref name="siteRoot"/> with the Pagefind installed under <paramref name="themeDirectory"/>. With
    /// <paramref name="replace"/> (a served folder) the index is built beside the site and swapped in whole, so
    /// searches never mix two indexes and no old fragment files pile up. Cancelling stops Pagefind and leaves the
    /// index as it was, without a diagnostic (serve cancels when a newer edit supersedes the site being indexed).
    /// </summary>
    public static void Index(string siteRoot, string themeDirectory, DiagnosticList diagnostics, bool replace = false,
        CancellationToken cancellation = default)
    {
        var binary = Path.GetFullPath(Path.Combine(themeDirectory, "node_modules", ".bin", "pagefind"));
        var where = SourceLocation.WholeFile(Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(themeDirectory)), "package.json"));
        if (!File.Exists(binary))
        {
            diagnostics.Add(DiagnosticCode.SearchNotIndexed, where, "search index not built: Pagefind is not installed");
            return;
        }
        // Only post pages carry data-pagefind-body; reading just them saves Pagefind a sixth of its time at 10,000 posts.
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(siteRoot));
        var bundle = Path.Combine(root, SiteUrls.PagefindFolder.TrimEnd('/'));
        var building = replace ? $"{root}.pagefind-{Guid.NewGuid():N}" : bundle;
        var start = new ProcessStartInfo(binary, ["--site", root, "--glob", "posts/**/*.html", "--output-path", building, "--quiet"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var pagefind = Process.Start(start)!;
            var output = pagefind.StandardOutput.ReadToEndAsync();
            var error = pagefind.StandardError.ReadToEndAsync();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(Timeout);
            try
            {
                pagefind.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                pagefind.Kill(entireProcessTree: true);
                if (!cancellation.IsCancellationRequested)
                    diagnostics.Add(DiagnosticCode.SearchNotIndexed, where, $"search index not built: Pagefind took longer than {Timeout.TotalMinutes} minutes");
                return;
            }
            if (pagefind.ExitCode != 0)
            {
                var reason = (error.Result + "\n" + output.Result).Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? $"exit code {pagefind.ExitCode}";
                diagnostics.Add(DiagnosticCode.SearchNotIndexed, where, $"search index not built: Pagefind failed ({reason})");
            }
            else if (replace)
            {
                var old = $"{root}.pagefind-old-{Guid.NewGuid():N}";
                if (Directory.Exists(bundle)) Directory.Move(bundle, old);
                Directory.Move(building, bundle);
                if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            diagnostics.Add(DiagnosticCode.SearchNotIndexed, where, $"search index not built: Pagefind could not start ({e.Message})");
        }
        finally
        {
            if (replace && Directory.Exists(building)) Directory.Delete(building, recursive: true);
        }
    }
}
