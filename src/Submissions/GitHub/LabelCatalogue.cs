using PPNBlog.Content.FrontMatter;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PPNBlog.Submissions.GitHub;

/// <summary>A label as the repository should have it.</summary>
/// <param name="Name">Its name ("commitment:*" in the file stands for one per commitment).</param>
/// <param name="Color">Its colour, six hex digits.</param>
/// <param name="Description">What it means, for editors.</param>
public sealed record LabelDefinition(string Name, string Color, string Description);

/// <summary>The labels defined in <c>.github/labels.yml</c>: the one place their colours and meanings are written.</summary>
public sealed class LabelCatalogue(IReadOnlyList<LabelDefinition> definitions)
{
    /// <summary>Where the file lives in the repository.</summary>
    public const string DefaultPath = ".github/labels.yml";

    /// <summary>The definitions as written (patterns included).</summary>
    public IReadOnlyList<LabelDefinition> Definitions => definitions;

    /// <summary>The definition of <paramref name="name"/>; a label the file does not define gets GitHub's grey and no description.</summary>
    public LabelDefinition For(string name)
    {
        if (definitions.FirstOrDefault(d => d.Name == name) is { } exact) return exact;
        var pattern = definitions.FirstOrDefault(d => d.Name.EndsWith('*') && name.StartsWith(d.Name[..^1], StringComparison.Ordinal));
        return pattern is null ? new LabelDefinition(name, "ededed", "") : pattern with { Name = name };
    }

    /// <summary>Every concrete label: patterns expanded with <paramref name="commitmentSlugs"/>.</summary>
    public IReadOnlyList<LabelDefinition> Expand(IEnumerable<string> commitmentSlugs) =>
        [.. definitions.SelectMany(d => d.Name.EndsWith('*') ? commitmentSlugs.Select(slug => d with { Name = d.Name[..^1] + slug }) : [d])];

    /// <summary>Reads the file. Throws <see cref="InvalidDataException"/> saying what is wrong and where.</summary>
    public static LabelCatalogue Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: the labels file is missing; it defines every label the bot uses");
        List<LabelDefinition>? items;
        try
        {
            items = ObjectYaml.Reader(CamelCaseNamingConvention.Instance)
                .Deserialize<List<Entry>>(File.ReadAllText(path))?.Select(e => new LabelDefinition(e.Name, e.Color.TrimStart('#').ToLowerInvariant(), e.Description)).ToList();
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}:{e.Start.Column}: {(e.InnerException ?? e).Message.Split('\n')[0]}");
        }
        foreach (var item in items ?? [])
        {
            if (item.Name.Length == 0 || item.Color.Length != 6 || !item.Color.All(char.IsAsciiHexDigit))
                throw new InvalidDataException($"{path}: label '{item.Name}' needs a name and a colour of six hex digits, e.g. color: 005eb8");
        }
        return new LabelCatalogue(items ?? []);
    }

    private sealed class Entry
    {
        public string Name { get; set; } = "";

        public string Color { get; set; } = "";

        public string Description { get; set; } = "";
    }
}
