using System.Xml.Linq;

namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>
/// The native ppnblog reads GitHub's JSON through Octokit, which makes StringEnum&lt;T&gt; structs by reflection: each
/// instance must be listed in src/Generator/octokit.rd.xml for the compiler to build it.
/// </summary>
public sealed class OctokitNativeDirectivesTests
{
    [Fact]
    public void Every_StringEnum_that_Octokit_uses_is_listed_for_the_native_compiler()
    {
        var octokit = typeof(Octokit.GitHubClient).Assembly;
        var used = new SortedSet<string>(StringComparer.Ordinal);
        void Visit(Type type)
        {
            if (!type.IsGenericType) return;
            if (type.GetGenericTypeDefinition() == typeof(Octokit.StringEnum<>))
            {
                var argument = type.GetGenericArguments()[0];
                used.Add($"Octokit.StringEnum`1[[{argument.FullName},{(argument.Assembly == octokit ? "Octokit" : argument.Assembly.GetName().Name)}]]");
            }
            foreach (var argument in type.GetGenericArguments()) Visit(argument);
        }
        foreach (var type in octokit.GetTypes())
        {
            foreach (var property in type.GetProperties()) Visit(property.PropertyType);
            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters())) Visit(parameter.ParameterType);
        }

        var directives = XDocument.Load(Path.Combine(Emails.RepositoryRoot, "src", "Generator", "octokit.rd.xml"));
        var listed = directives.Descendants().Where(e => e.Name.LocalName == "Type").Select(e => (string)e.Attribute("Name")!).ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count > 10, $"only {used.Count} StringEnum types found in Octokit: the search is broken");
        var missing = used.Where(name => !listed.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "add to octokit.rd.xml: " + string.Join(", ", missing.Select(m => $"<Type Name=\"{m}\" Dynamic=\"Required All\" />")));
    }
}
