using System.Text;
using PPNBlog.Content.Text;

namespace PPNBlog.Submissions.Mime;

/// <summary>Makes names that come from an email (attachment file names) safe to show: no path, no control or bidi characters.</summary>
public static class SafeNames
{
    /// <summary>The last path segment of <paramref name="name"/>, printable, at most 100 characters; "(unnamed)" when nothing is left.</summary>
    public static string ForDisplay(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "(unnamed)";
        var last = name.Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0) ?? "";
        var builder = new StringBuilder();
        foreach (var c in last)
        {
            // Control characters, NUL, and bidirectional overrides (which can disguise "gpj.exe" as "exe.jpg").
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F') continue;
            builder.Append(c);
        }
        var clean = builder.ToString().Trim().TrimStart('.');
        clean = WholeCharacters.Prefix(clean, 100);
        return clean.Length == 0 ? "(unnamed)" : clean;
    }
}
