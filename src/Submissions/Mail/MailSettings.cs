using MailKit.Security;

namespace PPNBlog.Submissions.Mail;

/// <summary>The shared mailbox: where submissions arrive (IMAP) and how replies leave (SMTP). The password is not here.</summary>
/// <param name="ImapHost">IMAP server.</param>
/// <param name="ImapPort">IMAP port.</param>
/// <param name="SmtpHost">SMTP server.</param>
/// <param name="SmtpPort">SMTP port.</param>
/// <param name="Security">TLS (see <see cref="SecurityFor"/>), STARTTLS, or none (a server on this machine only).</param>
/// <param name="Username">The mailbox's user name, for IMAP and SMTP.</param>
/// <param name="FromAddress">The address replies come from.</param>
/// <param name="FromName">The name replies come from.</param>
/// <param name="Inbox">Folder of new submissions.</param>
/// <param name="Processed">Folder of submissions that became pull requests.</param>
/// <param name="Rejected">Folder of rejected messages.</param>
/// <param name="PollInterval">Time between passes when polling continuously.</param>
/// <param name="Held">Folder of messages for a person: ones the bot failed on twice, and meeting invitations (an issue tells the editors).</param>
public sealed record MailSettings(
    string ImapHost, int ImapPort, string SmtpHost, int SmtpPort, SecureSocketOptions Security,
    string Username, string FromAddress, string FromName, string Inbox, string Processed, string Rejected, TimeSpan? PollInterval = null,
    string Held = "Held")
{
    /// <summary>The environment variable holding the mailbox password.</summary>
    public const string PasswordVariable = "PPNBLOG_MAIL_PASSWORD";

    /// <summary>
    /// How to secure the connection to <paramref name="port"/>. "tls" is TLS from the first byte on the ports made for it
    /// (993, 465) and required STARTTLS on the others (587, 143): one setting serves both servers, as a mail provider
    /// has them (IMAP on 993, SMTP on 587).
    /// </summary>
    public SecureSocketOptions SecurityFor(int port) =>
        Security == SecureSocketOptions.SslOnConnect && port is not (993 or 465) ? SecureSocketOptions.StartTls : Security;

    /// <summary>Reads the <c>security</c> setting.</summary>
    /// <exception cref="InvalidDataException">Not one of tls, starttls, none.</exception>
    public static SecureSocketOptions ParseSecurity(string value) => value.Trim().ToLowerInvariant() switch
    {
        "tls" or "ssl" => SecureSocketOptions.SslOnConnect,
        "starttls" => SecureSocketOptions.StartTls,
        "none" => SecureSocketOptions.None,
        _ => throw new InvalidDataException($"mail.security is '{value}'; use tls (TLS on 993/465, STARTTLS on 587/143), starttls or none (a server on this machine)"),
    };
}
