using PPNBlog.Submissions.Privacy;

namespace PPNBlog.Submissions.Images;

/// <summary>Collects the images of one message under safe generated names (image-1.jpg, …), within the size limits.</summary>
public sealed class ImageCollector(SubmissionSettings settings)
{
    // Every part offered, keyed by the MIME part or by a string id for images inside a Word document: its file name, or
    // null when it was left out. A body can show one damaged picture hundreds of times; it is decoded and counted once.
    private readonly Dictionary<object, string?> _files = [];
    private readonly List<BundleImage> _saved = [];
    private long _totalBytes;

    /// <summary>The most pictures of one email read: twice what a post keeps, so damaged ones among them still leave room.</summary>
    private int MaxTries => 2 * settings.MaxImages;

    /// <summary>The images saved so far, in order.</summary>
    public IReadOnlyList<BundleImage> Saved => _saved;

    /// <summary>Pictures that could not be used (a format browsers cannot show, a damaged file), each with why: the contributor is told.</summary>
    public IReadOnlyList<string> LeftOut => _leftOut;

    private readonly List<string> _leftOut = [];

    /// <summary>Why the message must be rejected for its images, or null.</summary>
    public string? LimitReason { get; private set; }

    /// <summary>True when <paramref name="part"/> (a MIME part or a document image id) was offered already, saved or left out.</summary>
    public bool IsTried(object part) => _files.ContainsKey(part);

    /// <summary>The generated name <paramref name="part"/> was saved under, or null.</summary>
    public string? FileFor(object part) => _files.GetValueOrDefault(part);

    /// <summary>
    /// Re-encodes and keeps an image; returns its generated file name, or null (with a warning) when it is not usable.
    /// Offered again, a part gets the same answer, with no second warning.
    /// </summary>
    public string? Add(object part, byte[] bytes, string displayName, List<string> warnings)
    {
        if (_files.TryGetValue(part, out var known)) return known;
        return _files[part] = Save(bytes, displayName, warnings);
    }

    private string? Save(byte[] bytes, string displayName, List<string> warnings)
    {
        if (bytes.Length > settings.MaxImageBytes)
        {
            LimitReason = $"The image '{displayName}' is {SubmissionSettings.Readable(bytes.Length)}; the limit for one image is {SubmissionSettings.Readable(settings.MaxImageBytes)}. Please send a smaller version.";
            return null;
        }
        _totalBytes += bytes.Length;
        if (_totalBytes > settings.MaxTotalImageBytes)
        {
            LimitReason = $"The images add up to more than {SubmissionSettings.Readable(settings.MaxTotalImageBytes)}. Please send fewer or smaller photos.";
            return null;
        }
        if (_saved.Count >= settings.MaxImages)
        {
            warnings.Add($"'{PersonalDataScanner.NameOrType(displayName)}' was left out: a post keeps at most {settings.MaxImages} images.");
            return null;
        }
        // Pictures that could not be used count too: each damaged one is decoded for nothing, and 450 of them (7,000 pixels
        // a side, cut short, 37 KB each) in one email took a minute.
        if (_files.Count >= MaxTries)
        {
            warnings.Add($"'{PersonalDataScanner.NameOrType(displayName)}' was left out unread: the email holds more pictures than a post can use ({MaxTries} were tried).");
            _leftOut.Add($"'{displayName}' was not read: the email holds more pictures than a post can use");
            return null;
        }
        var image = ImageNormaliser.Normalise(bytes, settings.MaxImageSide, out var problem);
        if (image is null)
        {
            warnings.Add($"The attachment '{PersonalDataScanner.NameOrType(displayName)}' was left out: it {problem}.");
            _leftOut.Add($"'{displayName}' {problem}");
            return null;
        }
        var name = $"image-{_saved.Count + 1}.{image.Extension}";
        _saved.Add(new BundleImage(name, image.Bytes, null, image.Width, image.Height));
        return name;
    }

    /// <summary>Records the alt text the body gave an image.</summary>
    public void SetAlt(string fileName, string alt)
    {
        var index = _saved.FindIndex(i => i.FileName == fileName);
        if (index >= 0 && alt.Length > 0) _saved[index] = _saved[index] with { AltText = alt };
    }
}
