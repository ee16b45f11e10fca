using System.Text;
using System.Text.Json;
using PPNBlog.Generator.Output;

namespace PPNBlog.Generator.Tests.Output;

/// <summary>The API's and JSON feed's HTML strings are escaped by hand, to the serializer's bytes exactly.</summary>
public sealed class HtmlStringConverterTests
{
    /// <summary>What the converter writes of <paramref name="value"/> with the site's settings.</summary>
    private static string Written(string value)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Json.WriterOptions(Json.Options)))
            new HtmlStringConverter().Write(writer, value, Json.Options);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>What the serializer itself writes of <paramref name="value"/>.</summary>
    private static string Serialized(string value) => JsonSerializer.Serialize(value, Json.Site.String);

    [Fact]
    public void Every_character_alone_and_between_others_is_written_as_the_serializer_writes_it()
    {
        // Every UTF-16 code unit, surrogates alone included, by itself and amid text and escapes.
        var differing = Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .SelectMany(c => new[] { c.ToString(), $"a\"{c}\n<p class=\"x\">{c}{c}é\\" })
            .Where(value => Written(value) != Serialized(value)).Take(5).ToList();
        Assert.Empty(differing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<p class=\"lead\">Tea &amp; “talk”,\r\n\tand a tab – 😀 🧠 and \u2028 and \\d+</p>\n")]
    [InlineData("\uD83D")]
    [InlineData("x\uD83Dy\uDE00z\uDE00\uD83D")]
    [InlineData("\u0000\u001F\u007F\u0085\uFEFF\uFFFE\uFFFF")]
    public void Text_as_a_body_holds_it_is_written_as_the_serializer_writes_it(string value) => Assert.Equal(Serialized(value), Written(value));

    [Fact]
    public void A_long_body_after_a_short_one_and_a_short_one_after_a_long_one_are_each_whole()
    {
        var longBody = string.Concat(Enumerable.Repeat("<p class=\"x\">Text &amp; more\r\n</p>\u2028é😀\\", 5_000));
        foreach (var value in new[] { "<p>short</p>", longBody, "<p>short</p>" })
            Assert.Equal(Serialized(value), Written(value));
    }

    [Fact]
    public void The_apis_post_file_holds_its_body_as_the_serializer_writes_it()
    {
        var body = "<h2 id=\"a\">A “heading”</h2>\n<p>Line\\one\ttab é 😀</p>\n";
        var post = new ApiWriter.PostDetail("slug", "Title", "2026-05-14", "A. Writer", ["put-people-first"], "blog", "Summary",
            "https://example.org/posts/slug/", null, [], null, 1, null, null, body);
        var json = JsonSerializer.Serialize(post, Json.Site.PostDetail);
        Assert.Contains("\n  \"content_html\": " + Serialized(body) + "\n}", json);
        Assert.Equal(body, JsonDocument.Parse(json).RootElement.GetProperty("content_html").GetString());
    }
}
