using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>What a hashtag is (after its '#'): the one pattern the content schema checks and the bot looks for in emails.</summary>
public static partial class Hashtags
{
    /// <summary>A letter, then 2 to 60 letters, digits or underscores, e.g. <c>PutPeopleFirst</c>.</summary>
    public const string Word = "[A-Za-z][A-Za-z0-9_]{2,60}";

    /// <summary>True when <paramref name="tag"/> (without its '#') is a hashtag the bot can find in an email.</summary>
    public static bool IsValid(string tag) => WholeWord().IsMatch(tag);

    [GeneratedRegex("^" + Word + "$")]
    private static partial Regex WholeWord();
}
