namespace PPNBlog.Generator.Build;

/// <summary>What to build, from where, to where.</summary>
/// <param name="InputDirectory">The content folder (input/).</param>
/// <param name="ThemeDirectory">The theme folder (theme/).</param>
/// <param name="OutputDirectory">Where the site goes (_site/); replaced only by a successful build.</param>
/// <param name="BaseUrl">Overrides site.yml's baseUrl (e.g. the local server's address).</param>
/// <param name="IncludeDrafts">Build drafts and future-dated posts too.</param>
/// <param name="Now">The clock: posts dated after it are future posts.</param>
/// <param name="Search">Build the Pagefind search index (the last stage); off for quick local builds and benchmarks.</param>
public sealed record BuildOptions(
    string InputDirectory = "input",
    string ThemeDirectory = "theme",
    string OutputDirectory = "_site",
    Uri? BaseUrl = null,
    bool IncludeDrafts = false,
    DateTimeOffset? Now = null,
    bool Search = true);
