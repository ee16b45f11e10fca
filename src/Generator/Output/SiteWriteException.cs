namespace PPNBlog.Generator.Output;

/// <summary>
/// A file or folder of the site that could not be written (a full disk, a name the file system refuses, no permission):
/// the build fails with it as a diagnostic, and a new folder is removed, so nothing half-written is published.
/// </summary>
/// <param name="path">The file or folder as it is published (the output folder, not a staging folder).</param>
/// <param name="reason">What the file system said.</param>
/// <param name="inner">The file system's exception.</param>
public sealed class SiteWriteException(string path, string reason, Exception inner) : IOException($"{path}: {reason}", inner)
{
    /// <summary>The file or folder that could not be written, as it is published.</summary>
    public string Path { get; } = path;

    /// <summary>What the file system said.</summary>
    public string Reason { get; } = reason;

    /// <summary>
    /// True for the exceptions .NET throws when the file system cannot write: a file too large for it or for a limit
    /// (EFBIG) comes as an ArgumentOutOfRangeException for the file's length.
    /// </summary>
    public static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException { ParamName: "value" };

    /// <summary>The write failure <paramref name="e"/> is, or holds (from parallel work); null when it is something else.</summary>
    public static SiteWriteException? Within(Exception e) => e switch
    {
        SiteWriteException failure => failure,
        AggregateException many => many.Flatten().InnerExceptions.OfType<SiteWriteException>().FirstOrDefault(),
        _ => null,
    };
}
