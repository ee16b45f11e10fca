namespace PPNBlog.Generator.Tests.Build;

/// <summary>
/// One folder per kind of bad content under Fixtures/invalid/: its input/ files are laid over a valid site, and the
/// build must print exactly the lines of its expected.txt, fail, and write nothing. Adding a case = adding a folder.
/// </summary>
public class InvalidSiteTests
{
    public static TheoryData<string> Cases() => new(Directory.GetDirectories(Path.Combine(TestSite.FixturesRoot, "invalid")).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_content_gives_its_diagnostics_and_leaves_the_output_alone(string name)
    {
        using var site = new TestSite();
        var folder = Path.Combine(TestSite.FixturesRoot, "invalid", name);
        TestSite.CopyDirectory(Path.Combine(folder, "input"), site.Input);
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "index.html"), "previous site");

        var result = site.Build();

        Assert.False(result.Succeeded);
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, site.Lines(result));
        Assert.Equal(["index.html"], Directory.GetFileSystemEntries(site.Output).Select(Path.GetFileName));
        Assert.Equal("previous site", File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.DoesNotContain(Directory.GetDirectories(site.Root), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal));
    }
}
