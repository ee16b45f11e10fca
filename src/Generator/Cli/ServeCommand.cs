using System.CommandLine;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Serve;

namespace PPNBlog.Generator.Cli;

/// <summary>
/// <c>ppnblog serve</c>: builds, serves the output on 127.0.0.1, rebuilds on any change under the content or theme
/// folder and reloads open tabs. A failed rebuild prints its errors and keeps serving the last good site.
/// </summary>
internal static class ServeCommand
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var site = new SiteOptions();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Build, serve on 127.0.0.1 and rebuild on every change (with live reload).");
        site.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (result, cancellation) =>
        {
            var portNumber = result.GetValue(port);
            var options = site.Read(result, error, new Uri($"http://127.0.0.1:{portNumber}/"));
            if (options is null) return Program.UsageError;
            var reload = new LiveReload();
            var gate = new SemaphoreSlim(1, 1);
            void Rebuild()
            {
                gate.Wait();
                try
                {
                    if (BuildCommand.Report(SiteBuilder.Build(options), options, output, error) == 0) reload.Built();
                }
                finally { gate.Release(); }
            }
            Rebuild();
            await using var app = await DevServer.StartAsync(options.OutputDirectory, portNumber, reload);
            output.WriteLine($"Serving http://127.0.0.1:{portNumber}/ — edit files under '{options.InputDirectory}' or '{options.ThemeDirectory}' to rebuild; Ctrl+C to stop.");

            // Many events arrive per save: rebuild once the folders have been quiet for a moment.
            using var debounce = new Timer(_ => Rebuild());
            void Changed(object sender, FileSystemEventArgs e)
            {
                if (!e.FullPath.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
            using var inputWatcher = Watch(options.InputDirectory, Changed);
            using var themeWatcher = Watch(options.ThemeDirectory, Changed);
            // Ctrl+C or SIGTERM: the web host takes those signals and stops itself, so wait on its stopping too.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, app.Lifetime.ApplicationStopping);
            try { await Task.Delay(Timeout.Infinite, stop.Token); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }

    private static FileSystemWatcher Watch(string directory, FileSystemEventHandler changed)
    {
        var watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (sender, e) => changed(sender, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
