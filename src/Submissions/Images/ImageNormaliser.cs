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
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            problem = "could not be decoded";
            return null;
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var sized = scale < 1.0 ? upright.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) : null;
        using var image = SKImage.FromBitmap(sized ?? upright);
        // A GIF becomes a PNG (its first frame); JPEG and WebP keep their kind.
        var (format, extension, quality) = kind switch
        {
            "jpg" => (SKEncodedImageFormat.Jpeg, "jpg", 85),
            "webp" => (SKEncodedImageFormat.Webp, "webp", 85),
            _ => (SKEncodedImageFormat.Png, "png", 100),
        };
        using var data = image.Encode(format, quality);
        if (data is null)
        {
            problem = "could not be re-encoded";
            return null;
        }
        return new NormalisedImage(data.ToArray(), extension, image.Width, image.Height);
    }

    /// <summary>Applies the orientation a camera recorded in EXIF, so the published image stands the right way up.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        var swap = degrees is 90 or 270;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
