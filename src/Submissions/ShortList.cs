namespace PPNBlog.Submissions;

/// <summary>
/// A list from an email cut to a length a reader (and GitHub, and a mail server) takes: an email can hold thousands of
/// attachments or pictures, each of which would be a line.
/// </summary>
/// <param name="Shown">The items shown: each once, with its count when repeated ("name (×3)").</param>
/// <param name="More">How many more distinct items there are.</param>
public sealed record ShortList(IReadOnlyList<string> Shown, int More)
{
    /// <summary>The most items a list in a pull request or a reply shows.</summary>
    public const int MaxItems = 30;

    /// <summary>The first <paramref name="max"/> distinct <paramref name="items"/>, each shown by <paramref name="show"/>.</summary>
    public static ShortList Of(IEnumerable<string> items, Func<string, string> show, int max = MaxItems)
    {
        var distinct = items.GroupBy(item => item, StringComparer.Ordinal).Select(g => (Text: g.Key, Count: g.Count())).ToList();
        return new([.. distinct.Take(max).Select(item => show(item.Text) + (item.Count > 1 ? $" (×{item.Count})" : ""))], Math.Max(0, distinct.Count - max));
    }

    /// <summary>One line per item, each started with <paramref name="bullet"/> and ended with <paramref name="end"/>, then "… and N more".</summary>
    public IEnumerable<string> Lines(string bullet = "- ", string end = "") =>
        More > 0 ? Shown.Append($"… and {More} more").Select(line => bullet + line + end) : Shown.Select(line => bullet + line + end);

    /// <summary>The items in a sentence: "a, b and 3 more".</summary>
    public string InSentence() => string.Join(", ", Shown) + (More > 0 ? $" and {More} more" : "");
}
