using SkiaSharp;

namespace PPNBlog.Generator.Site;

/// <summary>Whether a picture beside a post is in a format every browser shows, by its bytes rather than its name.</summary>
public static class BrowserImages
{
    /// <summary>What SkiaSharp can read and every current browser shows (WBMP, which Skia also reads, no browser shows).</summary>
    private static readonly HashSet<SKEncodedImageFormat> Shown =
        [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Gif, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Bmp,
         SKEncodedImageFormat.Ico, SKEncodedImageFormat.Avif];

    /// <summary>
    /// True for PNG, JPEG, GIF, WebP, AVIF, BMP, ICO and SVG. False for HEIC (what iPhones save: only Safari shows it), TIFF,
    /// and anything else, such as a document renamed .jpg or a file cut short.
    /// </summary>
    public static bool CanShow(string file)
    {
        Span<byte> start = stackalloc byte[512];
        int read;
        using (var stream = File.OpenRead(file)) read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        start = start[..read];
        if (start.Length >= 12 && start[4..8].SequenceEqual("ftyp"u8))
            return start[8..12].SequenceEqual("avif"u8) || start[8..12].SequenceEqual("avis"u8);
        if (Path.GetExtension(file).Equals(".svg", StringComparison.OrdinalIgnoreCase))
            return System.Text.Encoding.UTF8.GetString(start).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');
        using var codec = SKCodec.Create(file);
        return codec is not null && Shown.Contains(codec.EncodedFormat);
    }
}
