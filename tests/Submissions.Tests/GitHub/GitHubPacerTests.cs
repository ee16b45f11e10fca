using Microsoft.Extensions.Time.Testing;
using PPNBlog.Submissions.GitHub;

namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>Writes are paced under GitHub's secondary limits, on a controlled clock.</summary>
public sealed class GitHubPacerTests
{
    [Fact]
    public async Task A_write_over_the_minute_limit_waits_until_the_first_one_leaves_the_window()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var pacer = new GitHubPacer(perMinute: 3, perHour: 100, clock);
        for (var i = 0; i < 3; i++) await pacer.Write(() => Task.FromResult(i));

        var fourth = pacer.Write(() => Task.FromResult(4));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, await fourth.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(4, pacer.Writes);
    }

    [Fact]
    public async Task The_hour_limit_holds_even_when_every_minute_is_under_its_own()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var pacer = new GitHubPacer(perMinute: 2, perHour: 4, clock);
        for (var i = 0; i < 4; i++)
        {
            await pacer.Write(() => Task.FromResult(i));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var fifth = pacer.Write(() => Task.FromResult(5));
        await Task.Delay(50);
        Assert.False(fifth.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal(5, await fifth.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
