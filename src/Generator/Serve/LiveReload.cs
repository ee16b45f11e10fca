namespace PPNBlog.Generator.Serve;

/// <summary>Tells open browser tabs that a new build is on disk (Server-Sent Events; see <see cref="DevServer"/>).</summary>
public sealed class LiveReload
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The script injected before &lt;/body&gt; of served pages (never written to the built site).</summary>
    public const string Script =
        "<script>new EventSource('/__livereload').addEventListener('reload', function () { location.reload(); });</script>";

    /// <summary>Completes when the next build has been swapped in.</summary>
    public Task NextBuild => Volatile.Read(ref _next).Task;

    /// <summary>Signals every waiting tab, then arms the signal for the next build.</summary>
    public void Built() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
