using Octokit;

namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// Retries GitHub calls that failed for reasons that pass: 5xx answers, timeouts, dropped connections and rate
/// limits (waiting as Retry-After or the rate-limit reset says). Every step the bot retries is idempotent.
/// </summary>
public sealed class GitHubRetry(int attempts = 6, TimeSpan? firstDelay = null, TimeSpan? maxDelay = null)
{
    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxDelay = maxDelay ?? TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="call"/>, retrying transient failures.</summary>
    public async Task<T> Run<T>(Func<Task<T>> call, CancellationToken cancellation = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < attempts && Delay(e, attempt) is { } delay)
            {
                await Task.Delay(delay, cancellation);
            }
        }
    }

    /// <summary>How long to wait before retrying after <paramref name="error"/>, or null when it will not pass.</summary>
    private TimeSpan? Delay(Exception error, int attempt)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(_maxDelay.Ticks, _firstDelay.Ticks * (1L << Math.Min(attempt - 1, 10))));
        return error switch
        {
            SecondaryRateLimitExceededException limit => Clamp(RetryAfter(limit.HttpResponse) ?? backoff),
            RateLimitExceededException limit => Clamp(limit.Reset - DateTimeOffset.UtcNow),
            ApiException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError } api => Clamp(RetryAfter(api.HttpResponse) ?? backoff),
            ApiException { StatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.TooManyRequests } api
                when RetryAfter(api.HttpResponse) is { } wait => Clamp(wait),
            HttpRequestException or TaskCanceledException or IOException => backoff,
            _ => null,
        };
    }

    private TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _maxDelay ? _maxDelay : wait;

    private static TimeSpan? RetryAfter(IResponse? response) =>
        response?.Headers is { } headers && headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : null;
}
