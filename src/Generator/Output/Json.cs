using System.Text.Json;
using System.Text.Json.Serialization;
using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Output;

/// <summary>The JSON settings of everything the site publishes as JSON: snake_case, indented, nulls left out.</summary>
public static class Json
{
    /// <summary>The site's JSON types, with the shared settings.</summary>
    internal static readonly SiteJsonContext Site = new(NewOptions());

    /// <summary>The shared options, bound to the site's JSON types.</summary>
    public static JsonSerializerOptions Options => Site.Options;

    /// <summary>
    /// A fresh copy of the shared settings, for a <see cref="JsonSerializerContext"/> to bind its types to (an options
    /// instance serves one context).
    /// </summary>
    public static JsonSerializerOptions NewOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The writer settings the serializer uses with <paramref name="options"/>, for JSON written by hand beside it, byte for byte alike.</summary>
    public static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder, Indented = options.WriteIndented, IndentCharacter = options.IndentCharacter, IndentSize = options.IndentSize,
        NewLine = options.NewLine, MaxDepth = options.MaxDepth,
    };
}

/// <summary>
/// The types the site writes as JSON, their serializers generated at compile time: no reflection at run time, so a
/// native (ahead-of-time compiled) ppnblog writes the same bytes.
/// </summary>
[JsonSerializable(typeof(ApiWriter.PostSummary))]
[JsonSerializable(typeof(ApiWriter.PostDetail))]
[JsonSerializable(typeof(ApiWriter.CommitmentIndex))]
[JsonSerializable(typeof(ApiWriter.CommitmentDetail))]
[JsonSerializable(typeof(ApiWriter.PageIndex))]
[JsonSerializable(typeof(ApiWriter.PageDetail))]
[JsonSerializable(typeof(FeedWriter.JsonFeed))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(string))]
internal sealed partial class SiteJsonContext : JsonSerializerContext;
