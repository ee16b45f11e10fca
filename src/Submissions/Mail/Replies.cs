using System.Text;
using MimeKit;
using PPNBlog.Content.Text;

namespace PPNBlog.Submissions.Mail;

/// <summary>
/// The emails a contributor gets: an acknowledgement, a rejection with its reasons, a note that a revision or
/// withdrawal was done, and the editors' decision: the news that the post is live, or that it will not be published.
/// Replies go to the From address only (never Reply-To, which a forger could point at anyone), thread under the
/// original, and are marked automatic (RFC 3834) so that auto-responders do not answer them.
/// <para>
/// A sender the receiving server did not authenticate may have written someone else's address: the reply then repeats
/// nothing of theirs (subject, name, title), so the bot cannot be made to send a stranger a forger's words ("Re: your
/// password expires: renew at …") from the network's address.
/// </para>
/// </summary>
/// <param name="mail">The bot's mailbox settings.</param>
/// <param name="quotesSender">Whether a reply to a message may repeat its words: true when its sender was authenticated.</param>
public sealed class Replies(MailSettings mail, Func<MimeMessage, bool> quotesSender)
{
    /// <summary>The Message-ID of the acknowledgement for a submission key: replies to it carry the key back.</summary>
    public string AcknowledgementId(string key) => $"{AcknowledgementPrefix}{key}@{Domain}";

    private const string AcknowledgementPrefix = "ack.";

    /// <summary>True when <paramref name="reply"/> is an acknowledgement (its id is an <see cref="AcknowledgementId"/>).</summary>
    public bool IsAcknowledgement(MimeMessage reply) => reply.MessageId is { } id && AcknowledgedKey(id) is not null;

    /// <summary>The submission key a reply refers to (from In-Reply-To or References), or null when it replies to none of ours.</summary>
    public string? KeyRepliedTo(MimeMessage message) =>
        message.References.Prepend(message.InReplyTo ?? "").Select(AcknowledgedKey).FirstOrDefault(key => key is not null);

