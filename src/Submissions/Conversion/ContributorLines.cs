using System.Text.RegularExpressions;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// The optional lines a contributor may type at the top of the email (<c>Author:</c>, <c>Role:</c>,
/// <c>Commitment:</c>, <c>Tags:</c>, <c>Summary:</c>) and the WordPress-style markers (<c>[end]</c>,
/// <c>[tags a, b]</c>, <c>[excerpt]…[/excerpt]</c>). Both are read and removed from the body.
/// </summary>
public sealed partial class ContributorLines
{
    /// <summary>Values by lower-case key ("author", "role", "commitment", "tags", "summary").</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Tags from a [tags …] marker.</summary>
    public List<string> MarkerTags { get; } = [];

    /// <summary>Reads the leading lines and markers out of <paramref name="blocks"/>, changing it in place.</summary>
    public static ContributorLines Extract(List<string> blocks)
    {
        var lines = new ContributorLines();
        while (blocks.Count > 0)
        {
            var parts = blocks[0].Split(["\\\n", "\n"], StringSplitOptions.None).ToList();
            var taken = 0;
            foreach (var part in parts)
            {
                var match = Line().Match(MarkdownText.Unescape(part).Trim());
                if (!match.Success) break;
                var key = match.Groups["key"].Value.ToLowerInvariant().TrimEnd('s') switch { "commitment" => "commitment", "tag" => "tags", var k => k };
                lines.Values[key] = match.Groups["value"].Value.Trim();
                taken++;
            }
            if (taken == 0) break;
            if (taken == parts.Count) blocks.RemoveAt(0);
            else
            {
                blocks[0] = string.Join("\\\n", parts.Skip(taken));
                break;
            }
        }
        lines.ReadMarkers(blocks);
        return lines;
    }

    /// <summary>True when <paramref name="text"/> (unescaped, trimmed) is a contributor line such as <c>Role: Psychologist</c>.</summary>
    public static bool IsLine(string text) => Line().IsMatch(text);

    private void ReadMarkers(List<string> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var end = End().Match(blocks[i]);
            if (end.Success)
            {
                var before = blocks[i][..end.Index].TrimEnd();
                blocks.RemoveRange(i, blocks.Count - i);
                if (before.Length > 0) blocks.Add(before);
                break;
            }
            blocks[i] = Tags().Replace(blocks[i], m =>
            {
                MarkerTags.AddRange(MarkdownText.Unescape(m.Groups[1].Value).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                return "";
            }).Trim();
            blocks[i] = Excerpt().Replace(blocks[i], m =>
            {
                Values.TryAdd("summary", MarkdownText.Unescape(m.Groups[1].Value).Trim());
                return m.Groups[1].Value;
            });
        }
        blocks.RemoveAll(b => b.Trim().Length == 0);
    }

    /// <summary>A contributor line, its label in bold or italics or not ("**Author:** Dr Farah Ahmed", "**Role: Psychologist**").</summary>
    [GeneratedRegex(@"^(?<m>\*{1,2}|_{1,2})?(?<key>Author|Role|Commitments?|Tags?|Summary)\s*(?(m)(\k<m>)?)\s*:\s*(?(m)(\k<m>)?)\s*(?<value>\S.*?)\s*(?(m)(\k<m>)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Line();

    [GeneratedRegex(@"\\\[end\\\]", RegexOptions.IgnoreCase)]
    private static partial Regex End();

    [GeneratedRegex(@"\\\[tags\s+([^\]\\]+)\\\]", RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\\\[excerpt\\\](.+?)\\\[/excerpt\\\]", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Excerpt();
}
