namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// GitHub answered, but not as a submission needs (the base branch is missing, a pull request was refused): retrying
/// at once will not help, and nothing is lost; the message waits for an editor to fix the repository or settings.
/// </summary>
public sealed class GitHubRefusedException(string message) : Exception(message);
