using System.Globalization;
using System.Text.RegularExpressions;

namespace PPNBlog.Content.Model;

/// <summary>A post's publication moment, remembering whether the author gave a time or only a day.</summary>
/// <param name="Value">The moment; a day alone is midnight UK time on that day.</param>
/// <param name="HasTime">False when the front matter gave only a date.</param>
public readonly partial record struct PostDate(DateTimeOffset Value, bool HasTime)
{
    /// <summary>The first and last years a post's date may have.</summary>
    public const int FirstYear = 1900, LastYear = 2999;

    /// <summary>UK time: what "a date alone" means for a blog published in England.</summary>
    public static readonly TimeZoneInfo UkTime = FindUkTime();

    /// <summary>A date without a time: the start of <paramref name="day"/> in UK time.</summary>
    public static PostDate Day(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new PostDate(new DateTimeOffset(midnight, UkTime.GetUtcOffset(midnight)), HasTime: false);
    }

    /// <summary>
    /// Parses ISO 8601 as front matter carries it: <c>2020-12-14</c>, or a date-time with an offset
    /// (<c>2020-12-14T09:30:00+00:00</c>, <c>Z</c>, a space instead of T, and YAML 1.1's one-digit <c>-4</c>).
    /// </summary>
    /// <param name="text">The scalar as written.</param>
    /// <param name="date">The parsed date.</param>
    /// <param name="problem">Why it failed, for the diagnostic.</param>
    public static bool TryParse(string text, out PostDate date, out string problem)
    {
        date = default;
        var match = IsoDate().Match(text.Trim());
        if (!match.Success)
        {
            problem = $"'{text}' is not an ISO date";
            return false;
        }
        var g = match.Groups;
        if (!DateOnly.TryParseExact(g["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problem = $"'{g["date"].Value}' is not a day of the calendar";
            return false;
        }
        // A typo's year (9999, 0001) is no post's; at the calendar's ends an offset would also take the moment past it.
        if (day.Year is < FirstYear or > LastYear)
        {
            problem = $"'{g["date"].Value}' is not in the years a post may have ({FirstYear} to {LastYear})";
            return false;
        }
        if (!g["hour"].Success)
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            date = new PostDate(new DateTimeOffset(midnight, UkTime.GetUtcOffset(midnight)), HasTime: false);
            problem = "";
            return true;
        }
        if (!g["zone"].Success)
        {
            problem = $"'{text}' has a time but no offset, so the moment is ambiguous (add +00:00 for GMT or +01:00 for BST)";
            return false;
        }
        var hour = int.Parse(g["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(g["minute"].Value, CultureInfo.InvariantCulture);
        var second = g["second"].Success ? int.Parse(g["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            problem = $"'{text}' has a time of day that does not exist";
            return false;
        }
        var offset = ParseOffset(g["zone"].Value);
        if (offset is null)
        {
            problem = $"'{g["zone"].Value}' is not a valid UTC offset";
            return false;
        }
        date = new PostDate(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), offset.Value), HasTime: true);
        problem = "";
        return true;
    }

    /// <summary>The ISO text written back to front matter: the day alone, or the date-time with its offset.</summary>
    public string ToIsoString() =>
        HasTime ? Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeSpan? ParseOffset(string zone)
    {
        if (zone is "Z" or "z") return TimeSpan.Zero;
        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..].Replace(":", "");
        var hours = int.Parse(digits.Length <= 2 ? digits : digits[..^2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59) return null;
        return sign * new TimeSpan(hours, minutes, 0);
    }

    private static TimeZoneInfo FindUkTime()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:(?:[Tt]|\s+)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?\s*(?<zone>[Zz]|[+-]\d{1,2}(?::?\d{2})?)?)?$")]
    private static partial Regex IsoDate();
}
