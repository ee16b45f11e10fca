using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Serve;

namespace PPNBlog.Generator.Cli;

/// <summary>
/// <c>ppnblog serve</c>: builds, serves the output on 127.0.0.1, rebuilds on any change under the content or theme
/// folder (redoing only what the change affects) and reloads open tabs. A failed build prints its errors, and open tabs
/// reload to a page of them until a build succeeds; the last good site stays on disk.
/// </summary>
internal static class ServeCommand
{
    /// <summary>How long the folders must be quiet before a rebuild: long enough for one save's events, short next to the 50 ms an edit may take to show.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var site = new SiteOptions();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 65535) r.AddError("--port must be between 1 and 65535.");
        });
        var command = new Command("serve", "Build, serve on 127.0.0.1 and rebuild on every change (with live reload).");
        site.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (result, cancellation) =>
        {
            var portNumber = result.GetValue(port);
            var options = site.Read(result, error, new Uri($"http://127.0.0.1:{portNumber}/"));
            if (options is null) return Program.UsageError;
            var reload = new LiveReload();
            // One builder for the session: after the first build it redoes only what the changed files affect.
            var builder = new SiteBuilder(options);
            var gate = new SemaphoreSlim(1, 1);
            var pending = new HashSet<string>(StringComparer.Ordinal);
            var lostTrack = false;
            CancellationTokenSource? indexing = null;
            void Rebuild(ChangeSet changes)
            {
                // A newer edit: stop indexing the site it supersedes (the index is made again after this build).
                Interlocked.Exchange(ref indexing, null)?.Cancel();
                gate.Wait();
                try
                {
                    var result = builder.Build(changes);
                    // Tabs reload when the site changed, or a failure is over; a rebuild that wrote nothing leaves them be.
                    if (BuildCommand.Report(result, options, output, error) != 0) reload.Failed([.. result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())]);
                    else if (result.WrittenCount > 0 || reload.Version == 0 || reload.Problems is not null) reload.Built();
                    // Tabs reload first; the search index (Pagefind: seconds at thousands of posts) follows.
                    if (result.SearchPending)
                    {
                        var search = new CancellationTokenSource();
                        Volatile.Write(ref indexing, search);
                        DiagnosticPrinter.Print(builder.IndexSearch(search.Token), DiagnosticFormat.Text, error);
                        Interlocked.CompareExchange(ref indexing, null, search);
                    }
                }
                finally
                {
                    // Collect now, while waiting for the next edit, so the collector seldom runs during a rebuild (after one
                    // edit, a rebuild of 10,000 posts allocates some tens of megabytes). This replaced a no-GC region
                    // started here, which measured no faster and kept about 1 MB more memory after every rebuild.
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    gate.Release();
                }
            }
            // Listen before the first build, so a port already in use is said at once, not after building.
            WebApplication listening;
            try
            {
                listening = await DevServer.StartAsync(options.OutputDirectory, portNumber, reload);
            }
            catch (IOException e)
            {
                error.WriteLine($"ppnblog: cannot serve on 127.0.0.1:{portNumber}: {e.Message} Stop what is using the port, or choose another with --port.");
                return Program.UsageError;
            }
            await using var app = listening;
            Rebuild(ChangeSet.Everything);
            output.WriteLine($"Serving http://127.0.0.1:{portNumber}/ — edit files under '{options.InputDirectory}' or '{options.ThemeDirectory}' to rebuild; Ctrl+C to stop.");

            // An editor's save arrives as several events: rebuild once the folders have been quiet for a moment,
            // with every path they named.
            using var debounce = new Timer(_ =>
            {
                ChangeSet changes;
                lock (pending)
                {
                    changes = lostTrack ? ChangeSet.Everything : ChangeSet.Of(pending);
                    pending.Clear();
                    lostTrack = false;
                }
                if (changes.All || changes.Paths.Count > 0) Rebuild(changes);
            });
            void Changed(params string[] paths)
            {
                paths = paths.Where(p => !p.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || builder.PublishesThemeFile(p)).ToArray();
                if (paths.Length == 0) return;
                lock (pending) pending.UnionWith(paths);
                debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
            void LostTrack()
            {
                // Events were lost (a watcher's buffer overflowed, or a folder was replaced whole): nothing from the last
                // build can be trusted.
                lock (pending) lostTrack = true;
                debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
            using var inputWatcher = new FolderWatcher(options.InputDirectory, Changed, LostTrack);
            using var themeWatcher = new FolderWatcher(options.ThemeDirectory, Changed, LostTrack);
            // Ctrl+C or SIGTERM: the web host takes those signals and stops itself, so wait on its stopping too.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, app.Lifetime.ApplicationStopping);
            try { await Task.Delay(Timeout.Infinite, stop.Token); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }
}
