using PPNBlog.Submissions.Images;
using SkiaSharp;

namespace PPNBlog.Submissions.Tests.Images;

public class ImageNormaliserTests
{
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0, 94, 184));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A JPEG with an EXIF segment carrying a GPS tag and a camera model, inserted after the start marker.</summary>
    private static byte[] JpegWithExif()
    {
        var jpeg = Encode(64, 48, SKEncodedImageFormat.Jpeg);
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, .. "GPS 51.5N 0.1W Camera"u8];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    [Fact]
    public void Exif_and_gps_metadata_are_stripped()
    {
        var input = JpegWithExif();
        Assert.Contains("GPS 51.5N", System.Text.Encoding.ASCII.GetString(input));

        var output = ImageNormaliser.Normalise(input, 2000, out var problem);

        Assert.NotNull(output);
        Assert.Equal("jpg", output.Extension);
        var text = System.Text.Encoding.ASCII.GetString(output.Bytes);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("GPS 51.5N", text);
        Assert.Equal((64, 48), (output.Width, output.Height));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 60)]
    [InlineData(SKEncodedImageFormat.Jpeg, 3)]
    [InlineData(SKEncodedImageFormat.Webp, 2)]
    public void A_picture_cut_short_is_left_out_with_why_not_published_part_blank(SKEncodedImageFormat format, int keep)
    {
        using var bitmap = new SKBitmap(400, 300);
        // Noise, so that the encoded picture is long enough to cut and every part of it differs.
        var random = new Random(11);
        for (var y = 0; y < 300; y++)
            for (var x = 0; x < 400; x++) bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var image = SKImage.FromBitmap(bitmap);
        var whole = image.Encode(format, 90).ToArray();
        // The PNG cut after its first 60 bytes (the header and a little more), the others to a fraction.
        var cut = format == SKEncodedImageFormat.Png ? whole[..keep] : whole[..(whole.Length / keep)];

        Assert.NotNull(ImageNormaliser.Normalise(whole, 2000, out _));
        Assert.Null(ImageNormaliser.Normalise(cut, 2000, out var problem));
        Assert.Equal("is damaged or cut short (only part of the picture could be read)", problem);
    }

    [Fact]
    public void Large_images_are_resized_to_2000_pixels()
    {
        var output = ImageNormaliser.Normalise(Encode(3000, 1500, SKEncodedImageFormat.Png), 2000, out _)!;
        Assert.Equal((2000, 1000), (output.Width, output.Height));
        using var decoded = SKBitmap.Decode(output.Bytes);
        Assert.Equal(2000, decoded.Width);
    }

    /// <summary>A photo-like picture (gradients with grain, which compresses as photos do) of the given size, as PNG.</summary>
    private static byte[] PhotoPng(int width, int height, bool seeThrough = false, int grain = 24)
    {
        var random = new Random(11);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, seeThrough ? SKAlphaType.Unpremul : SKAlphaType.Premul);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                pixels[i] = (byte)(x * 255 / width + random.Next(grain));
                pixels[i + 1] = (byte)(y * 255 / height + random.Next(grain));
                pixels[i + 2] = (byte)((x + y) % 256);
                pixels[i + 3] = (byte)(seeThrough && x < width / 4 ? 0 : 255);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public void A_photo_pasted_in_as_a_heavy_png_becomes_a_jpeg_light_enough_for_a_page()
    {
        var input = PhotoPng(1800, 1200);
        Assert.True(input.Length > PPNBlog.Content.Sources.HeavyImages.MaxBytes, $"the test photo is only {input.Length} bytes");

        var output = ImageNormaliser.Normalise(input, 2000, out _)!;

        Assert.Equal("jpg", output.Extension);
        Assert.Equal("jpg", ImageNormaliser.Sniff(output.Bytes));
        Assert.True(output.Bytes.Length <= PPNBlog.Content.Sources.HeavyImages.MaxBytes, $"{output.Bytes.Length} bytes");
        Assert.Equal((1800, 1200), (output.Width, output.Height));
    }

    [Fact]
    public void A_heavy_picture_with_see_through_parts_stays_a_png_and_is_made_smaller_until_it_is_light_enough()
    {
        var input = PhotoPng(1900, 1300, seeThrough: true, grain: 8);
        Assert.True(input.Length > PPNBlog.Content.Sources.HeavyImages.MaxBytes, $"the test picture is only {input.Length} bytes");

        var output = ImageNormaliser.Normalise(input, 2000, out _)!;

        Assert.Equal("png", output.Extension);
        Assert.True(output.Bytes.Length <= PPNBlog.Content.Sources.HeavyImages.MaxBytes, $"{output.Bytes.Length} bytes");
        Assert.True(output.Width < 1900);
        using var decoded = SKBitmap.Decode(output.Bytes);
        Assert.Equal((output.Width, output.Height), (decoded.Width, decoded.Height));
        Assert.Equal(0, decoded.GetPixel(2, 2).Alpha);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public void The_type_comes_from_the_bytes(SKEncodedImageFormat format, string extension)
    {
        var bytes = Encode(20, 10, format);
        Assert.Equal(extension, ImageNormaliser.Sniff(bytes));
        Assert.Equal(extension, ImageNormaliser.Normalise(bytes, 2000, out _)!.Extension);
    }

    [Fact]
    public void Non_images_and_truncated_images_are_refused_with_a_reason()
    {
        Assert.Null(ImageNormaliser.Normalise("MZ\u0090 not an image"u8.ToArray(), 2000, out var problem));
        Assert.Contains("not a PNG", problem);
        Assert.Null(ImageNormaliser.Normalise([.. Encode(20, 10, SKEncodedImageFormat.Png)[..30]], 2000, out problem));
        Assert.NotEmpty(problem);
    }

    /// <summary>A 64 × 32 JPEG, red in its top-left corner and green in its top-right, whose EXIF says it was taken at <paramref name="orientation"/>.</summary>
    private static byte[] JpegAt(int orientation)
    {
        using var bitmap = new SKBitmap(64, 32);
        bitmap.Erase(SKColors.Blue);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.DrawRect(0, 0, 16, 16, new SKPaint { Color = SKColors.Red });
            canvas.DrawRect(48, 0, 16, 16, new SKPaint { Color = SKColors.Lime });
        }
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
        // TIFF, big-endian, one IFD entry: Orientation (0x0112), SHORT, 1 value.
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }

    // Where the red and the green corners are seen once the picture stands as EXIF says (as Pillow's exif_transpose
    // and browsers show it): the turns, and the mirror images a front camera or an editing app records.
    [Theory]
    [InlineData(1, 64, 32, 8, 8, 56, 8)]
    [InlineData(2, 64, 32, 56, 8, 8, 8)]
    [InlineData(3, 64, 32, 56, 24, 8, 24)]
    [InlineData(4, 64, 32, 8, 24, 56, 24)]
    [InlineData(5, 32, 64, 8, 8, 8, 56)]
    [InlineData(6, 32, 64, 24, 8, 24, 56)]
    [InlineData(7, 32, 64, 24, 56, 24, 8)]
    [InlineData(8, 32, 64, 8, 56, 8, 8)]
    public void Every_exif_orientation_is_applied(int orientation, int width, int height, int redX, int redY, int greenX, int greenY)
    {
        var output = ImageNormaliser.Normalise(JpegAt(orientation), 2000, out _)!;

        using var decoded = SKBitmap.Decode(output.Bytes);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        var (red, green) = (decoded.GetPixel(redX, redY), decoded.GetPixel(greenX, greenY));
        Assert.True(red.Red > 200 && red.Green < 60 && red.Blue < 60, $"red corner at ({redX}, {redY}) is {red}");
        Assert.True(green.Green > 200 && green.Red < 60 && green.Blue < 60, $"green corner at ({greenX}, {greenY}) is {green}");
    }

    [Fact]
    public void A_wide_gamut_photo_is_converted_to_srgb_not_shown_washed_out()
    {
        // An iPhone photo's colours are Display P3: this green is beyond what sRGB can show, so in sRGB it has no red left.
        using var p3 = SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3);
        using var bitmap = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Premul, p3));
        // The pixels' own values, in P3 (Erase would take the colour as sRGB and convert it).
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4) (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (40, 200, 60, 255);
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
        using (var codec = SKCodec.Create(new SKMemoryStream(jpeg)))
            Assert.False(codec.Info.ColorSpace!.IsSrgb, "the test picture carries its Display P3 profile");

        var output = ImageNormaliser.Normalise(jpeg, 2000, out _)!;

        using var decoded = SKBitmap.Decode(output.Bytes);
        var pixel = decoded.GetPixel(16, 16);
        Assert.True(pixel.Red < 15 && pixel.Green > 195, $"the green is {pixel}, not converted from Display P3 to sRGB");
    }
}
