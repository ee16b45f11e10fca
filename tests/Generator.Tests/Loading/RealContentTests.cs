using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Loading;

namespace PPNBlog.Generator.Tests.Loading;

public class RealContentTests
{
    [Fact]
    public void The_repository_input_builds_without_errors_or_warnings()
    {
        var output = Path.Combine(Path.GetTempPath(), "ppnblog-real-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = SiteBuilder.Build(new BuildOptions(Path.Combine(TestSite.RepositoryRoot, "input"), Path.Combine(TestSite.RepositoryRoot, "theme"), output));
            Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
            Assert.True(File.Exists(Path.Combine(output, "posts", "day-one-a-vision-for-the-psychological-professions", "index.html")));
            Assert.Equal(5, Directory.GetDirectories(Path.Combine(output, "commitments")).Length);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    public static TheoryData<string> CorpusFolders() => new(Directory.GetDirectories(CorpusPosts).Select(Path.GetFileName)!);

    private static string CorpusPosts => Path.Combine(TestSite.RepositoryRoot, "..", "shared", "corpus", "real-posts");

    /// <summary>Real blogs written for other generators: every file loads, and anything wrong is a diagnostic with a file and line.</summary>
    [Theory]
    [MemberData(nameof(CorpusFolders))]
    public void Every_real_world_post_loads_without_an_unhandled_exception(string folder)
    {
        using var site = new TestSite();
        var files = Directory.GetFiles(Path.Combine(CorpusPosts, folder), "*.md");
        Assert.NotEmpty(files);
        foreach (var file in files) File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(site.Input, "posts")).FullName, Path.GetFileName(file)));

        var diagnostics = new DiagnosticList();
        var content = ContentLoader.Load(site.Input, diagnostics);
        var result = site.Build();

        Assert.NotNull(content);
        var all = diagnostics.Sorted();
        Assert.All(all, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1 && d.Location.File.EndsWith(".md", StringComparison.Ordinal), d.ToString()));
        // Each file is either a loaded post or the subject of at least one error.
        var failed = all.Where(d => d.IsError).Select(d => Path.GetFileName(d.Location.File)).ToHashSet();
        Assert.Equal(files.Length, content.Posts.Count + failed.Count);
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1, d.ToString()));
    }
}
