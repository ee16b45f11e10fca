using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary>
/// A private Dovecot IMAP server (Debian dovecot-imapd) on a loopback port, with its own configuration, passwd-file
/// user and maildir under a temporary folder. Fails loudly when Dovecot is not installed.
/// </summary>
public sealed class Dovecot : IAsyncDisposable
{
    public const string User = "blog";

    private readonly string _root;
    private readonly Process _process;

    private Dovecot(string root, Process process, int port, string password)
    {
        _root = root;
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public static async Task<Dovecot> StartAsync()
    {
        const string binary = "/usr/sbin/dovecot";
        if (!File.Exists(binary)) throw new InvalidOperationException("Dovecot is not installed: run ./test.sh as root, or apt-get install dovecot-imapd");
        var root = Path.Combine(Path.GetTempPath(), "ppnblog-dovecot-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var folder in new[] { "run", "state", "mail" }) Directory.CreateDirectory(Path.Combine(root, folder));
        var password = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(root, "passwd"), $"{User}:{{PLAIN}}{password}\n");
        var port = Loopback.FreePort();
        var asRoot = Environment.UserName == "root";
        // Dovecot never gives mail access as root, so as root the mail belongs to nobody; otherwise to this user.
        var (uid, gid) = asRoot ? ("65534", "65534") : (Run("id", "-u"), Run("id", "-g"));
        if (asRoot) Run("chown", "-R", "65534:65534", Path.Combine(root, "mail"));
        var unprivileged = asRoot ? "" : $"default_internal_user = {Environment.UserName}\ndefault_login_user = {Environment.UserName}\nservice imap-login {{\n  chroot =\n}}\n";
        var config = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            log_path = {{root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 0
            mail_location = maildir:{{root}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root}}/passwd
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{root}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            {{unprivileged}}
            """);
        var process = Process.Start(new ProcessStartInfo(binary, ["-F", "-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var server = new Dovecot(root, process, port, password);
        if (await Loopback.Listening(port, process)) return server;
        var log = File.Exists(Path.Combine(root, "dovecot.log")) ? await File.ReadAllTextAsync(Path.Combine(root, "dovecot.log")) : "";
        await server.DisposeAsync();
        throw new InvalidOperationException($"Dovecot did not start on port {port}: {await process.StandardError.ReadToEndAsync()} {log}");
    }

    /// <summary>An authenticated IMAP session.</summary>
    public async Task<ImapClient> ConnectAsync(int? port = null)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", port ?? Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    /// <summary>Puts messages in the inbox, as delivery would.</summary>
    public async Task DeliverAsync(params IEnumerable<MimeMessage> messages)
    {
        using var client = await ConnectAsync();
        foreach (var message in messages) await client.Inbox.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>Puts <paramref name="message"/> in the inbox as received by the server at <paramref name="received"/>.</summary>
    public async Task DeliverAsync(MimeMessage message, DateTimeOffset received)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(new AppendRequest(message) { InternalDate = received });
        await client.DisconnectAsync(true);
    }

    private readonly Dictionary<(string Folder, string? MessageId), IReadOnlySet<string>> _keywords = [];

    /// <summary>The keywords a message had when its folder was last read with <see cref="MessagesIn"/>.</summary>
    public IReadOnlySet<string> KeywordsOf(string folderName, MimeMessage message) => _keywords[(folderName, message.MessageId)];

    /// <summary>The messages in a folder (none when it does not exist), with their flags.</summary>
    public async Task<IReadOnlyList<(MimeMessage Message, MessageFlags Flags)>> MessagesIn(string folderName)
    {
        using var client = await ConnectAsync();
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var result = new List<(MimeMessage, MessageFlags)>();
        foreach (var summary in await folder.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags)))
        {
            result.Add((await folder.GetMessageAsync(summary.UniqueId), summary.Flags ?? MessageFlags.None));
            _keywords[(folderName, result[^1].Item1.MessageId)] = summary.Keywords;
        }
        await client.DisconnectAsync(true);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
