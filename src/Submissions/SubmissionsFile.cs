using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PPNBlog.Submissions;

/// <summary>The settings file (<c>submissions.yml</c>): limits, the sender allowlist and the disclaimer patterns.</summary>
public sealed class SubmissionsFile
{
    /// <summary>Trusted sender domains.</summary>
    public List<string> AllowedDomains { get; set; } = ["nhs.net", "nhs.uk"];

    /// <summary>Reject senders outside the allowlist.</summary>
    public bool RejectOutsideAllowlist { get; set; }

    /// <summary>Largest message, in MB.</summary>
    public int MaxMessageMegabytes { get; set; } = 25;

    /// <summary>Largest image, in MB.</summary>
    public int MaxImageMegabytes { get; set; } = 10;

    /// <summary>Most image data in a message, in MB.</summary>
    public int MaxTotalImageMegabytes { get; set; } = 20;

    /// <summary>Most images in a post.</summary>
    public int MaxImages { get; set; } = 20;

    /// <summary>Fewest words in a post.</summary>
    public int MinWords { get; set; } = 40;

    /// <summary>Longest image side, in pixels.</summary>
    public int MaxImageSide { get; set; } = 2000;

    /// <summary>The disclaimer patterns file, relative to the settings file.</summary>
    public string? Disclaimers { get; set; }

    /// <summary>Reads <paramref name="path"/>; a missing file gives the defaults. Throws <see cref="YamlException"/> with a position when invalid.</summary>
    public static (SubmissionSettings Settings, Conversion.BodyCleanup Cleanup) Load(string path)
    {
        if (!File.Exists(path)) return (new SubmissionSettings(), Conversion.BodyCleanup.Default);
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<SubmissionsFile>(File.ReadAllText(path)) ?? new SubmissionsFile();
        const long Megabyte = 1024 * 1024;
        var settings = new SubmissionSettings
        {
            AllowedDomains = file.AllowedDomains,
            RejectOutsideAllowlist = file.RejectOutsideAllowlist,
            MaxMessageBytes = file.MaxMessageMegabytes * Megabyte,
            MaxImageBytes = file.MaxImageMegabytes * Megabyte,
            MaxTotalImageBytes = file.MaxTotalImageMegabytes * Megabyte,
            MaxImages = file.MaxImages,
            MinWords = file.MinWords,
            MaxImageSide = file.MaxImageSide,
        };
        var cleanup = file.Disclaimers is null ? Conversion.BodyCleanup.Default
            : new Conversion.BodyCleanup(Conversion.BodyCleanup.LoadPatterns(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, file.Disclaimers)));
        return (settings, cleanup);
    }
}
