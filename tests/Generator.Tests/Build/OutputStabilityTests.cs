using System.Security.Cryptography;
using System.Text;
using PPNBlog.Generator.Build;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>
/// Speed work must not change what is built: the output tree of the 200-post benchmark corpus hashes to a recorded
/// value. After an intended change to the output, record the new value with PPNBLOG_RECORD_OUTPUT_HASH=1.
/// </summary>
public sealed class OutputStabilityTests
{
    private static readonly string Recorded = Path.Combine(TestSite.FixturesRoot, "corpus-200.sha256");

    [Fact]
    public void The_200_post_corpus_builds_to_the_recorded_output()
    {
        var root = Path.Combine(Path.GetTempPath(), "ppnblog-stability-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            TestSite.MakeCorpus(200, root);
            var output = Path.Combine(root, "_site");
            var result = SiteBuilder.Build(new BuildOptions(Path.Combine(root, "input"), Path.Combine(TestSite.RepositoryRoot, "theme"), output,
                Now: TestSite.Now, Search: false));
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

            var hash = TreeHash(output);
            if (Environment.GetEnvironmentVariable("PPNBLOG_RECORD_OUTPUT_HASH") == "1") File.WriteAllText(Recorded, hash + "\n");
            Assert.Equal(File.ReadAllText(Recorded).Trim(), hash);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>SHA-256 over every file's path and bytes, in path order.</summary>
    internal static string TreeHash(string folder)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
