namespace PPNBlog.Generator.Tests.Build;

/// <summary>
/// The file system refusing a write (here a real limit on file size, <c>ulimit -f</c>, as a full disk refuses one):
/// the build fails with a diagnostic naming the file, publishes nothing and leaves the site that was there.
/// </summary>
public sealed class WriteFailureTests
{
    [Fact]
    public async Task A_file_the_file_system_refuses_fails_the_build_with_its_name_and_leaves_the_site_as_it_was()
    {
        using var site = new TestSite();
        site.WritePost("one", title: "First title");
        string[] build = ["build", "--no-search", "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output];

        // No site yet: nothing is left behind, not even the staging folder.
        var (code, output, error) = await RunWithFileSizeLimit(build, kibibytes: 40);
        Assert.Equal(1, code);
        Assert.Matches(@"_site/assets/[a-z.-]+:1:1: error PPN024: the site could not be written: [^\n]+ \(hint: Free space", error);
        Assert.Contains("Build failed:", error);
        Assert.DoesNotContain("Unhandled exception", error + output);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(site.Output)!), e => Path.GetFileName(e).StartsWith("_site", StringComparison.Ordinal));

        // A good site, then an edit built under the limit: the good site stays whole.
        Assert.Equal(0, (await Ppnblog.RunAsync(build, new Dictionary<string, string?>())).Code);
        var before = Snapshot(site.Output);
        site.WritePost("one", title: "Second title");
        Assert.Equal(1, (await RunWithFileSizeLimit(build, kibibytes: 40)).Code);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Single(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(site.Output)!), e => Path.GetFileName(e).StartsWith("_site", StringComparison.Ordinal));
    }

    private static async Task<(int Code, string Output, string Error)> RunWithFileSizeLimit(string[] args, int kibibytes)
    {
        using var process = Ppnblog.StartWithFileSizeLimit(args, kibibytes);
        return await Ppnblog.ToEndAsync(process);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
}
