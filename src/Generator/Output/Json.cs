using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
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

/// <summary>
/// Writes a string as the serializer writes it with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, byte for
/// byte, but for long HTML faster: a body's HTML has a quote or a line end every few dozen characters, and the encoder
/// starts its search again after each (at 10,000 posts, 3% of a build's CPU escaping the API's bodies). Printable ASCII,
/// quotes, backslashes and line ends are written here; every other character is left to the encoder itself.
/// </summary>
internal sealed class HtmlStringConverter : JsonConverter<string>
{
    /// <summary>The printable ASCII characters, ' ' to '~'.</summary>
    private static readonly string PrintableAscii = string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c));

    /// <summary>What the relaxed encoder leaves as it is, of ASCII: the printable characters but '"' and '\'.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(PrintableAscii.Replace("\"", "").Replace("\\", ""));

    /// <summary>What is written here: the plain characters and the three escaped most ('"', '\', line feed).</summary>
    private static readonly SearchValues<char> Handled = SearchValues.Create(PrintableAscii + "\n");

    [ThreadStatic]
    private static byte[]? t_bytes;

    [ThreadStatic]
    private static char[]? t_escaped;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (options.Encoder != JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
        {
            writer.WriteStringValue(value);
            return;
        }
        // An escaped character takes at most 6 bytes (\uXXXX; a surrogate pair's 12 are two characters').
        var bytes = t_bytes is { } kept && kept.Length >= value.Length * 6L + 2 ? kept : t_bytes = new byte[value.Length * 6 + 2];
        var length = 0;
        bytes[length++] = (byte)'"';
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAnyExcept(Plain) is var end and >= 0 ? end : rest.Length;
            length += Encoding.ASCII.GetBytes(rest[..plain], bytes.AsSpan(length));
            rest = rest[plain..];
            if (rest.IsEmpty) break;
            if (rest[0] is '"' or '\\' or '\n')
            {
                bytes[length++] = (byte)'\\';
                bytes[length++] = rest[0] == '\n' ? (byte)'n' : (byte)rest[0];
                rest = rest[1..];
                continue;
            }
            var others = rest.IndexOfAny(Handled) is var next and >= 0 ? next : rest.Length;
            var escaped = t_escaped is { } buffer && buffer.Length >= others * 6 ? buffer : t_escaped = new char[Math.Max(others * 6, 256)];
            options.Encoder.Encode(rest[..others], escaped, out _, out var written, isFinalBlock: true);
            length += Encoding.UTF8.GetBytes(escaped.AsSpan(0, written), bytes.AsSpan(length));
            rest = rest[others..];
        }
        bytes[length++] = (byte)'"';
        writer.WriteRawValue(bytes.AsSpan(0, length), skipInputValidation: true);
    }
}
