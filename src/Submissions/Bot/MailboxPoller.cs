using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MimeKit;
using Octokit;
using PPNBlog.Submissions.GitHub;
using PPNBlog.Submissions.Mail;

namespace PPNBlog.Submissions.Bot;

/// <summary>What one pass over the mailbox did.</summary>
public sealed class PollReport
{
    /// <summary>Messages that became new pull requests.</summary>
    public int Opened { get; set; }

    /// <summary>Messages whose pull request an earlier run had opened (completed now).</summary>
    public int AlreadyOpen { get; set; }

    /// <summary>Messages rejected with a reply.</summary>
    public int Rejected { get; set; }

    /// <summary>Replies that revised a post under review.</summary>
    public int Revised { get; set; }

    /// <summary>Replies to the bot that were only a note ("Thanks!"): the post left as it was, a note about one under review answered.</summary>
    public int Notes { get; set; }

    /// <summary>Replies that withdrew a post.</summary>
    public int Withdrawn { get; set; }

    /// <summary>Messages left in the inbox for the next run (a failure that should pass).</summary>
    public int LeftInInbox { get; set; }

    /// <summary>Messages the bot failed on twice, moved to the Held folder with an issue for the editors.</summary>
    public int Held { get; set; }

    /// <summary>Meeting invitations (and replies to them), moved unanswered to the Held folder with an issue for the editors.</summary>
    public int Invitations { get; set; }

    /// <summary>Contributors told their post is live.</summary>
    public int Notified { get; set; }

    /// <summary>Contributors told their post will not be published.</summary>
    public int ToldNotPublishing { get; set; }

    /// <summary>Bot branches without a pull request that were removed.</summary>
    public int OrphansRemoved { get; set; }

    /// <summary>Content-creating GitHub calls.</summary>
    public int GitHubWrites { get; set; }

    /// <summary>How long the pass took.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>What went wrong, for the log (never an email address).</summary>
    public List<string> Problems { get; } = [];

    /// <summary>True when nothing was left for the next run.</summary>
    public bool Settled => LeftInInbox == 0 && Problems.Count == 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Opened} opened, {AlreadyOpen} already open, {Revised} revised, {Notes} notes, {Withdrawn} withdrawn, {Rejected} rejected, {LeftInInbox} left in the inbox, {Held} held, {Invitations} meeting invitations held, " +
        $"{Notified} told their post is live, {ToldNotPublishing} told it will not be published, {OrphansRemoved} orphan branches removed; {GitHubWrites} GitHub writes in {Elapsed.TotalSeconds:0.0} s";
}

