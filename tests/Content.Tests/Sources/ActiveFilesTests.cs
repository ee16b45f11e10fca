using System.Runtime.InteropServices;
using System.Text;
using PPNBlog.Content.Sources;

namespace PPNBlog.Content.Tests.Sources;

public sealed class ActiveFilesTests : IDisposable
{
    private const string Scripted = "is an SVG picture holding a script, which would run when the picture is opened on its own";
    private const string Svg = "http://www.w3.org/2000/svg";

    private readonly string _folder = Directory.CreateTempSubdirectory("ppnblog-active-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData($"<svg xmlns=\"{Svg}\"><script>alert(1)</script></svg>")]
    // A prefix of the browser's own choosing: the element is still SVG's script (each of these ran in Chromium).
    [InlineData($"<svg xmlns=\"{Svg}\" xmlns:s=\"{Svg}\"><s:script>alert(1)</s:script></svg>")]
    [InlineData($"<svg xmlns=\"{Svg}\"><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>")]
    [InlineData($"<svg xmlns=\"{Svg}\" onload=\"alert(1)\"/>")]
    [InlineData($"<svg xmlns=\"{Svg}\" xmlns:x=\"http://www.w3.org/1999/xlink\"><a x:href=\"java&#x09;script:alert(1)\"><rect/></a></svg>")]
    [InlineData($"<svg xmlns=\"{Svg}\"><set attributeName=\"href\" to=\"JavaScript:alert(1)\"/></svg>")]
    [InlineData($"<svg xmlns=\"{Svg}\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">page</div></foreignObject></svg>")]
    // XSLT run by the browser can write a script element no file holds.
    [InlineData($"<?xml-stylesheet type=\"text/xsl\" href=\"a.svg\"?><svg xmlns=\"{Svg}\"><rect/></svg>")]
    // Entities declared in the file could spell any of the above.
    [InlineData($"<!DOCTYPE svg [<!ENTITY s \"script\">]><svg xmlns=\"{Svg}\"><rect/></svg>")]
    public void An_svg_that_would_run_script_is_refused(string svg) => Assert.Equal(Scripted, ActiveFiles.Why(Write("a.svg", Encoding.UTF8.GetBytes(svg))));

    [Fact]
    public void Script_in_an_svg_saved_as_UTF_16_without_a_byte_order_mark_is_not_missed()
    {
        var why = ActiveFiles.Why(Write("u16.svg", Encoding.Unicode.GetBytes($"<svg xmlns=\"{Svg}\"><script>alert(1)</script></svg>")));
        Assert.NotNull(why);
    }

    [Theory]
    [InlineData($"<svg xmlns=\"{Svg}\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>")]
    // Illustrator's export: an external DTD named, not fetched.
    [InlineData($"<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"{Svg}\"><a href=\"https://example.org/\"><text>only a link</text></a></svg>")]
    public void A_plain_svg_is_published(string svg) => Assert.Null(ActiveFiles.Why(Write("plain.svg", Encoding.UTF8.GetBytes(svg))));

    [Fact]
    public void An_svg_that_is_not_well_formed_is_refused_as_unchecked() =>
        Assert.Equal("is not a well-formed SVG picture (a browser would show nothing), so it cannot be checked for scripts",
            ActiveFiles.Why(Write("broken.svg", "<svg><g></svg>"u8.ToArray())));

    [Theory]
    [InlineData("feed.rdf")]
    [InlineData("page.xhtml")]
    [InlineData("notes.atom")]
    public void Xml_a_browser_would_open_as_a_page_is_refused(string name) =>
        Assert.StartsWith("is a web page or script", ActiveFiles.Why(Write(name, "<x/>"u8.ToArray())));

    // Kinds no list of scripts names: Debian's mime.types has a server send .xhtm as XHTML, the dev server .hxt as HTML and
    // .dtd as XML, and each ran its script in Chromium; a file with no extension is sent as whatever the server guesses.
    [Theory]
    [InlineData("handout.xhtm")]
    [InlineData("h.hxt")]
    [InlineData("h.dtd")]
    [InlineData("h.ent")]
    [InlineData("places.kml")]
    [InlineData("README")]
    [InlineData("picture.svgz")]
    public void Kinds_of_file_not_known_to_be_shown_or_downloaded_are_refused(string name) =>
        Assert.Matches("^is (a kind of file this site does not publish|a compressed SVG picture)", ActiveFiles.Why(Write(name, "<x/>"u8.ToArray())));

    [Theory]
    [InlineData("report.pdf")]
    [InlineData("Slides.PPTX")]
    [InlineData("talk.mp4")]
    [InlineData("talk.vtt")]
    [InlineData("photo.JPEG")]
    public void Documents_pictures_and_media_are_published(string name) => Assert.Null(ActiveFiles.Why(Write(name, "content"u8.ToArray())));

    [Fact]
    public void A_named_pipe_is_refused_without_being_opened()
    {
        // Opening a pipe for reading waits for a writer that never comes: the build would hang.
        var pipe = Path.Combine(_folder, "photo.svg");
        Assert.Equal(0, mkfifo(pipe, 0b110_100_100));
        Assert.Equal("is empty, or not an ordinary file: there is nothing to publish", ActiveFiles.Why(pipe));
        Assert.Equal("is empty, or not an ordinary file: there is nothing to publish", ActiveFiles.Why(Write("empty.png", [])));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
