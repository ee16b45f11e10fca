namespace PPNBlog.Generator.Serve;

/// <summary>
/// Tells open browser tabs that a build has finished (Server-Sent Events; see <see cref="DevServer"/>): a new site on
/// disk, or a failed build, whose problems the tabs then show until a build succeeds.
/// </summary>
public sealed class LiveReload
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<string>? _problems;

    private int _version;

    /// <summary>How many builds have finished: a page served after build N asks to hear of build N + 1.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>This serve process: a tab served by an earlier one reloads when this one builds, whatever its count.</summary>
    public string Session { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// The script injected before &lt;/body&gt; of a page served after build <paramref name="version"/> (never written to
    /// the built site). Tabs share one stream through a shared worker (<see cref="WorkerScript"/>): a browser opens at
    /// most six connections to a host, so a seventh tab, each with a stream of its own, never loaded. Without shared
    /// workers, each tab keeps its own stream.
    /// </summary>
    public string ScriptFor(int version) =>
        "<script>(function (session, since) {" +
        "if (!window.SharedWorker) { new EventSource('/__livereload?since=' + since).addEventListener('reload', function () { location.reload(); }); return; }" +
        "var worker = new SharedWorker('/__livereload.js');" +
        "worker.port.onmessage = function (e) { if (e.data.session !== session || e.data.version > since) location.reload(); };" +
        $"worker.port.start(); }})('{Session}', {version});</script>";

    /// <summary>
    /// The shared worker of every tab: one stream of builds (<c>/__livereload?stream</c>), each build's session and
    /// number passed to every tab, and the latest to each tab as it connects (one served before a build it missed reloads).
    /// </summary>
    public const string WorkerScript =
        "var ports = [], latest = null;\n" +
        "new EventSource('/__livereload?stream').addEventListener('built', function (e) {\n" +
        "  var parts = e.data.split(':'); latest = { session: parts[0], version: +parts[1] };\n" +
        "  ports.forEach(function (port) { port.postMessage(latest); });\n" +
        "});\n" +
        "onconnect = function (e) { var port = e.ports[0]; ports.push(port); port.start(); if (latest) port.postMessage(latest); };\n";

    /// <summary>Completes when the next build has finished.</summary>
    public Task NextBuild => Volatile.Read(ref _next).Task;

    /// <summary>
    /// Completes when the first build has finished. Serve listens before it starts building, so a page asked for sooner
    /// waits for the site (or its errors) rather than finding a folder not yet written, or one left by an earlier session.
    /// </summary>
    public Task FirstBuild => _first.Task;

    /// <summary>The errors of the last build when it failed (one diagnostic line each); null when it succeeded.</summary>
    public IReadOnlyList<string>? Problems => Volatile.Read(ref _problems);

    /// <summary>A new site has been swapped in: tabs reload to it.</summary>
    public void Built() => Finished(null);

    /// <summary>A build failed with <paramref name="problems"/>: tabs reload to a page of them.</summary>
    public void Failed(IReadOnlyList<string> problems) => Finished(problems);

    /// <summary>Signals every waiting tab, then arms the signal for the next build.</summary>
    private void Finished(IReadOnlyList<string>? problems)
    {
        Volatile.Write(ref _problems, problems);
        Interlocked.Increment(ref _version);
        _first.TrySetResult();
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
