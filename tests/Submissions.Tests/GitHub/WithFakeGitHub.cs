namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>Tests that each run against a local GitHub of their own, started before the test and stopped after it.</summary>
public abstract class WithFakeGitHub : IAsyncLifetime
{
    /// <summary>This test's local GitHub.</summary>
    protected FakeGitHub GitHub { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => GitHub = await FakeGitHub.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await GitHub.DisposeAsync();
}
