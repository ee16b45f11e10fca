using System.Globalization;
using System.Text;

namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// The issue that tells the editors the bot held an email for a person: one it failed on, or meeting invitations (one issue for all while it is open). It
/// repeats nothing of the email (no sender, no subject, no words: the repository may be public, and the email is
/// unproven): only when it arrived, its size and the message's reference, enough to find it in the folder; where the
/// bot failed, for the developers; and what to do.
/// </summary>
public static class HeldEmailIssue
{
    /// <summary>The issue's title for an email the bot failed on, carrying the message's <paramref name="reference"/> (one issue per held email).</summary>
    public static string Title(string reference) => $"An email could not be turned into a pull request ({reference})";

    /// <summary>
    /// The title of the one open issue that lists the meeting invitations held (a burst of invitations to a meeting the
    /// mailbox was invited to would open an issue each): each later one is added to it, until the editors close it.
    /// </summary>
    public const string InvitationsTitle = "Meeting invitations came to the submissions mailbox";

    /// <summary>A held invitation as the issue lists it: the message's <paramref name="reference"/>, when it arrived and its size.</summary>
    public static string Invitation(string reference, DateTimeOffset received, long bytes) =>
        $"- `{reference}`: received {Received(received)}, {Size(bytes)}";

    /// <summary>The issue's body for an email the bot failed on.</summary>
    /// <param name="received">When the mailbox received the email.</param>
    /// <param name="bytes">Its size.</param>
    /// <param name="fault">The kind of failure, and where in the bot it happened.</param>
    /// <param name="folder">The mailbox folder it was moved to.</param>
    /// <param name="inbox">The folder the bot reads new mail from.</param>
    /// <param name="senderTold">Whether its sender was told it arrived and is with the team.</param>
    public static string Body(DateTimeOffset received, long bytes, string fault, string folder, string inbox, bool senderTold)
    {
        var text = new StringBuilder();
        text.AppendLine("The submissions bot failed on an email (and again when it tried once more), so it could not become a pull request. This is a fault in the bot, not in the email.")
            .AppendLine()
            .AppendLine($"So that it holds up no other mail, the email has been moved to the mailbox folder **{folder}**. " + (senderTold
                ? "Its sender has been told that it arrived and that the team will look at it."
                : "Its sender has not been told: the email came from a machine, or its sender's address could not be confirmed (it failed SPF, DKIM or DMARC, so a reply could reach someone whose address was forged), or they had had the day's replies."))
            .AppendLine();
        AppendArrival(text, received, bytes).AppendLine($"- Fault: `{fault.Replace('`', '\'')}`")
            .AppendLine()
            .AppendLine("What to do:")
            .AppendLine($"1. Find the email in the mailbox folder {folder} by the time it was received.")
            .AppendLine($"2. Either make its post by hand, or send this issue to whoever maintains the bot; once the bot is fixed, move the email back to {inbox} and the next run turns it into a pull request and acknowledges it as usual.");
        return AppendEnd(text);
    }

    /// <summary>The body of the issue listing held meeting invitations (see <see cref="InvitationsTitle"/>), with the first <paramref name="invitations"/>.</summary>
    /// <param name="invitations">The invitations held, as <see cref="Invitation"/> writes each.</param>
    /// <param name="folder">The mailbox folder they were moved to.</param>
    /// <param name="inbox">The folder the bot reads new mail from.</param>
    public static string InvitationsBody(IEnumerable<string> invitations, string folder, string inbox)
    {
        var text = new StringBuilder();
        text.AppendLine("Meeting invitations (or replies to them: acceptances, declines, cancellations) came to the submissions mailbox. They are meant for a person, not blog posts, "
                + $"so the bot has moved them to the mailbox folder **{folder}** and sent their senders nothing. Those that come while this issue is open are added to it, not given issues of their own.")
            .AppendLine();
        foreach (var invitation in invitations) text.AppendLine(invitation);
        text.AppendLine()
            .AppendLine("What to do:")
            .AppendLine($"1. Find each email in the mailbox folder {folder} by the time it was received.")
            .AppendLine($"2. Answer it as a person would (accept or decline it, or pass it to whoever it is meant for). Moved back to {inbox}, it would only be held again.")
            .AppendLine("3. Close this issue once every invitation in it and its comments is answered; the next invitation opens a new one.")
            .AppendLine();
        return text.AppendLine("The senders' addresses and the emails' words are kept only in the mailbox, as for every submission.").ToString();
    }

    /// <summary>A comment on that issue listing more held <paramref name="invitations"/> (one comment for each run of the bot that held some).</summary>
    public static string InvitationsComment(IEnumerable<string> invitations) =>
        $"More meeting invitations came and were held, unanswered (what to do is above):{Environment.NewLine}{Environment.NewLine}{string.Join(Environment.NewLine, invitations)}{Environment.NewLine}";

    /// <summary>When the held email arrived and its size: what finds it in the folder.</summary>
    private static StringBuilder AppendArrival(StringBuilder text, DateTimeOffset received, long bytes) => text
        .AppendLine($"- Received: {Received(received)}")
        .AppendLine($"- Size: {Size(bytes)}");

    private static string Received(DateTimeOffset received) => received.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => $"{Math.Max(1, (bytes + 1023) / 1024):N0} KB";

    /// <summary>The last step, and where the email's details are (only in the mailbox).</summary>
    private static string AppendEnd(StringBuilder text) => text
        .AppendLine("3. Close this issue.")
        .AppendLine()
        .AppendLine("The sender's address and the email's words are kept only in the mailbox, as for every submission.")
        .ToString();
}
