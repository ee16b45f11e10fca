using System.Security.Cryptography;
using Octokit;
using PPNBlog.Submissions.GitHub;

namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>GitHub App and token authentication against the local GitHub, which verifies the App's JWT signature.</summary>
public sealed class AuthenticationTests : WithFakeGitHub
{
    private GitHubTarget Target => new("o", "r", "main", GitHub.BaseUrl, []);

    private static readonly GitHubRetry Retry = new(attempts: 3, firstDelay: TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task A_github_app_installation_token_is_bought_with_a_signed_jwt_and_opens_the_pull_request()
    {
        using var key = RSA.Create(2048);
        GitHub.RegisterApp(appId: 4242, installationId: 77, RSA.Create(key.ExportParameters(false)));
        var pem = key.ExportRSAPrivateKeyPem();
        var client = await GitHubClients.CreateAsync(Target, new GitHubAppInstallation(4242, 77), name => name == GitHubClients.AppKeyVariable ? pem : null, Retry);

        var opened = await new SubmissionPullRequests(client, Target, Retry, Emails.Labels).OpenAsync(Emails.Convert("apple-plain-text.eml").Post!, []);

        Assert.True(opened.Created);
        Assert.Equal(1, GitHub.InstallationTokensIssued);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task The_app_key_can_come_from_a_file()
    {
        using var key = RSA.Create(2048);
        GitHub.RegisterApp(4242, 77, RSA.Create(key.ExportParameters(false)));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, key.ExportPkcs8PrivateKeyPem());
            await GitHubClients.CreateAsync(Target, new GitHubAppInstallation(4242, 77), name => name == GitHubClients.AppKeyFileVariable ? file : null, Retry);
            Assert.Equal(1, GitHub.InstallationTokensIssued);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_jwt_signed_with_another_key_is_refused()
    {
        using var registered = RSA.Create(2048);
        using var other = RSA.Create(2048);
        GitHub.RegisterApp(4242, 77, RSA.Create(registered.ExportParameters(false)));
        await Assert.ThrowsAsync<AuthorizationException>(() =>
            GitHubClients.CreateAsync(Target, new GitHubAppInstallation(4242, 77), _ => other.ExportRSAPrivateKeyPem(), Retry));
        Assert.Equal(0, GitHub.InstallationTokensIssued);
    }

    [Theory]
    [InlineData(false, "GITHUB_TOKEN")]
    [InlineData(true, "PPNBLOG_GITHUB_APP_KEY")]
    public async Task Missing_credentials_say_which_variable_to_set(bool asApp, string variable)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            GitHubClients.CreateAsync(Target, asApp ? new GitHubAppInstallation(1, 2) : null, _ => null, Retry));
        Assert.Contains(variable, error.Message);
    }

    [Fact]
    public async Task A_token_minted_for_the_app_elsewhere_is_used_when_the_key_is_not_here()
    {
        // As in the workflows: actions/create-github-app-token mints the token and passes it as GITHUB_TOKEN.
        var client = await GitHubClients.CreateAsync(Target, new GitHubAppInstallation(4242, 77), name => name == GitHubClients.TokenVariable ? FakeGitHub.TestToken : null, Retry);
        var opened = await new SubmissionPullRequests(client, Target, Retry, Emails.Labels).OpenAsync(Emails.Convert("apple-plain-text.eml").Post!, []);
        Assert.True(opened.Created);
        Assert.Equal(0, GitHub.InstallationTokensIssued);
    }

    [Fact]
    public void A_key_that_is_not_pem_is_explained_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GitHubClients.AppJwt(1, "not-a-key-SECRET", DateTimeOffset.UtcNow));
        Assert.DoesNotContain("SECRET", error.Message);
        Assert.Contains("PEM", error.Message);
    }

    [Fact]
    public async Task The_repository_pull_request_template_is_followed()
    {
        GitHub.PutOnMain(".github/pull_request_template.md", "## Before merging\n\n- [ ] Our own editorial check\n");
        await new SubmissionPullRequests(GitHub.Client(), Target, Retry, Emails.Labels).OpenAsync(Emails.Convert("apple-plain-text.eml").Post!, []);

        var body = Assert.Single(GitHub.PullRequests)["body"]!.GetValue<string>();
        Assert.EndsWith("- [ ] Our own editorial check\n", body);
        Assert.DoesNotContain("## Checklist", body);
        Assert.Empty(GitHub.Violations);
    }
}
