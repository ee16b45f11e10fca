namespace PPNBlog.Submissions;

/// <summary>Limits and policy for converting emailed posts; the defaults are documented in README.</summary>
public sealed record SubmissionSettings
{
    /// <summary>The largest message accepted (25 MiB, NHSmail's own limit for a message).</summary>
    public long MaxMessageBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>The largest single image accepted (10 MiB).</summary>
    public long MaxImageBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>The most image data in one message (20 MiB).</summary>
    public long MaxTotalImageBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The most images kept from one message (20).</summary>
    public int MaxImages { get; init; } = 20;

    /// <summary>Posts with fewer words are rejected as empty (a covering note is not a post).</summary>
    public int MinWords { get; init; } = 40;

    /// <summary>Sender domains trusted by default (subdomains included).</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = ["nhs.net", "nhs.uk"];

    /// <summary>When true, messages from outside <see cref="AllowedDomains"/> are rejected; otherwise they are only marked untrusted.</summary>
    public bool RejectOutsideAllowlist { get; init; }

    /// <summary>
    /// The receiving mail server's authserv-id (the name that starts its Authentication-Results header): when set, only
    /// the first such header with this id is trusted; when null, the topmost one.
    /// </summary>
    public string? AuthservId { get; init; }

    /// <summary>Images are resized so neither side is longer than this (2000 px).</summary>
    public int MaxImageSide { get; init; } = 2000;

    /// <summary>A size as a person reads it: "25 MB", or "300 KB" under a megabyte.</summary>
    public static string Readable(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : $"{Math.Max(1, bytes / 1024)} KB";
}
