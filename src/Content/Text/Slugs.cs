using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>URL slugs: what a valid one looks like, and how one is made from a file name, title or tag.</summary>
public static partial class Slugs
{
    /// <summary>
    /// The longest slug a title or front matter may give (characters): a readable address, and far inside the 255 bytes
    /// a file system allows a folder's name (a 350-character slug stopped the build as it wrote the post's page).
    /// </summary>
    public const int MaxLength = 80;

    /// <summary>True for lower-case ASCII letters and digits in hyphen-separated groups, e.g. <c>my-first-post</c>.</summary>
    public static bool IsValid(string slug) => ValidSlug().IsMatch(slug);

    /// <summary>
    /// The slug of a new post's title: as <see cref="ForTag"/> makes one, at most <see cref="MaxLength"/> characters,
    /// without a leading date ("2025-01-01 Small acts" gives <c>small-acts</c>). The slug names the post's folder, and
    /// the build takes such a date off a folder's name (<see cref="FromFileName"/>): the folder, the slug checked for
    /// clashes and the published address must be one.
    /// </summary>
    public static string FromTitle(string title)
    {
        var slug = Distinct(title, "post");
        for (var undated = FromFileName(slug); undated != slug; undated = FromFileName(slug)) slug = undated;
        return slug;
    }

    /// <summary>
    /// A tag's slug, which names its page: <see cref="Slugify"/>, and for a tag with letters beyond ASCII once accents are
    /// dropped (心理, Søren), a short hash of the tag as well, so that two such tags never share one page (心理 and 健康 were
    /// both "untitled"). The same tag in other capitals has the same slug.
    /// </summary>
    public static string ForTag(string tag) => Distinct(tag, "tag");

    /// <summary><paramref name="slug"/> cut at a hyphen to at most <paramref name="length"/> characters.</summary>
    public static string Shorten(string slug, int length = MaxLength)
    {
        if (slug.Length <= length) return slug;
        var cut = slug.LastIndexOf('-', length);
        return slug[..(cut > 20 ? cut : length)];
    }

    /// <summary>
    /// <paramref name="text"/>'s slug, shortened; for text with letters beyond ASCII, or with no letter or digit at all
    /// (emoji, punctuation: "🧠" and "#" were both "untitled"), with a short hash of the text as well
    /// (<paramref name="stem"/> standing for the slug when nothing of it is ASCII).
    /// </summary>
    private static string Distinct(string text, string stem)
    {
        var slug = Slugify(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        if (decomposed.Any(char.IsAsciiLetterOrDigit) && !decomposed.Any(c => c > '\u007F' && char.IsLetterOrDigit(c))) return Shorten(slug);
        var hash = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormC).ToLowerInvariant()));
        return $"{(slug == Untitled ? stem : Shorten(slug, MaxLength - 9))}-{hash:x8}";
    }

    /// <summary>
    /// The default slug of a post file or bundle folder: its name without a leading date
    /// (<c>2020-12-14-</c> or <c>20201214_</c>, both seen in real blogs), made URL-safe.
    /// </summary>
    public static string FromFileName(string name)
    {
        var undated = LeadingDate().Replace(name, "");
        var slug = Slugify(undated);
        // A name in another script ("психология.md") has nothing to slug in ASCII: with a hash of it, two such posts
        // are two addresses, not both "untitled".
        return slug == Untitled && undated.Any(char.IsLetterOrDigit) ? Distinct(undated, "post") : slug;
    }

    /// <summary>The YYYY-MM-DD a file name starts with (Jekyll's convention), or null.</summary>
    public static string? LeadingIsoDate(string name) => LeadingDate().Match(name) is { Success: true } m && m.Groups[1].Value.Contains('-') ? m.Groups[1].Value : null;

    private const string Untitled = "untitled";

    /// <summary>Lower-case ASCII words joined by hyphens; accents are dropped (é → e); empty text gives "untitled".</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || c is >= 'A' and <= 'Z')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '’')
            {
                pendingHyphen = true;
            }
        }
        return builder.Length == 0 ? Untitled : builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a reader would take it for the same words: lower case, without accents, spaces, hyphens,
    /// underscores or apostrophes. Two tags with one slug whose folded forms differ (C#, C++) are different tags.
    /// </summary>
    public static string Folded(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || char.IsWhiteSpace(c) || c is '-' or '_' or '\'' or '’') continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The candidate closest to <paramref name="value"/> by edit distance, or null when none is close.</summary>
    public static string? Nearest(string value, IEnumerable<string> candidates)
    {
        var normalised = Slugify(value);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = normalised.Length >= 3 && candidate.StartsWith(normalised, StringComparison.Ordinal) ? 0 : EditDistance(normalised, candidate);
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return bestDistance <= Math.Max(2, normalised.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidSlug();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}|\d{8})[-_ ]+")]
    private static partial Regex LeadingDate();
}
