using PPNBlog.Generator.Site;
using SkiaSharp;

namespace PPNBlog.Generator.Tests.Site;

public sealed class BrowserImagesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ppnblog-images-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("photo.png", SKEncodedImageFormat.Png)]
    [InlineData("photo.jpg", SKEncodedImageFormat.Jpeg)]
    [InlineData("photo.webp", SKEncodedImageFormat.Webp)]
    [InlineData("named-wrongly.jpg", SKEncodedImageFormat.Png)] // the bytes decide, not the name
    public void Pictures_browsers_show_are_accepted(string name, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(4, 3);
        bitmap.Erase(SKColors.SeaGreen);
        using var data = bitmap.Encode(format, 90);
        Assert.True(BrowserImages.CanShow(Write(name, data.ToArray())));
    }

    [Theory]
    [InlineData("anim.gif", "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000\u0000\u0000\u0000\u00ff\u00ff\u00ff!\u00f9\u0004\u0001\u0000\u0000\u0000\u0000,\u0000\u0000\u0000\u0000\u0001\u0000\u0001\u0000\u0000\u0002\u0002D\u0001\u0000;", true)]
    [InlineData("diagram.svg", /* a UTF-8 byte-order mark first */ "\u00ef\u00bb\u00bf\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>", true)]
    [InlineData("modern.avif", "\u0000\u0000\u0000\u001cftypavif\u0000\u0000\u0000\u0000avifmif1miaf", true)]
    [InlineData("iphone.heic", "\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic", false)]
    [InlineData("scan.tif", "II*\u0000\u0008\u0000\u0000\u0000", false)]
    [InlineData("report.png", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", false)]
    [InlineData("notes.svg", "Not a drawing at all", false)]
    [InlineData("empty.jpg", "", false)]
    public void Formats_are_told_apart_by_their_bytes(string name, string bytes, bool shown) =>
        Assert.Equal(shown, BrowserImages.CanShow(Write(name, System.Text.Encoding.Latin1.GetBytes(bytes))));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
