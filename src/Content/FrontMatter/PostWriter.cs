using PPNBlog.Content.Model;
using YamlDotNet.Serialization;

namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// Writes a post file from the typed model, so the bot and <c>ppnblog new</c> never build YAML by concatenating
/// strings: YamlDotNet quotes whatever needs quoting (colons, '#', '{{', leading '@'...).
/// </summary>
public static class PostWriter
{
    private static readonly ISerializer Serializer = ObjectYaml.Writer();

    /// <summary>The whole file: front matter between '---' lines, a blank line, then the body.</summary>
    public static string Write(PostFrontMatter frontMatter, string body)
    {
        // Keys in schema order; absent optional values are left out rather than written as null.
        var fields = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["title"] = frontMatter.Title,
            ["date"] = frontMatter.Date.ToIsoString(),
            ["author"] = frontMatter.Author,
        };
        AddIfPresent(fields, "role", frontMatter.Role);
        fields["commitments"] = frontMatter.Commitments.ToList();
        fields["kind"] = frontMatter.Kind.ToString().ToLowerInvariant();
        if (frontMatter.Tags.Count > 0) fields["tags"] = frontMatter.Tags.ToList();
        AddIfPresent(fields, "summary", frontMatter.Summary);
        AddIfPresent(fields, "image", frontMatter.Image);
        AddIfPresent(fields, "image_alt", frontMatter.ImageAlt);
        AddIfPresent(fields, "slug", frontMatter.Slug);
        if (frontMatter.Draft) fields["draft"] = true;
        AddIfPresent(fields, "event", frontMatter.Event);
        if (frontMatter.Aliases.Count > 0) fields["aliases"] = frontMatter.Aliases.ToList();
        var yaml = Serializer.Serialize(fields).Replace("\r\n", "\n", StringComparison.Ordinal);
        return $"---\n{yaml}---\n\n{body.TrimEnd()}\n";
    }

    private static void AddIfPresent(Dictionary<string, object> fields, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) fields[key] = value;
    }
}
