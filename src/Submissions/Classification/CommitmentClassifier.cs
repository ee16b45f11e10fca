using System.Text.RegularExpressions;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;

namespace PPNBlog.Submissions.Classification;

/// <summary>
/// Chooses a post's commitments: the contributor's own <c>Commitment:</c> line, else hashtags such as
/// #TransformAndInnovate, else a suggestion from scoring the text against each commitment's description.
/// </summary>
public sealed partial class CommitmentClassifier(IReadOnlyList<Commitment> commitments)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "were", "been", "their", "there", "they", "what", "when", "which", "will", "would",
        "about", "into", "more", "also", "than", "them", "then", "these", "those", "your", "ours", "some", "such", "only", "other",
        "over", "very", "just", "like", "where", "while", "being", "because", "could", "should", "does", "make", "made", "each",
    };

    private readonly Dictionary<string, Dictionary<string, int>> _vocabulary = commitments.ToDictionary(
        c => c.Slug, c => Weigh((c.Title + " ").Repeat(3) + (c.Summary + " ").Repeat(2) + c.Body), StringComparer.Ordinal);

    /// <summary>Commitments named in a <c>Commitment:</c> line (slugs, titles or hashtags, separated by commas); unknown names are returned too.</summary>
    public (List<string> Known, List<string> Unknown) FromStated(string value)
    {
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var name in value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Find(name) is { } slug) known.Add(slug);
            else unknown.Add(name);
        }
        return (known.Distinct().ToList(), unknown);
    }

    /// <summary>Commitments whose hashtag or title (without spaces) appears as a hashtag in <paramref name="text"/>.</summary>
    public List<string> FromHashtags(string text) =>
        Hashtag().Matches(text).Select(m => Find(m.Groups[1].Value)).OfType<string>().Distinct().ToList();

    /// <summary>The commitment whose description shares most words with <paramref name="text"/> (the first by order on a tie).</summary>
    public string Suggest(string text)
    {
        var words = Weigh(text);
        return commitments
            .Select(c => (c.Slug, Score: words.Sum(w => _vocabulary[c.Slug].TryGetValue(w.Key, out var weight) ? Math.Min(w.Value, 5) * weight : 0)))
            .OrderByDescending(s => s.Score).ThenBy(s => commitments.First(c => c.Slug == s.Slug).Order)
            .First().Slug;
    }

    private string? Find(string name)
    {
        var key = Normalise(name);
        return commitments.FirstOrDefault(c => Normalise(c.Slug) == key || Normalise(c.Title) == key || (c.Hashtag is not null && Normalise(c.Hashtag) == key))?.Slug;
    }

    private static string Normalise(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static Dictionary<string, int> Weigh(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            var stem = Stem(word.Value);
            if (stem.Length < 4 || StopWords.Contains(stem)) continue;
            counts[stem] = counts.GetValueOrDefault(stem) + 1;
        }
        return counts;
    }

    // A light stem so "communities" meets "community" and "innovating" meets "innovate".
    private static string Stem(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 6 ? word[..^3]
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word.EndsWith('e') ? word[..^1] : word;

    [GeneratedRegex(@"(?<![\w&])#(" + Hashtags.Word + ")")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"[a-z][a-z'-]+")]
    private static partial Regex Word();
}

internal static class StringRepeat
{
    public static string Repeat(this string text, int times) => string.Concat(Enumerable.Repeat(text, times));
}
