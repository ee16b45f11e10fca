namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// Paces content-creating GitHub calls (POST, PATCH, PUT, DELETE) under GitHub's secondary rate limits — by default
/// 80 a minute and 500 an hour — and lets one write run at a time, so a burst of submissions never trips them.
/// </summary>
public sealed class GitHubPacer(int perMinute = 80, int perHour = 500, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly SemaphoreSlim _oneWriter = new(1, 1);

    /// <summary>Content-creating calls made so far.</summary>
    public int Writes { get; private set; }

    /// <summary>Runs <paramref name="write"/> once the limits allow it, and alone.</summary>
    public async Task<T> Write<T>(Func<Task<T>> write, CancellationToken cancellation = default)
    {
        await _oneWriter.WaitAsync(cancellation);
        try
        {
            while (Wait() is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait, _clock, cancellation);
            _recent.Enqueue(_clock.GetUtcNow());
            Writes++;
            return await write();
        }
        finally
        {
            _oneWriter.Release();
        }
    }

    /// <summary>How long until one more write fits in both windows.</summary>
    private TimeSpan? Wait()
    {
        var now = _clock.GetUtcNow();
        while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromHours(1)) _recent.Dequeue();
        if (_recent.Count >= perHour) return _recent.Peek().AddHours(1) - now;
        var lastMinute = _recent.Where(t => now - t < TimeSpan.FromMinutes(1)).ToList();
        return lastMinute.Count >= perMinute ? lastMinute[0].AddMinutes(1) - now : null;
    }
}
