using PPNBlog.Generator.Build;

namespace PPNBlog.Generator.Tests;

/// <summary>
/// A real little site in a temporary folder: the fixture commitments and site.yml, the repository's own theme, and
/// whatever posts a test writes. Built with a fixed clock so future-dated posts are deterministic.
/// </summary>
internal sealed class TestSite : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public TestSite(bool withBaseContent = true)
    {
        Directory.CreateDirectory(Input);
        if (withBaseContent) Repository.CopyDirectory(Path.Combine(FixturesRoot, "base-input"), Input);
    }

    public static string RepositoryRoot => Repository.Root;

    public static string FixturesRoot => Path.Combine(RepositoryRoot, "tests", "Generator.Tests", "Fixtures");

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ppnblog-site-" + Guid.NewGuid().ToString("N"));

    public string Input => Path.Combine(Root, "input");

    public string Output => Path.Combine(Root, "_site");

    public BuildOptions Options(bool drafts = false) =>
        new(Input, Path.Combine(RepositoryRoot, "theme"), Output, IncludeDrafts: drafts, Now: Now);

    public BuildResult Build(bool drafts = false) => SiteBuilder.Build(Options(drafts));

    /// <summary>A copy of the repository's theme in this site's folder, for a test to edit (its npm packages linked, not copied).</summary>
    public string CopyTheme()
    {
        var theme = Path.Combine(Root, "theme");
        foreach (var folder in new[] { "layouts", "templates", "partials", "assets" })
            Repository.CopyDirectory(Path.Combine(RepositoryRoot, "theme", folder), Path.Combine(theme, folder));
        File.Copy(Path.Combine(RepositoryRoot, "theme", "theme.yml"), Path.Combine(theme, "theme.yml"));
        Directory.CreateSymbolicLink(Path.Combine(theme, "node_modules"), Path.Combine(RepositoryRoot, "theme", "node_modules"));
        return theme;
    }

    /// <summary>Writes a file under input/.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A valid post with the given overrides of its front matter lines and body.</summary>
    public string WritePost(string slug, string date = "2021-01-01", string commitments = "[put-people-first]", string kind = "blog",
        string extra = "", string body = "Some text for the post.", string? title = null, string folder = "2021") =>
        Write($"posts/{folder}/{slug}.md",
            $"---\ntitle: \"{title ?? "Post " + slug}\"\ndate: {date}\nauthor: Test Author\ncommitments: {commitments}\nkind: {kind}\n{extra}---\n\n{body}\n");

    public string ReadOutput(string sitePath) => File.ReadAllText(Path.Combine(Output, sitePath));

    public bool OutputExists(string sitePath) => File.Exists(Path.Combine(Output, sitePath));

    /// <summary>Diagnostics as printed, with this site's folder removed from paths.</summary>
    public static IReadOnlyList<string> Lines(BuildResult result, string root) =>
        result.Diagnostics.Select(d => d.ToString().Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<string> Lines(BuildResult result) => Lines(result, Root);

    /// <summary>Generates the deterministic benchmark blog of <paramref name="posts"/> posts into <paramref name="root"/>/input.</summary>
    public static void MakeCorpus(int posts, string root)
    {
        var script = Path.Combine(RepositoryRoot, "..", "shared", "bench", "make-corpus.py");
        if (!File.Exists(script)) throw new InvalidOperationException($"the benchmark corpus generator is missing at {script}");
        using var make = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("python3", [script, posts.ToString(System.Globalization.CultureInfo.InvariantCulture), root])
            { RedirectStandardOutput = true })!;
        make.StandardOutput.ReadToEnd();
        make.WaitForExit();
        if (make.ExitCode != 0) throw new InvalidOperationException($"make-corpus.py exited with {make.ExitCode}");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

}
