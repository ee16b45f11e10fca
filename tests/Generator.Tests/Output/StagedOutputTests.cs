using PPNBlog.Generator.Output;

namespace PPNBlog.Generator.Tests.Output;

/// <summary>A folder that cannot be renamed (a mount point, such as a Docker volume) is built by swapping its contents.</summary>
public sealed class StagedOutputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ppnblog-staged-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Mount_points_are_read_from_the_kernel()
    {
        Assert.True(MountPoints.IsMountPoint("/proc"));
        Assert.False(MountPoints.IsMountPoint(_root));
    }

    [Fact]
    public void A_folder_that_cannot_be_renamed_gets_the_new_site_in_place_of_the_old()
    {
        var site = Path.Combine(_root, "volume");
        Directory.CreateDirectory(Path.Combine(site, "posts", "old"));
        File.WriteAllText(Path.Combine(site, "index.html"), "old home");
        File.WriteAllText(Path.Combine(site, "posts", "old", "index.html"), "old post");

        using (var output = StagedOutput.Begin(site, keepsHashes: false, swapsContents: true))
        {
            // Staged inside the folder itself: the same file system, so every move is a rename.
            Assert.StartsWith(site + Path.DirectorySeparatorChar, output.Root);
            output.WriteText("index.html", "new home");
            output.WriteText("posts/new/index.html", "new post");
            Assert.Equal("old home", File.ReadAllText(Path.Combine(site, "index.html")));
            output.Commit();
        }

        Assert.Equal(["index.html", "posts/new/index.html"],
            Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f)).Order(StringComparer.Ordinal));
        Assert.Equal("new home", File.ReadAllText(Path.Combine(site, "index.html")));
    }

    [Fact]
    public void A_build_that_does_not_commit_leaves_such_a_folder_as_it_was()
    {
        var site = Path.Combine(_root, "volume");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "old home");

        using (var output = StagedOutput.Begin(site, keepsHashes: false, swapsContents: true))
            output.WriteText("index.html", "new home");

        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName));
        Assert.Equal("old home", File.ReadAllText(Path.Combine(site, "index.html")));
    }
}
