namespace PPNBlog.Submissions.GitHub;

/// <summary>A GitHub App installation the bot authenticates as; its private key comes from the environment.</summary>
/// <param name="AppId">The App's id.</param>
/// <param name="InstallationId">Its installation on the repository's owner.</param>
public sealed record GitHubAppInstallation(long AppId, long InstallationId);