    /// <summary>The submission key of an acknowledgement's Message-ID, or null when <paramref name="id"/> is none.</summary>
    private string? AcknowledgedKey(string id)
    {
        var suffix = "@" + Domain;
        if (!id.StartsWith(AcknowledgementPrefix, StringComparison.Ordinal) || !id.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var key = id[AcknowledgementPrefix.Length..^suffix.Length];
        return key.Length == 20 && key.All(char.IsAsciiHexDigitLower) ? key : null;
    }

    /// <summary>True when <paramref name="message"/> replies to one of the bot's own emails (an acknowledgement, a "your post is live").</summary>
    public bool RepliesToUs(MimeMessage message) => message.InReplyTo?.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Whether to answer <paramref name="message"/> at all: not a machine's message (bounce, auto-reply, mailing
    /// list, newsletter), not our own, and with a sender to answer. Unanswered messages are still filed, never dropped.
    /// </summary>
    public bool ShouldAnswer(MimeMessage message) =>
        SubmissionConverter.MachineReason(message) is null
        && !message.Headers.Contains(HeaderId.ListId) && !message.Headers.Contains(HeaderId.ListUnsubscribe)
        && (message.Headers[HeaderId.Precedence] ?? "").Trim().ToLowerInvariant() is not ("bulk" or "list" or "junk")
        && Sender(message) is { } sender
        && !sender.Address.Equals(mail.FromAddress, StringComparison.OrdinalIgnoreCase);

    /// <summary>Thanks the contributor and says what happens next.</summary>
    public MimeMessage Acknowledgement(MimeMessage original, ConvertedPost post) => Reply(original, AcknowledgementId(post.IdempotencyKey),
        [$"Thank you for your blog post{Titled(original, ", ", post.FrontMatter.Title)}. It has reached the Psychological Professions Network's communications team, who will review it before it is published.",
        "",
        "What happens next:",
        "- An editor checks the post, its images and which of the Vision's commitments it relates to.",
        "- We will email you again when the post is live on the blog, with its link (or, if our editors decide not to publish it, to say so).",
        .. PicturesLeftOut(post),
        "",
        "To change the post, reply to this email with the whole post again (it replaces the version we have).",
        "To withdraw it, reply to this email with the single word WITHDRAW."]);

    /// <summary>Explains why the message could not become a post, and how to send it again.</summary>
    public MimeMessage Rejection(MimeMessage original, IReadOnlyList<string> reasons) => Reply(original, null,
        ["Thank you for writing to the Psychological Professions Network blog. We could not turn your email into a blog post, for this reason:", "",
         .. reasons.Select(r => "- " + r), "", "Nothing has been published. Once you have made the change, please send the post again as a new email."]);

    /// <summary>Confirms that a reply replaced the post under review.</summary>
    public MimeMessage Revised(MimeMessage original, ConvertedPost post) => Reply(original, null,
        [$"Thank you: your changes to {Titled(original, "", post.FrontMatter.Title, "your post")} have replaced the version our editors are reviewing. We will email you when the post is live.",
         .. PicturesLeftOut(post)]);

    /// <summary>Answers a short reply about a post under review ("Thanks!"): the post is unchanged, and how to change it.</summary>
    public MimeMessage StillUnderReview(MimeMessage original) => Reply(original, null,
        "Thank you for your reply. Your blog post is still with our editors, and it has not changed. We will email you when it is live.", "",
        "To change the post, reply to our first email with the whole post again (it replaces the version we have). To withdraw it, reply with the single word WITHDRAW.");

    /// <summary>Tells the contributor that the email arrived but the bot failed on it, and that the team will take it from here.</summary>
    public MimeMessage Held(MimeMessage original) => Reply(original, null,
        "Thank you for writing to the Psychological Professions Network blog. Your email arrived safely, but a fault in our system stopped it becoming a blog post automatically. This is not a problem with your email.",
        "", "Our communications team has been told and will look at it: you do not need to send it again. We will email you again when your post is with our editors.");

    /// <summary>A paragraph telling the contributor which attached pictures could not be used, and how to send them; none when all could.</summary>
    private static string[] PicturesLeftOut(ConvertedPost post) => post.PicturesLeftOut.Count == 0 ? [] :
        ["", "We could not use these pictures:", .. ShortList.Of(post.PicturesLeftOut, p => p).Lines(end: "."),
         "To include them, save them as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible, or share the photo as JPEG) and reply with the whole post again."];

    /// <summary>Confirms that the post was withdrawn.</summary>
    public MimeMessage Withdrawn(MimeMessage original) => Reply(original, null,
        "Your blog post has been withdrawn, as you asked: it will not be published. You are welcome to send it, or another post, again at any time.");

    /// <summary>Tells the contributor the post is published, with its address.</summary>
    public MimeMessage Live(MimeMessage original, string title, Uri url) => Reply(original, null,
        $"Good news: your blog post{Titled(original, " ", title)} is now live on the Psychological Professions Network blog:", "", url.ToString(), "",
        "Thank you for contributing. Please share it with your colleagues and networks.");

    /// <summary>Tells the contributor, kindly, that the editors have decided not to publish the post.</summary>
    public MimeMessage NotPublishing(MimeMessage original, string title) => Reply(original, null,
        $"Thank you for sending your blog post{Titled(original, " ", title)} to the Psychological Professions Network blog. Our editors have read it, and have decided not to publish it on the blog.",
        "", "Thank you for the time you gave to writing it. You are welcome to send another post at any time, as a new email.");

    /// <summary>A post's title in quotes after <paramref name="before"/>, when the reply may repeat the sender's words; else <paramref name="otherwise"/>.</summary>
    private string Titled(MimeMessage original, string before, string title, string otherwise = "") =>
        quotesSender(original) ? $"{before}\"{title}\"" : otherwise;

    private string Domain => mail.FromAddress.Split('@').Last();

    private static MailboxAddress? Sender(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault() is { Address: var address } mailbox && MailboxAddress.TryParse(address, out _) && address.Contains('@') ? mailbox : null;

    private MimeMessage Reply(MimeMessage original, string? messageId, params string[] lines)
    {
        var sender = Sender(original) ?? throw new InvalidOperationException("the message has no sender to answer");
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        reply.To.Add(new MailboxAddress(sender.Name, sender.Address));
        var quotes = quotesSender(original);
        var subject = string.Concat((quotes ? original.Subject ?? "Your blog post" : "Your email to the blog").Where(c => !char.IsControl(c))).Trim();
        subject = WholeCharacters.Prefix(subject, 150);
        reply.Subject = subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        reply.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId(Domain);
        if (original.MessageId is { } parent)
        {
            reply.InReplyTo = parent;
            foreach (var reference in original.References.TakeLast(10)) reply.References.Add(reference);
            reply.References.Add(parent);
        }
        reply.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var body = new StringBuilder();
        // A name as people have it: an unbounded one would let a forged sender write a paragraph of its own to anyone.
        body.AppendLine($"Dear {(quotes && SingleLine.From(sender.Name) is { Length: > 0 and <= 60 } name ? name : "contributor")},").AppendLine();
        foreach (var line in lines) body.AppendLine(line);
        body.AppendLine().AppendLine("With thanks,").AppendLine(mail.FromName);
        reply.Body = new TextPart("plain") { Text = body.ToString() };
        return reply;
    }
}
