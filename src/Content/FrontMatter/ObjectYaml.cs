using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Serialization;

namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// YamlDotNet's object mappers, for the small files read into plain classes (theme.yml, submissions.yml, labels.yml)
/// and the posts the bot writes. Content files go through <see cref="FrontMatterFields"/> instead, for line-exact
/// diagnostics.
/// </summary>
/// <remarks>
/// YamlDotNet maps by reflection, which native (ahead-of-time compiled) code supports for what it keeps: ppnblog is
/// published with partial trimming, so these classes and YamlDotNet stay whole, and every class read here is a
/// reference type with public setters or a dictionary of strings, lists and booleans. The suite runs the published
/// native ppnblog through each of them (build, serve, submissions poll and submit).
/// </remarks>
public static class ObjectYaml
{
    /// <summary>Reads YAML into classes whose property names follow <paramref name="naming"/>.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "See the class remarks: kept whole, and run natively by the suite.")]
    public static IDeserializer Reader(INamingConvention naming) => new DeserializerBuilder().WithNamingConvention(naming).Build();

    /// <summary>
    /// Writes YAML block style, list items indented under their key; a string that would read back as another type
    /// ("null", "~", "yes", "true", "12") is quoted, so a post titled "Null" stays a title.
    /// </summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "See the class remarks: kept whole, and run natively by the suite.")]
    public static ISerializer Writer() => new SerializerBuilder().WithIndentedSequences().WithQuotingNecessaryStrings().Build();
}
