namespace PPNBlog.Generator.Serve;

/// <summary>
/// Tells open browser tabs that a build has finished (over a WebSocket; see <see cref="DevServer"/>): a new site on
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

    /// <summary>Where tabs connect (a WebSocket) to hear of the next build.</summary>
    public const string Path = "/__livereload";

    /// <summary>
    /// The script injected before &lt;/body&gt; of a page served after build <paramref name="version"/> (never written to
    /// the built site). It reloads the page when told; a connection lost without that (serve restarting) is tried again.
    /// </summary>
    public static string ScriptFor(int version) =>
        "<script>(function () { function listen() { var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + " +
        $"'{Path}?since={version}'); socket.onmessage = function () {{ location.reload(); }}; " +
        "socket.onclose = function (e) { if (e.code !== 1000) setTimeout(listen, 2000); }; } listen(); })();</script>";

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
