using PPNBlog.Content.Sources;
using SkiaSharp;

namespace PPNBlog.Submissions.Images;

/// <summary>An image re-encoded for publishing.</summary>
/// <param name="Bytes">The encoded image, with no metadata (EXIF, GPS) carried over.</param>
/// <param name="Extension">"png", "jpg" or "webp".</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record NormalisedImage(byte[] Bytes, string Extension, int Width, int Height);

/// <summary>
/// Re-encodes emailed images with SkiaSharp: the type is sniffed from the bytes (never the file name or MIME type),
/// the camera's orientation is applied, the image is scaled to fit the size limit, and it is encoded afresh, which
/// drops EXIF and GPS metadata.
/// </summary>
public static class ImageNormaliser
{
    /// <summary>Images with more pixels than this (50 megapixels) are refused: decoding them is a memory bomb.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The image type by its first bytes: png, jpg, gif or webp; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "png",
        [0xFF, 0xD8, 0xFF, ..] => "jpg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "webp",
        _ => null,
    };

    /// <summary>
    /// What a picture in a format web browsers cannot show is (as the end of a sentence naming it), by its first bytes:
    /// HEIC/HEIF, which iPhones save, and TIFF. Null for anything else.
    /// </summary>
    public static string? UnshowablePicture(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. var brand] when brand.Length >= 4 && IsHeifBrand(brand[..4]) =>
            "is an iPhone photo (HEIC), which web browsers cannot show",
        [(byte)'I', (byte)'I', 42, 0, ..] or [(byte)'M', (byte)'M', 0, 42, ..] => "is a TIFF picture, which web browsers cannot show",
        _ => null,
    };

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8)
        || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);

    /// <summary>Re-encodes <paramref name="bytes"/>; null (with a reason) when it is not a readable png, jpeg, gif or webp.</summary>
    public static NormalisedImage? Normalise(byte[] bytes, int maxSide, out string problem)
    {
        problem = "";
        var kind = Sniff(bytes);
        if (kind is null)
        {
            problem = UnshowablePicture(bytes) ?? "is not a PNG, JPEG, GIF or WebP image";
            return null;
        }
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            problem = codec is null ? "could not be decoded" : "is too large in pixels";
            return null;
        }
        using var decoded = Decode(codec, out problem);
        if (decoded is null) return null;
        using var upright = Orient(decoded, codec.EncodedOrigin);
        // A GIF becomes a PNG (its first frame); JPEG and WebP keep their kind.
        var (format, quality) = kind switch
        {
            "jpg" => (SKEncodedImageFormat.Jpeg, 85),
            "webp" => (SKEncodedImageFormat.Webp, 85),
            _ => (SKEncodedImageFormat.Png, 100),
        };
        var resized = new List<SKBitmap>();
        try
        {
            var bitmap = Fit(upright, maxSide, resized);
            var data = Encode(bitmap, format, quality);
            // A photo pasted in as PNG is many megabytes, which every reader would download (HeavyImages): one with nothing
            // see-through becomes a JPEG; then a picture still too heavy is made smaller, down to 1,200 pixels at most.
            if (data is not null && data.Length > HeavyImages.MaxBytes && format == SKEncodedImageFormat.Png && IsOpaque(bitmap))
                (format, quality, data) = (SKEncodedImageFormat.Jpeg, 85, Encode(bitmap, SKEncodedImageFormat.Jpeg, 85));
            foreach (var side in LighterSides)
            {
                if (data is null || data.Length <= HeavyImages.MaxBytes) break;
                if (side >= Math.Max(bitmap.Width, bitmap.Height)) continue;
                bitmap = Fit(bitmap, side, resized);
                data = Encode(bitmap, format, Math.Min(quality, 80));
            }
            if (data is null)
            {
                problem = "could not be re-encoded";
                return null;
            }
            var extension = format switch { SKEncodedImageFormat.Jpeg => "jpg", SKEncodedImageFormat.Webp => "webp", _ => "png" };
            return new NormalisedImage(data, extension, bitmap.Width, bitmap.Height);
        }
        finally
        {
            foreach (var bitmap in resized) bitmap.Dispose();
        }
    }

    /// <summary>
    /// All of <paramref name="codec"/>'s pixels, or null (with why). A picture cut short or damaged part-way decodes
    /// without error, the rest of it blank or grey (SKBitmap.Decode accepts that): it is left out, not published so.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, out string problem)
    {
        problem = "";
        var info = codec.Info.AlphaType == SKAlphaType.Unpremul ? codec.Info.WithAlphaType(SKAlphaType.Premul) : codec.Info;
        var bitmap = new SKBitmap(info);
        var result = bitmap.GetPixels() == IntPtr.Zero ? SKCodecResult.InternalError : codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        problem = result is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput
            ? "is damaged or cut short (only part of the picture could be read)"
            : "could not be decoded";
        return null;
    }

    /// <summary><paramref name="bitmap"/> scaled down to fit <paramref name="side"/> pixels a side (a new one kept in <paramref name="made"/> to dispose), or itself when it fits.</summary>
    private static SKBitmap Fit(SKBitmap bitmap, int side, List<SKBitmap> made)
    {
        var scale = (double)side / Math.Max(bitmap.Width, bitmap.Height);
        if (scale >= 1.0) return bitmap;
        var fitted = bitmap.Resize(new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale))),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        made.Add(fitted);
        return fitted;
    }

    /// <summary>The longest sides tried, in turn, for a picture still heavier than a page's picture should be.</summary>
    private static readonly int[] LighterSides = [1600, 1200];

    private static byte[]? Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data?.ToArray();
    }

    /// <summary>True when no pixel of <paramref name="bitmap"/> is see-through (a JPEG, which has no transparency, then shows it the same).</summary>
    private static bool IsOpaque(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque) return true;
        if (bitmap.ColorType is not (SKColorType.Rgba8888 or SKColorType.Bgra8888)) return false;
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
            if (pixels[i] != 255) return false;
        return true;
    }

    /// <summary>
    /// Applies the orientation a camera recorded in EXIF (all eight: the four turns, and the mirrored ones a front camera
    /// or an editing app writes), so the published image stands the right way up; and turns the colours of a picture with
    /// a wide-gamut profile (an iPhone's Display P3) into sRGB, which the profile-less published file is read as: drawn
    /// without converting, every such photo would look washed out.
    /// </summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (w, h) = ((float)bitmap.Width, (float)bitmap.Height);
        // Where each pixel (x, y) goes: x' = scaleX·x + skewX·y + transX, y' = skewY·x + scaleY·y + transY.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // No colour space (an untagged or sRGB picture) draws the pixels as they are, and the file stays untagged.
        var colours = bitmap.ColorSpace is { IsSrgb: false } ? SKColorSpace.CreateSrgb() : null;
        var result = new SKBitmap(new SKImageInfo(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height,
            SKImageInfo.PlatformColorType, SKAlphaType.Premul, colours));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
