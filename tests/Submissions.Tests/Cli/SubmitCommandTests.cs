using PPNBlog.Submissions.Tests.GitHub;

namespace PPNBlog.Submissions.Tests.Cli;

/// <summary><c>ppnblog submissions submit</c> run as a real process against the local GitHub.</summary>
public sealed class SubmitCommandTests : IAsyncLifetime
{
    private const string Token = FakeGitHub.TestToken;
    private FakeGitHub _github = null!;
    private string _config = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync();
        _config = Path.Combine(Path.GetTempPath(), $"submissions-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(_config, $"github:\n  apiUrl: {_github.BaseUrl}\n  owner: o\n  repository: r\n  baseBranch: main\n  attempts: 2\n  labels: {Path.Combine(Emails.RepositoryRoot, ".github", "labels.yml")}\n");
    }

    public async Task DisposeAsync()
    {
        File.Delete(_config);
        await _github.DisposeAsync();
    }

    private static Task<(int Code, string Output, string Error)> Submit(string message, string config, string? token) =>
        Ppnblog.RunAsync(["submissions", "submit", message, "--config", config, "--input", Path.Combine(Emails.RepositoryRoot, "input")],
            new Dictionary<string, string?> { ["GITHUB_TOKEN"] = token });

    [Fact]
    public async Task Submit_opens_the_pull_request_and_prints_its_url_once_however_often_it_runs()
    {
        var first = await Submit(Emails.Fixture("outlook-html-inline-image.eml"), _config, Token);
        var second = await Submit(Emails.Fixture("outlook-html-inline-image.eml"), _config, Token);

        Assert.Equal(0, first.Code);
        Assert.Equal("https://github.example/o/r/pull/1", first.Output.Trim());
        Assert.Equal(first.Output, second.Output);
        Assert.Single(_github.PullRequests);
        Assert.DoesNotContain(Token, first.Output + first.Error + second.Output + second.Error);
        Assert.DoesNotContain("sam.patel@", first.Output + first.Error + _github.PullRequests[0].ToJsonString());
        Assert.Empty(_github.Violations);
    }

    [Fact]
    public async Task A_rejected_message_exits_3_with_its_reasons_and_opens_nothing()
    {
        var (code, _, error) = await Submit(Emails.Fixture("auto-reply.eml"), _config, Token);
        Assert.Equal(3, code);
        Assert.Contains("rejected:", error);
        Assert.Empty(_github.PullRequests);
        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task Without_credentials_it_says_which_variable_to_set()
    {
        var (code, _, error) = await Submit(Emails.Fixture("apple-plain-text.eml"), _config, token: null);
        Assert.Equal(2, code);
        Assert.Contains("GITHUB_TOKEN", error);
    }

    [Fact]
    public async Task When_github_stays_down_it_exits_4_and_a_later_run_opens_the_pull_request()
    {
        _github.Inject(new Fault("GET", "/pulls", "502", 1000));
        var down = await Submit(Emails.Fixture("apple-plain-text.eml"), _config, Token);
        Assert.Equal(4, down.Code);
        Assert.Contains("run the command again later", down.Error);

        _github.ClearFaults();
        var up = await Submit(Emails.Fixture("apple-plain-text.eml"), _config, Token);
        Assert.Equal(0, up.Code);
        Assert.Single(_github.PullRequests);
    }

    [Fact]
    public async Task A_settings_file_without_github_is_a_usage_error()
    {
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, "minWords: 40\n");
            var (code, _, error) = await Submit(Emails.Fixture("apple-plain-text.eml"), config, Token);
            Assert.Equal(2, code);
            Assert.Contains("no github section", error);
        }
        finally { File.Delete(config); }
    }
}
