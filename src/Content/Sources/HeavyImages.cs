using System.Globalization;

namespace PPNBlog.Content.Sources;

/// <summary>
/// Pictures too heavy for a web page: a photo straight from a phone or camera (4–12 MB) is downloaded whole by every
/// reader, on a phone too, though a page shows it no more than about a thousand pixels wide.
/// </summary>
public static class HeavyImages
{
    /// <summary>The most a picture on a page should weigh (1 MiB): a JPEG 1,600 pixels wide is a few hundred KB.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Why the picture <paramref name="file"/> is too heavy (as the end of a sentence naming it), or null when it is not.</summary>
    public static string? Why(string file) =>
        new FileInfo(file).Length is var length and > MaxBytes
            ? $"is {(length / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture)} MB, which every reader downloads whole before it shows (a picture on a page needs 1 MB at most)"
            : null;
}
