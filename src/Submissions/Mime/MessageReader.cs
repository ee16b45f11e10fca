using MimeKit;

namespace PPNBlog.Submissions.Mime;

/// <summary>Reads messages from a file or standard input: one .eml message, or every message of an mbox file.</summary>
public static class MessageReader
{
    /// <summary>The most read from one file or standard input (256 MiB): a runaway input is refused, not buffered.</summary>
    public const long MaxInputBytes = 256L * 1024 * 1024;

    /// <summary>Reads all messages in <paramref name="stream"/>; an mbox (starting "From ") may hold several.</summary>
    /// <returns>Each message with its size in bytes, or the reason it could not be parsed.</returns>
    public static IEnumerable<(MimeMessage? Message, long Size, string? Problem)> ReadAll(Stream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxInputBytes)
                return [(null, buffer.Length, $"the input is larger than {MaxInputBytes / 1024 / 1024} MB, more than any mailbox export this command reads")];
        }
        var bytes = buffer.ToArray();
        var isMbox = bytes.AsSpan().StartsWith("From "u8);
        var results = new List<(MimeMessage?, long, string?)>();
        try
        {
            var parser = new MimeParser(new MemoryStream(bytes), isMbox ? MimeFormat.Mbox : MimeFormat.Entity);
            if (!isMbox)
            {
                results.Add((parser.ParseMessage(), bytes.Length, null));
                return results;
            }
            while (!parser.IsEndOfStream)
            {
                var start = parser.Position;
                var message = parser.ParseMessage();
                results.Add((message, parser.Position - start, null));
            }
        }
        catch (FormatException e)
        {
            results.Add((null, bytes.Length, $"the email could not be read ({e.Message})"));
        }
        return results;
    }
}
