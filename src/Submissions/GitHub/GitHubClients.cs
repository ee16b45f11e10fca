using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Octokit;

namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// Authenticated Octokit clients. As a GitHub App installation (app id + private key → a short-lived installation
/// token): pull requests it opens run the repository's checks, which those opened with a workflow's built-in
/// GITHUB_TOKEN do not. Or with a token from GITHUB_TOKEN. Secrets come only from the environment and are never printed.
/// </summary>
public static class GitHubClients
{
    /// <summary>A personal or workflow token.</summary>
    public const string TokenVariable = "GITHUB_TOKEN";

    /// <summary>The App's private key (PEM text).</summary>
    public const string AppKeyVariable = "PPNBLOG_GITHUB_APP_KEY";

    /// <summary>A file holding the App's private key (PEM), for hosts that mount secrets as files.</summary>
    public const string AppKeyFileVariable = "PPNBLOG_GITHUB_APP_KEY_FILE";

    private static readonly ProductHeaderValue Product = new("ppnblog-submissions");

    /// <summary>A client for <paramref name="target"/>: as <paramref name="app"/> when its key is in the environment, else with GITHUB_TOKEN.</summary>
    /// <param name="target">The repository and API address.</param>
    /// <param name="app">The App installation, or null.</param>
    /// <param name="environment">Reads an environment variable (the process environment, or a test's).</param>
    /// <param name="retry">Retries for the token exchange.</param>
    /// <exception cref="InvalidOperationException">No credentials are configured; the message says which variable to set.</exception>
    public static async Task<IGitHubClient> CreateAsync(GitHubTarget target, GitHubAppInstallation? app, Func<string, string?> environment, GitHubRetry retry)
    {
        // The App's own key wins; a token minted for it elsewhere (actions/create-github-app-token) comes as GITHUB_TOKEN.
        var key = environment(AppKeyVariable) is { Length: > 0 } pem ? pem
            : environment(AppKeyFileVariable) is { Length: > 0 } file && File.Exists(file) ? await File.ReadAllTextAsync(file)
            : null;
        if (app is not null && key is not null)
        {
            var appClient = WithTimeout(new GitHubClient(Product, target.ApiUrl) { Credentials = new Credentials(AppJwt(app.AppId, key, DateTimeOffset.UtcNow), AuthenticationType.Bearer) });
            var installation = await retry.Run(() => appClient.GitHubApps.CreateInstallationToken(app.InstallationId));
            return WithTimeout(new GitHubClient(Product, target.ApiUrl) { Credentials = new Credentials(installation.Token) });
        }
        if (environment(TokenVariable) is { Length: > 0 } token)
            return WithTimeout(new GitHubClient(Product, target.ApiUrl) { Credentials = new Credentials(token.Trim()) });
        throw new InvalidOperationException(app is null
            ? $"no GitHub credentials: set {TokenVariable}, or github.appId and github.installationId in the settings file with the App's private key in {AppKeyVariable}"
            : $"the GitHub App's private key is missing: set {AppKeyVariable} (PEM text) or {AppKeyFileVariable} (its file), or a token in {TokenVariable}");
    }

    /// <summary>A call that has not answered in 30 s is given up and retried (Octokit would wait 100 s).</summary>
    private static GitHubClient WithTimeout(GitHubClient client)
    {
        client.SetRequestTimeout(TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>The App's JSON Web Token (RS256, issued a minute early for clock drift, valid under GitHub's 10-minute cap).</summary>
    public static string AppJwt(long appId, string privateKeyPem, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException("the GitHub App's private key is not a PEM RSA key (download it again from the App's settings page)");
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = appId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IssuedAt = now.AddSeconds(-60).UtcDateTime,
            NotBefore = now.AddSeconds(-60).UtcDateTime,
            Expires = now.AddMinutes(9).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)), SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