/// <summary>
/// One pass over the shared mailbox (IMAP): every message becomes a pull request (then goes to Processed, and the
/// contributor gets an acknowledgement), a revision or withdrawal of one, or a rejection (to Rejected, with a reply
/// giving the reasons); a meeting invitation, meant for a person, goes to Held with an issue for the editors. A message is only moved once its work is done, so a failure that should pass (GitHub or the
/// mail server down, a connection cut) leaves it in the inbox for the next pass: nothing is lost, and because pull
/// requests are found by key and answered messages are flagged \Answered, nothing is done twice.
/// </summary>
public sealed class MailboxPoller(MailSettings mail, string password, SubmissionBot bot, SubmissionConverter converter, Replies replies,
    Uri siteUrl, HttpClient http, TextWriter log, long maxMessageBytes)
{
    /// <summary>The IMAP keyword on a reply whose withdrawal is done.</summary>
    private const string WithdrawnKeyword = "ppnblog-withdrawn";

    /// <summary>The IMAP keyword on a message the bot has failed on once.</summary>
    private const string FaultedKeyword = "ppnblog-faulted";

    /// <summary>The IMAP keyword on a held message whose sender was told it is with the team (not \Answered: moved back to the inbox, it is still acknowledged).</summary>
    private const string HeldToldKeyword = "ppnblog-held-told";

    /// <summary>How long a pass takes new inbox messages for.</summary>
    public static readonly TimeSpan MaxPassDuration = TimeSpan.FromMinutes(20);

    /// <summary>Runs one pass. IMAP failures end the pass early (what is left waits for the next one).</summary>
    public async Task<PollReport> PollOnceAsync(DateTimeOffset now, CancellationToken cancellation = default)
    {
        var report = new PollReport();
        var clock = Stopwatch.StartNew();
        var writesBefore = bot.PullRequests.Writes;
        using var imap = new ImapClient();
        using var smtp = new SmtpClient();
        await using var filed = new FiledMessages(mail, password, converter, replies, now);
        try
        {
            await imap.ConnectAsync(mail.ImapHost, mail.ImapPort, mail.SecurityFor(mail.ImapPort), cancellation);
            await imap.AuthenticateAsync(mail.Username, password, cancellation);
            var processed = await Folder(imap, mail.Processed, cancellation);
            var rejected = await Folder(imap, mail.Rejected, cancellation);
            var held = await Folder(imap, mail.Held, cancellation);
            var inbox = await imap.GetFolderAsync(mail.Inbox, cancellation);
            await inbox.OpenAsync(FolderAccess.ReadWrite, cancellation);
            // Decisions first: a flood of new mail must not hold up telling contributors their post is live.
            await NotifyDecided(filed, smtp, report, cancellation);
            // One issue or comment tells the editors of all the meeting invitations this pass holds.
            var invitations = new InvitationNotice();
            var waiting = await inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Flags | MessageSummaryItems.Envelope | MessageSummaryItems.InternalDate), cancellation);
            foreach (var summary in waiting.OrderBy(s => s.UniqueId.Id))
            {
                // A pass ends within its scheduled job's 30 minutes (GitHub's pacing allows about eight submissions a
                // minute): a job killed part-way could send an acknowledgement twice. The rest wait for the next pass.
                if (clock.Elapsed > MaxPassDuration || !await Handle(inbox, summary, new(processed, rejected, held), smtp, filed, now, report, invitations, cancellation))
                {
                    report.LeftInInbox = waiting.Count(s => s.UniqueId.Id >= summary.UniqueId.Id);
                    break;
                }
            }
            if (report.LeftInInbox == 0) report.OrphansRemoved = (await bot.PullRequests.RemoveOrphanBranchesAsync(cancellation)).Count;
        }
        catch (Exception e) when (e is IOException or SocketException or ImapProtocolException or ImapCommandException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            report.Problems.Add($"the mailbox connection failed ({e.GetType().Name}: {FirstLine(e.Message)}); what is left waits for the next run");
        }
        catch (Exception e) when (IsGitHubFailure(e))
        {
            report.Problems.Add($"GitHub failed after retries ({FirstLine(e.Message)}); what is left waits for the next run");
        }
        catch (ReplyNotSentException e)
        {
            report.Problems.Add($"sending a reply failed ({FirstLine(e.Message)}); it is tried again on the next run");
        }
        finally
        {
            if (imap.IsConnected) await SafeDisconnect(imap);
            if (smtp.IsConnected) await SafeDisconnect(smtp);
        }
        report.GitHubWrites = bot.PullRequests.Writes - writesBefore;
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>Where handled messages are filed.</summary>
    private sealed record Folders(IMailFolder Processed, IMailFolder Rejected, IMailFolder Held);

    /// <summary>Handles one inbox message; false when the pass should stop (GitHub or SMTP is failing).</summary>
    private async Task<bool> Handle(IMailFolder inbox, IMessageSummary summary, Folders folders, SmtpClient smtp,
        FiledMessages filed, DateTimeOffset now, PollReport report, InvitationNotice invitations, CancellationToken cancellation)
    {
        var (processed, rejected, _) = folders;
        var uid = summary.UniqueId;
        var answered = summary.Flags?.HasFlag(MessageFlags.Answered) == true;
        // When the mailbox received it, not when this run reads it: a message without a usable Date gets the same date
        // (and so the same branch) on every run, even when a retry is on the next day.
        var received = summary.InternalDate is { } arrived && arrived <= now ? arrived : now;
        var message = summary.Size > maxMessageBytes ? WithoutBody(await inbox.GetHeadersAsync(uid, cancellation)) : await inbox.GetMessageAsync(uid, cancellation);
        var size = (long)(summary.Size ?? 0);
        Exception fault;
        try
        {
            if (SubmissionConverter.IsMeetingInvitation(message))
            {
                // Meant for a person, whatever it answers: the editors are told where it is, and its sender gets nothing
                // from the bot (a "your email could not become a post" reply would only puzzle whoever sent it).
                // The issue first, as for every held email: a run that stops before the move finds the invitation listed.
                var reference = ReferenceOf(message);
                var issue = await bot.PullRequests.ReportInvitationAsync(reference, HeldEmailIssue.Invitation(reference, received, size), invitations,
                    mail.Held, mail.Inbox, cancellation);
                await inbox.MoveToAsync(uid, folders.Held, cancellation);
                report.Invitations++;
                log.WriteLine($"message {uid}: a meeting invitation; moved to {mail.Held}, and the editors told in {issue}");
                return true;
            }
            if (replies.KeyRepliedTo(message) is { } key)
            {
                if (!await FromTheContributor(message, key, filed, cancellation))
                {
                    await Answer(message, replies.Rejection(message, [SubmissionBot.NotTheContributor]), answered, inbox, uid, smtp, filed, cancellation);
                    await inbox.MoveToAsync(uid, rejected, cancellation);
                    report.Rejected++;
                    log.WriteLine($"message {uid}: a reply about submission {key[..8]} from someone other than its contributor, refused");
                    return true;
                }
                if (SubmissionBot.AsksToWithdraw(message))
                {
                    // Marked on the message once done: if its reply cannot be sent now, the next run still answers "withdrawn",
                    // not "no longer under review" (the pull request it closed is no longer open).
                    var withdrawn = summary.Keywords?.Contains(WithdrawnKeyword) == true || await bot.WithdrawAsync(key, cancellation);
                    if (withdrawn) await Mark(inbox, uid, WithdrawnKeyword, cancellation);
                    await Answer(message, withdrawn ? replies.Withdrawn(message) : replies.Rejection(message, [SubmissionBot.NotUnderReview]), answered, inbox, uid, smtp, filed, cancellation);
                    await inbox.MoveToAsync(uid, withdrawn ? processed : rejected, cancellation);
                    if (withdrawn) report.Withdrawn++; else report.Rejected++;
                    log.WriteLine($"message {uid}: {(withdrawn ? "withdrew" : "could not withdraw")} submission {key[..8]}");
                    return true;
                }
                var revision = await bot.ReviseAsync(key, message, size, received, cancellation);
                if (revision.IsNote)
                {
                    // "Thanks!": nothing to change, and nothing wrong; told that the post is still with the editors.
                    await Answer(message, replies.StillUnderReview(message), answered, inbox, uid, smtp, filed, cancellation);
                    await inbox.MoveToAsync(uid, processed, cancellation);
                    report.Notes++;
                    log.WriteLine($"message {uid}: a note about submission {key[..8]}, which it leaves as it was");
                    return true;
                }
                await Answer(message, revision.Accepted ? replies.Revised(message, revision.Post!) : replies.Rejection(message, revision.Reasons), answered, inbox, uid, smtp, filed, cancellation);
                await inbox.MoveToAsync(uid, revision.Accepted ? processed : rejected, cancellation);
                if (revision.Accepted) report.Revised++; else report.Rejected++;
                log.WriteLine($"message {uid}: {(revision.Accepted ? $"revised pull request #{revision.PullRequest!.Number}" : "revision rejected")}");
                return true;
            }
            var outcome = await bot.SubmitAsync(message, size, received, cancellation);
            if (outcome.PullRequest is { } pull)
            {
                await Answer(message, replies.Acknowledgement(message, outcome.Post!), answered, inbox, uid, smtp, filed, cancellation);
                // The key goes with the message (where the server keeps keywords): the notices find it by the key whatever
                // a later version of the converter would make of the message.
                await Mark(inbox, uid, FiledMessages.KeyKeyword(outcome.Post!.IdempotencyKey), cancellation);
                await inbox.MoveToAsync(uid, processed, cancellation);
                if (pull.Created) report.Opened++; else report.AlreadyOpen++;
                log.WriteLine($"message {uid}: pull request #{pull.Number} ({(pull.Created ? "opened" : "already open")}) {pull.Url}");
            }
            else if (outcome.IsNote && replies.RepliesToUs(message))
            {
                // "Thank you!" in answer to "your post is live": nothing to do, and nothing to answer.
                await inbox.MoveToAsync(uid, processed, cancellation);
                report.Notes++;
                log.WriteLine($"message {uid}: a note in reply to the bot, filed");
            }
            else
            {
                await Answer(message, replies.Rejection(message, outcome.Reasons), answered, inbox, uid, smtp, filed, cancellation);
                await inbox.MoveToAsync(uid, rejected, cancellation);
                report.Rejected++;
                log.WriteLine($"message {uid}: rejected ({outcome.Reasons.Count} reason{(outcome.Reasons.Count == 1 ? "" : "s")})");
            }
            return true;
        }
        catch (Exception e) when (IsGitHubFailure(e) || e is ReplyNotSentException)
        {
            return WaitsForNextRun(uid, e, report);
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException
            or ImapProtocolException or ImapCommandException))
        {
            // A fault of this program on one message must not stop the others. The first time, it may pass (the message
            // waits for the next run); the second, the message is held and the editors told, so it holds up nothing.
            if (summary.Keywords?.Contains(FaultedKeyword) != true && inbox.PermanentFlags.HasFlag(MessageFlags.UserDefined))
            {
                await Mark(inbox, uid, FaultedKeyword, cancellation);
                report.Problems.Add($"message {uid}: could not be processed ({FaultOf(e)}: {FirstLine(e.Message)}); it stays in the inbox for one more try");
                report.LeftInInbox++;
                return true;
            }
            fault = e;
        }
        try
        {
            await Hold(inbox, summary, message, fault, folders.Held, smtp, filed, received, cancellation);
            report.Held++;
            return true;
        }
        catch (Exception e) when (IsGitHubFailure(e) || e is ReplyNotSentException)
        {
            return WaitsForNextRun(uid, e, report);
        }
    }

    /// <summary>Records that GitHub or SMTP failed on message <paramref name="uid"/>, which waits in the inbox; false: the pass stops.</summary>
    private static bool WaitsForNextRun(UniqueId uid, Exception e, PollReport report)
    {
        report.Problems.Add($"message {uid}: {(e is ReplyNotSentException ? "sending the reply" : "GitHub")} failed ({FirstLine(e.Message)}); it stays in the inbox for the next run");
        return false;
    }

    /// <summary>
    /// Moves a message the bot failed on twice to the Held folder: its sender (when authenticated: a forger's victim gets
    /// nothing) is told it arrived and is with the team, and an issue tells the editors where it is and what to do.
    /// </summary>
    private async Task Hold(IMailFolder inbox, IMessageSummary summary, MimeMessage message, Exception fault, IMailFolder held, SmtpClient smtp,
        FiledMessages filed, DateTimeOffset received, CancellationToken cancellation)
    {
        var uid = summary.UniqueId;
        var where = FaultOf(fault);
        var told = summary.Keywords?.Contains(HeldToldKeyword) == true
            || (converter.TrustOf(message).Authenticated && await Answer(message, replies.Held(message), false, inbox, uid, smtp, filed, cancellation, HeldToldKeyword));
        var issue = await MoveToHeld(inbox, uid, HeldEmailIssue.Title(ReferenceOf(message)),
            HeldEmailIssue.Body(received, (long)(summary.Size ?? 0), where, mail.Held, mail.Inbox, told), held, cancellation);
        log.WriteLine($"message {uid}: could not be processed twice ({where}: {FirstLine(fault.Message)}); moved to {mail.Held}, and the editors told in {issue}");
    }

    /// <summary>
    /// Tells the editors of a message held for a person in an issue (<paramref name="title"/>, <paramref name="body"/>), then
    /// moves it to the Held folder; returns the issue's address. The issue first: a run that fails between the two finds
    /// the message in the inbox again, and the issue by its title.
    /// </summary>
    private async Task<string> MoveToHeld(IMailFolder inbox, UniqueId uid, string title, string body, IMailFolder held, CancellationToken cancellation)
    {
        var issue = await bot.PullRequests.ReportHeldAsync(title, body, cancellation);
        await inbox.MoveToAsync(uid, held, cancellation);
        return issue;
    }

    /// <summary>A held message's reference, for the editors' issue: a hash of its Message-ID (or headers), which may name its sender.</summary>
    private static string ReferenceOf(MimeMessage message)
    {
        using var headers = new MemoryStream();
        if (message.MessageId is { } id) headers.Write(System.Text.Encoding.UTF8.GetBytes(id));
        else message.Headers.WriteTo(headers);
        return "email-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(headers.ToArray()))[..12];
    }

    /// <summary>The kind of a fault and the first place in this program it passed through, for the developers (no words of the email).</summary>
    private static string FaultOf(Exception e)
    {
        var where = (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at PPNBlog.", StringComparison.Ordinal));
        // The JIT's frames end with the source file, the native binary's with an offset: neither helps the editors.
        return where is null ? e.GetType().Name : $"{e.GetType().Name} {where.Split(" + 0x")[0].Split(" in /")[0]}";
    }

    /// <summary>Puts the IMAP <paramref name="keyword"/> on a message, where the server keeps keywords (a pass works without them).</summary>
    private static async Task Mark(IMailFolder inbox, UniqueId uid, string keyword, CancellationToken cancellation)
    {
        if (inbox.PermanentFlags.HasFlag(MessageFlags.UserDefined))
            await inbox.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, [keyword]) { Silent = true }, cancellation);
    }

    /// <summary>
    /// Replies a day to one address whose messages are not authenticated (SPF, DKIM, DMARC). Anyone can write someone
    /// else's address in From: without a limit, a flood of such mail would have the bot flood that person with replies.
    /// </summary>
    public const int MaxRepliesPerDayToUnauthenticated = 10;

    /// <summary>
    /// Rejections a day to any one address: a ticket system or responder that answers every email without marking its
    /// answers automatic would otherwise keep a loop with the bot going (its answers are no posts). Acknowledgements of
    /// posts are not counted: an authenticated contributor may send many posts.
    /// </summary>
    public const int MaxRejectionsPerDay = 30;

    /// <summary>
    /// Sends <paramref name="reply"/> unless the message was already answered (an earlier run), should not be answered,
    /// or its sender had the day's replies already (<see cref="MaxRepliesPerDayToUnauthenticated"/> when not authenticated;
    /// <see cref="MaxRejectionsPerDay"/> rejections otherwise); then flags it \Answered, or with <paramref name="keyword"/>
    /// instead when given. True when the reply was sent.
    /// </summary>
    private async Task<bool> Answer(MimeMessage original, MimeMessage reply, bool answered, IMailFolder inbox, UniqueId uid, SmtpClient smtp, FiledMessages filed,
        CancellationToken cancellation, string? keyword = null)
    {
        if (answered || !replies.ShouldAnswer(original)) return false;
        var authenticated = converter.TrustOf(original).Authenticated;
        var limit = authenticated ? MaxRejectionsPerDay : MaxRepliesPerDayToUnauthenticated;
        if ((!authenticated || !replies.IsAcknowledgement(reply)) && await filed.AnsweredFromAsync(reply.To.Mailboxes.Single().Address, cancellation, rejectedOnly: authenticated) >= limit)
        {
            // Filed as usual, and not flagged: it was not answered.
            log.WriteLine($"message {uid}: not answered, as its sender {(authenticated ? $"had {limit} rejections" : $"(not authenticated) had {limit} replies")} since yesterday");
            return false;
        }
        var sent = true;
        try
        {
            await Send(smtp, reply, cancellation);
        }
        catch (ReplyNotSentException e) when (e.InnerException is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused && (int)refused.StatusCode >= 500)
        {
            // The sender's address takes no mail (a forged or mistyped From): no later run could answer it either, and
            // waiting in the inbox would hold up every message after it.
            log.WriteLine($"message {uid}: the reply was refused for good ({(int)refused.StatusCode}), so it is not sent");
            sent = false;
        }
        if (keyword is null) await inbox.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Answered) { Silent = true }, cancellation);
        else await Mark(inbox, uid, keyword, cancellation);
        return sent;
    }

    private async Task Send(SmtpClient smtp, MimeMessage message, CancellationToken cancellation)
    {
        try
        {
            if (!smtp.IsConnected)
            {
                await smtp.ConnectAsync(mail.SmtpHost, mail.SmtpPort, mail.SecurityFor(mail.SmtpPort), cancellation);
                if (smtp.Capabilities.HasFlag(SmtpCapabilities.Authentication)) await smtp.AuthenticateAsync(mail.Username, password, cancellation);
            }
            await smtp.SendAsync(message, cancellation);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            // A refusal's text often quotes the recipient, whose address must not reach the (public) job log: its code says enough.
            throw new ReplyNotSentException(e is SmtpCommandException refused ? $"the SMTP server refused it: {(int)refused.StatusCode} {refused.ErrorCode}" : e.Message, e);
        }
    }

    /// <summary>The SMTP server did not take a reply; the message waits in the inbox for the next run.</summary>
    private sealed class ReplyNotSentException(string message, Exception inner) : Exception(message, inner);

    /// <summary>
    /// Tells contributors whose pull request was merged, once the post answers at its address, that it is live; and
    /// those whose pull request was closed as not publishing, that it will not be published. Their address is found on
    /// the original message in Processed, by its submission key, and kept nowhere else.
    /// </summary>
    private async Task NotifyDecided(FiledMessages filed, SmtpClient smtp, PollReport report, CancellationToken cancellation)
    {
        foreach (var submission in await bot.PullRequests.DecidedUntoldAsync(cancellation))
        {
            var url = new Uri(siteUrl, $"posts/{submission.Slug}/");
            if (submission.Merged && !await IsLive(url, cancellation))
            {
                log.WriteLine($"pull request #{submission.Number}: merged, but {url} is not live yet");
                continue;
            }
            var decision = submission.Merged ? "merged" : "closed as not publishing";
            if (await filed.FindAsync(submission.Key, submission.Date, cancellation) is not { } original)
            {
                report.Problems.Add($"pull request #{submission.Number}: {decision}, but its message is not in {mail.Processed}, so nobody was told");
                await bot.PullRequests.MarkNotifiedAsync(submission.Number, cancellation);
                continue;
            }
            var title = PullRequestText.PostTitle(submission.Title);
            if (replies.ShouldAnswer(original))
                await Send(smtp, submission.Merged ? replies.Live(original, title, url) : replies.NotPublishing(original, title), cancellation);
            await bot.PullRequests.MarkNotifiedAsync(submission.Number, cancellation);
            if (submission.Merged) report.Notified++;
            else report.ToldNotPublishing++;
            log.WriteLine(submission.Merged
                ? $"pull request #{submission.Number}: contributor told the post is live at {url}"
                : $"pull request #{submission.Number}: contributor told the post will not be published");
        }
    }

    /// <summary>Whether <paramref name="reply"/> comes from whoever sent submission <paramref name="key"/>: only they may change or withdraw it.</summary>
    private async Task<bool> FromTheContributor(MimeMessage reply, string key, FiledMessages filed, CancellationToken cancellation)
    {
        var sender = reply.From.Mailboxes.FirstOrDefault()?.Address;
        var original = await filed.FindAsync(key, null, cancellation);
        // Held to the original's sender checks: when it passed SPF, DKIM and DMARC, a From header alone (which anyone can
        // write) does not revise or withdraw it.
        return sender is not null && original?.From.Mailboxes.FirstOrDefault()?.Address is { } contributor
            && contributor.Equals(sender, StringComparison.OrdinalIgnoreCase)
            && (!converter.TrustOf(original).Authenticated || converter.TrustOf(reply).Authenticated);
    }

    private async Task<bool> IsLive(Uri url, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<IMailFolder> Folder(ImapClient imap, string name, CancellationToken cancellation)
    {
        try
        {
            return await imap.GetFolderAsync(name, cancellation);
        }
        catch (FolderNotFoundException)
        {
            var root = imap.GetFolder(imap.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellation)
                ?? throw new ImapCommandException(ImapCommandResponse.No, $"the server did not create the folder {name}");
        }
    }

    /// <summary>
    /// An oversized message as its headers alone (it is not downloaded): enough to reject and answer it, and to tell
    /// whether a machine sent it (a list's or an auto-reply's headers), as for any other message.
    /// </summary>
    private static MimeMessage WithoutBody(HeaderList headers)
    {
        using var stream = new MemoryStream();
        headers.WriteTo(stream);
        stream.Write("\r\n"u8);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static bool IsGitHubFailure(Exception e) => e is ApiException or HttpRequestException or TaskCanceledException or GitHubRefusedException;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>Disconnects, ignoring a connection that is already gone.</summary>
    internal static async Task SafeDisconnect(IMailService service)
    {
        try
        {
            await service.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or SocketException or ImapProtocolException or SmtpProtocolException or OperationCanceledException)
        {
            // The connection is already gone; nothing is waiting on it.
        }
    }
}
