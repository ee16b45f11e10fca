using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PPNBlog.Generator.Output;

namespace PPNBlog.Generator.Tests.Output;

/// <summary>JSON files (the API, the JSON feed) are serialized into a buffer the writing thread reuses, file after file.</summary>
public sealed class SiteOutputJsonTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ppnblog-json-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ApiWriter.PostDetail Detail(string slug, string body) =>
        new(slug, "Quotes \"and\" <b>tags</b> – ünïcödé 🧠", "2026-05-14", "A. Writer", ["put-people-first"], "blog",
            "Line one\nline two\ttab \\ backslash\u0001", $"https://example.org/posts/{slug}/", null, ["Tag"], null, 3, null, null, body);

    [Fact]
    public void Each_file_holds_exactly_the_serializers_bytes_and_nothing_left_from_the_file_before_it()
    {
        var type = (JsonTypeInfo<ApiWriter.PostDetail>)Json.Options.GetTypeInfo(typeof(ApiWriter.PostDetail));
        // A long body first, then a short one: the second file must not carry the first one's tail.
        var longPost = Detail("long", string.Concat(Enumerable.Repeat("<p class=\"x\">Text &amp; more\r\n</p>\u2028é😀", 5_000)));
        var shortPost = Detail("short", "<p>short</p>");
        var site = Path.Combine(_root, "site");
        using (var output = StagedOutput.Begin(site, keepsHashes: false))
        {
            output.WriteJson("api/posts/long.json", longPost, type);
            output.WriteJson("api/posts/short.json", shortPost, type);
            output.Commit();
        }

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(longPost, type), File.ReadAllBytes(Path.Combine(site, "api/posts/long.json")));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(shortPost, type), File.ReadAllBytes(Path.Combine(site, "api/posts/short.json")));
        // The shared settings hold: indented, snake_case, nulls left out.
        var written = File.ReadAllText(Path.Combine(site, "api/posts/short.json"));
        Assert.Contains("\n  \"reading_minutes\": 3,", written);
        Assert.DoesNotContain("\"role\"", written);
    }
}
