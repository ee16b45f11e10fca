using System.Diagnostics;
using Fluid;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>
/// A published ppnblog is native code, compiled ahead of time, where reflection reaches only what the compiler kept:
/// it must build exactly what the in-process build does. Uses the binary test.sh published (PPNBLOG_BINARY), or
/// publishes one.
/// </summary>
public sealed class NativeBuildTests
{
    private static readonly Lazy<string> Native = new(() => Ppnblog.NativeBinary ?? Publish());

    [Fact]
    public async Task The_native_binary_builds_the_200_post_corpus_as_the_in_process_build_does()
    {
        var root = Path.Combine(Path.GetTempPath(), "ppnblog-native-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            TestSite.MakeCorpus(200, root);
            await AssertSameBuild(Path.Combine(root, "input"), root, search: false);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_native_binary_builds_the_real_site_with_its_search_index_as_the_in_process_build_does()
    {
        var root = Path.Combine(Path.GetTempPath(), "ppnblog-native-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await AssertSameBuild(Path.Combine(TestSite.RepositoryRoot, "input"), root, search: true);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Every_view_record_is_registered_for_templates_to_read()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        ThemeTemplates.RegisterViews(options.MemberAccessStrategy);
        var views = typeof(ThemeTemplates).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ThemeTemplates).Namespace && t.Name.EndsWith("View", StringComparison.Ordinal)).ToList();

        Assert.Contains(typeof(SiteView), views);
        foreach (var view in views)
            foreach (var property in view.GetProperties().Where(p => p.Name != "EqualityContract"))
                Assert.True(options.MemberAccessStrategy.GetAccessor(view, MemberNameStrategies.SnakeCase(property)) is not null,
                    $"{view.Name}.{property.Name} is not readable by templates: add the record to ThemeTemplates.RegisterViews");
    }

    /// <summary>Builds <paramref name="input"/> in process and with the native binary, at the same moment, and compares the trees.</summary>
    private static async Task AssertSameBuild(string input, string root, bool search)
    {
        var theme = Path.Combine(TestSite.RepositoryRoot, "theme");
        var inProcess = Path.Combine(root, "in-process");
        var native = Path.Combine(root, "native");
        var result = SiteBuilder.Build(new BuildOptions(input, theme, inProcess, Search: search));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var (code, output, error) = await Run(Native.Value, ["build", "--input", input, "--theme", theme, "--output", native, .. search ? Array.Empty<string>() : ["--no-search"]]);
        Assert.True(code == 0, $"native ppnblog exited with {code}: {output}{error}");

        var files = Directory.EnumerateFiles(inProcess, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(inProcess, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(native, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(native, f)).Order(StringComparer.Ordinal));
        Assert.Equal(OutputStabilityTests.TreeHash(inProcess), OutputStabilityTests.TreeHash(native));
    }

    private static string Publish()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "native-ppnblog");
        var (code, output, error) = Run("dotnet", ["publish", Path.Combine(TestSite.RepositoryRoot, "src", "Generator"), "-c", "Release", "-r", "linux-x64", "-o", folder, "-nologo"])
            .GetAwaiter().GetResult();
        if (code != 0) throw new InvalidOperationException($"dotnet publish exited with {code}:\n{output}{error}");
        return Path.Combine(folder, "ppnblog");
    }

    private static async Task<(int Code, string Output, string Error)> Run(string program, IEnumerable<string> args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        return await Ppnblog.ToEndAsync(process);
    }
}
