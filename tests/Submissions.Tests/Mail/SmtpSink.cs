using System.Diagnostics;
using MimeKit;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary>
/// A real SMTP server on a loopback port (Debian python3-aiosmtpd) that files every message it receives in a
/// maildir, which the tests read. Fails loudly when aiosmtpd is not installed.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _maildir;
    private readonly Process _process;

    private SmtpSink(string maildir, Process process, int port)
    {
        _maildir = maildir;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var maildir = Path.Combine(Path.GetTempPath(), "ppnblog-smtp-" + Guid.NewGuid().ToString("N")[..12]);
        var port = Loopback.FreePort();
        var process = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
            { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not start python3");
        var sink = new SmtpSink(maildir, process, port);
        if (await Loopback.Listening(port, process)) return sink;
        var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "it did not listen";
        await sink.DisposeAsync();
        throw new InvalidOperationException($"the SMTP sink (python3-aiosmtpd; run ./test.sh as root, or apt-get install python3-aiosmtpd) did not start: {error}");
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Received =>
        new[] { "new", "cur" }.Select(d => Path.Combine(_maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
