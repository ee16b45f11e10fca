using System.Text;
using MailKit;
using MailKit.Security;
using MimeKit;
using PPNBlog.Generator.Cli;
using PPNBlog.Submissions.Bot;
using PPNBlog.Submissions.GitHub;
using PPNBlog.Submissions.Mail;
using PPNBlog.Submissions.Tests.GitHub;
using Xunit.Abstractions;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary>
/// <c>poll</c> against real peers: a private Dovecot for the inbox, an aiosmtpd sink for replies, the local GitHub
/// (checked against GitHub's OpenAPI description) for pull requests, and a local site for "is it live".
/// </summary>
public sealed class PollTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string BotAddress = "blog@ppn.example";
    private Peers _peers = null!;
    private readonly StringWriter _log = new();

    private Dovecot Imap => _peers.Imap;

    private SmtpSink Smtp => _peers.Smtp;

    private FakeGitHub GitHub => _peers.GitHub;

    private LiveSite Site => _peers.Site;

    public async Task InitializeAsync() => _peers = await Peers.StartAsync();

    public async Task DisposeAsync() => await _peers.DisposeAsync();

    private static MimeMessage Fixture(string name) => MimeMessage.Load(Emails.Fixture(name));

    private MailSettings Mail(int? imapPort = null, int? smtpPort = null) => new("127.0.0.1", imapPort ?? Imap.Port, "127.0.0.1", smtpPort ?? Smtp.Port,
        SecureSocketOptions.None, Dovecot.User, BotAddress, "PPN blog", "INBOX", "Processed", "Rejected");

    private MailboxPoller Poller(int? imapPort = null, int? smtpPort = null, GitHubPacer? pacer = null, string baseBranch = "main", int attempts = 3,
        long maxMessageBytes = 25L * 1024 * 1024, Func<string, string?>? checkBody = null)
    {
        var mail = Mail(imapPort, smtpPort);
        var retry = new GitHubRetry(attempts, firstDelay: TimeSpan.FromMilliseconds(20), maxDelay: TimeSpan.FromSeconds(1));
        var pulls = new SubmissionPullRequests(GitHub.Client(), new GitHubTarget("o", "r", baseBranch, GitHub.BaseUrl, []), retry, Emails.Labels, pacer);
        var converter = Emails.Converter(new SubmissionSettings { MaxMessageBytes = maxMessageBytes });
        var bot = new SubmissionBot(converter, Emails.Commitments.Select(c => c.Slug).ToList(), checkBody ?? SubmissionsCommand.CheckBody, pulls);
        return new MailboxPoller(mail, Imap.Password, bot, converter, new Replies(mail, m => converter.TrustOf(m).Authenticated), Site.BaseUrl, new HttpClient(), _log, maxMessageBytes);
    }

    private async Task<PollReport> Poll(MailboxPoller? poller = null, DateTimeOffset? now = null)
    {
        var report = await (poller ?? Poller()).PollOnceAsync(now ?? Emails.Now);
        output.WriteLine(report.ToString());
        foreach (var problem in report.Problems) output.WriteLine("  " + problem);
        return report;
    }

    /// <summary>One post submitted and acknowledged; returns the acknowledgement.</summary>
    private async Task<MimeMessage> SubmitOne()
    {
        await Imap.DeliverAsync(Fixture("apple-plain-text.eml"));
        await Poll();
        return Assert.Single(Smtp.Received);
    }

    private static MimeMessage ReplyTo(MimeMessage acknowledgement, string from, string text)
    {
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.Add(MailboxAddress.Parse(BotAddress));
        reply.Subject = "Re: " + acknowledgement.Subject;
        reply.InReplyTo = acknowledgement.MessageId;
        reply.References.Add(acknowledgement.MessageId!);
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("nhs.net");
        reply.Body = new TextPart("plain") { Text = text };
        return reply;
    }

    [Fact]
    public async Task Each_message_becomes_one_pull_request_and_one_acknowledgement_or_one_rejection_and_is_filed()
    {
        await Imap.DeliverAsync(Fixture("outlook-html-inline-image.eml"), Fixture("apple-plain-text.eml"), Fixture("auto-reply.eml"), Fixture("covering-note-only.eml"));

        var report = await Poll();

        Assert.True(report.Settled);
        Assert.Equal((2, 2), (report.Opened, report.Rejected));
        Assert.Empty(await Imap.MessagesIn("INBOX"));
        Assert.Equal(["<outlook-1@nhs.net>", "<apple-1@icloud.com>"], (await Imap.MessagesIn("Processed")).Select(m => "<" + m.Message.MessageId + ">"));
        Assert.All(await Imap.MessagesIn("Processed"), m => Assert.True(m.Flags.HasFlag(MessageFlags.Answered)));
        Assert.Equal(2, (await Imap.MessagesIn("Rejected")).Count);
        Assert.Equal(2, GitHub.PullRequests.Count);

        var sent = Smtp.Received;
        // Two acknowledgements and one rejection: the out-of-office reply is filed but never answered.
        Assert.Equal(3, sent.Count);
        var acknowledgements = sent.Where(m => m.MessageId!.StartsWith("ack.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["priya.khan@icloud.com", "sam.patel@nhs.net"], acknowledgements.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(sent, m => Assert.Equal("auto-replied", m.Headers[HeaderId.AutoSubmitted]));
        Assert.Contains(sent, m => m.InReplyTo == "outlook-1@nhs.net" && (m.TextBody ?? "").Contains("WITHDRAW"));
        var rejection = Assert.Single(sent, m => m.InReplyTo == "empty-1@nhs.net");
        Assert.Contains("almost no text", rejection.TextBody ?? "");

        var again = await Poll();
        Assert.Equal((0, 0, 0), (again.Opened, again.Rejected, again.AlreadyOpen));
        Assert.Equal(3, Smtp.Received.Count);
        Assert.Equal(2, GitHub.PullRequests.Count);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_reply_to_the_acknowledgement_revises_the_same_pull_request_and_withdraw_closes_it()
    {
        var acknowledgement = await SubmitOne();
        var branch = Assert.Single(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));

        var revised = string.Join(' ', Enumerable.Repeat("Our digital group therapy pilot has now finished, and this is the revised account of what we learned together.", 5));
        // The revision adds a phone number: labelled for the editor, as a new post with one is.
        await Imap.DeliverAsync(ReplyTo(acknowledgement, "Priya Khan <priya.khan@icloud.com>", revised + " Call the team on 07700 900123."
            + "\n\nOn Tue, 24 Nov 2026 at 12:00, PPN blog <blog@example.org> wrote:\n> Thank you for your blog post"));
        var revision = await Poll();

        Assert.Equal(1, revision.Revised);
        var pull = Assert.Single(GitHub.PullRequests);
        Assert.Contains("personal-data", pull["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Equal(2, GitHub.CommitsOnlyOn(branch).Count);
        var post = Encoding.UTF8.GetString(GitHub.FilesOn(branch).Single(f => f.Key.EndsWith("/index.md", StringComparison.Ordinal)).Value);
        Assert.Contains("revised account of what we learned", post);
        Assert.DoesNotContain("Thank you for your blog post", post);
        Assert.DoesNotContain("wrote:", post);
        Assert.Single(GitHub.FilesOn(branch).Keys, k => k.StartsWith("input/posts/", StringComparison.Ordinal));
        Assert.Contains(Smtp.Received, m => (m.TextBody ?? "").Contains("have replaced the version"));

        await Imap.DeliverAsync(ReplyTo(acknowledgement, "Priya Khan <priya.khan@icloud.com>", "WITHDRAW\n\nSorry, we need to check something first."));
        var withdrawal = await Poll();

        Assert.Equal(1, withdrawal.Withdrawn);
        Assert.Equal("closed", Assert.Single(GitHub.PullRequests)["state"]!.GetValue<string>());
        Assert.Contains(Smtp.Received, m => (m.TextBody ?? "").Contains("has been withdrawn"));
        Assert.Equal(3, (await Imap.MessagesIn("Processed")).Count);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_thank_you_reply_to_the_acknowledgement_changes_nothing_and_is_told_the_post_is_still_under_review()
    {
        var acknowledgement = await SubmitOne();
        var branch = Assert.Single(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));
        var commits = GitHub.CommitsOnlyOn(branch).Count;

        await Imap.DeliverAsync(ReplyTo(acknowledgement, "Priya Khan <priya.khan@icloud.com>", "Thank you so much!\n\nPriya"
            + "\n\nOn Tue, 24 Nov 2026 at 12:00, PPN blog <blog@example.org> wrote:\n> Thank you for your blog post"));
        var report = await Poll();

        Assert.Equal((1, 0, 0), (report.Notes, report.Rejected, report.Revised));
        Assert.Equal(commits, GitHub.CommitsOnlyOn(branch).Count);
        Assert.Equal("open", Assert.Single(GitHub.PullRequests)["state"]!.GetValue<string>());
        // Two answers in all: the acknowledgement, and this one (the sink's files are not in the order they came).
        Assert.Equal(2, Smtp.Received.Count);
        var answer = Assert.Single(Smtp.Received, m => (m.TextBody ?? "").Contains("still with our editors, and it has not changed")).TextBody!;
        Assert.DoesNotContain("send the post again", answer);
        Assert.Equal(2, (await Imap.MessagesIn("Processed")).Count);
    }

    [Fact]
    public async Task A_withdrawal_whose_reply_could_not_be_sent_is_answered_as_withdrawn_by_the_next_run()
    {
        var acknowledgement = await SubmitOne();
        await Imap.DeliverAsync(ReplyTo(acknowledgement, "Priya Khan <priya.khan@icloud.com>", "WITHDRAW"));

        var smtpDown = await Poll(Poller(smtpPort: Loopback.FreePort()));
        Assert.Equal(1, smtpDown.LeftInInbox);
        Assert.Equal("closed", Assert.Single(GitHub.PullRequests)["state"]!.GetValue<string>());

        var retry = await Poll();

        Assert.Equal((1, 0), (retry.Withdrawn, retry.Rejected));
        Assert.Contains(Smtp.Received, m => (m.TextBody ?? "").Contains("has been withdrawn"));
        Assert.DoesNotContain(Smtp.Received, m => (m.TextBody ?? "").Contains(SubmissionBot.NotUnderReview));
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task Only_the_contributor_can_revise_or_withdraw_a_post()
    {
        var acknowledgement = await SubmitOne();

        // Someone who saw the acknowledgement (it was forwarded, say) replies from another address.
        await Imap.DeliverAsync(ReplyTo(acknowledgement, "Sam Patel <sam.patel@nhs.net>", "WITHDRAW"));
        var report = await Poll();

        Assert.Equal((0, 1), (report.Withdrawn, report.Rejected));
        Assert.Equal("open", Assert.Single(GitHub.PullRequests)["state"]!.GetValue<string>());
        var refusal = Assert.Single(Smtp.Received, m => m.To.Mailboxes.Single().Address == "sam.patel@nhs.net");
        Assert.Contains("Only the person who sent a post", refusal.TextBody ?? "");
        Assert.Single(await Imap.MessagesIn("Rejected"));
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_post_whose_sender_was_authenticated_is_not_withdrawn_by_a_reply_that_only_writes_the_same_from()
    {
        // The receiving server's verdict on the original: SPF, DKIM and DMARC passed.
        var original = Fixture("apple-plain-text.eml");
        original.Headers.Insert(0, new Header(HeaderId.AuthenticationResults,
            " mx.example.org; spf=pass smtp.mailfrom=icloud.com; dkim=pass header.d=icloud.com; dmarc=pass header.from=icloud.com"));
        await Imap.DeliverAsync(original);
        await Poll();
        var acknowledgement = Assert.Single(Smtp.Received);

        // The same From, written by someone else: no server vouches for it.
        await Imap.DeliverAsync(ReplyTo(acknowledgement, "Priya Khan <priya.khan@icloud.com>", "WITHDRAW"));
        var report = await Poll();

        Assert.Equal((0, 1), (report.Withdrawn, report.Rejected));
        Assert.Equal("open", Assert.Single(GitHub.PullRequests)["state"]!.GetValue<string>());
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task A_merged_post_is_announced_to_its_contributor_once_it_is_live_and_only_once()
    {
        await Imap.DeliverAsync(Fixture("apple-plain-text.eml"));
        await Poll();
        var pull = Assert.Single(GitHub.PullRequests);
        GitHub.Merge(pull["number"]!.GetValue<int>());
        // Filed with its key, by which the notice finds it (not by converting it again with whatever code runs then).
        var key = SubmissionPullRequests.ParseBranch(pull["head"]!["ref"]!.GetValue<string>())!.Value.Key;
        var (original, _) = Assert.Single(await Imap.MessagesIn("Processed"));
        Assert.Contains(FiledMessages.KeyKeyword(key), Imap.KeywordsOf("Processed", original));

        var notLiveYet = await Poll();
        Assert.Equal(0, notLiveYet.Notified);
        Assert.Single(Smtp.Received);

        var slug = SubmissionPullRequests.ParseBranch(pull["head"]!["ref"]!.GetValue<string>())!.Value.Slug;
        Site.Publish(slug);
        var live = await Poll();
        var later = await Poll();

        Assert.Equal((1, 0), (live.Notified, later.Notified));
        var news = Assert.Single(Smtp.Received, m => (m.TextBody ?? "").Contains("is now live"));
        Assert.Equal("priya.khan@icloud.com", news.To.Mailboxes.Single().Address);
        Assert.Contains(new Uri(Site.BaseUrl, $"posts/{slug}/").ToString(), news.TextBody ?? "");
        Assert.Contains(SubmissionPullRequests.NotifiedLabel, Assert.Single(GitHub.PullRequests)["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Empty(GitHub.Violations);

        // "Thank you!" in answer to the news: filed, and not answered as a post with almost no text.
        var sent = Smtp.Received.Count;
        await Imap.DeliverAsync(ReplyTo(news, "Priya Khan <priya.khan@icloud.com>", "Thank you, that's wonderful!"));
        var thanks = await Poll();
        Assert.Equal((1, 0, 0), (thanks.Notes, thanks.Rejected, thanks.Opened));
        Assert.Equal(sent, Smtp.Received.Count);
    }

    [Fact]
    public async Task A_post_closed_as_not_publishing_is_told_to_its_contributor_once_and_one_closed_without_the_label_tells_nobody()
    {
        await Imap.DeliverAsync(Fixture("apple-plain-text.eml"), Fixture("outlook-html-inline-image.eml"));
        await Poll();
        // Each pull request by its contributor: the acknowledgement sent to them is named after the submission's key.
        int PullOf(string address)
        {
            var acknowledgement = Smtp.Received.Single(m => m.To.Mailboxes.Single().Address == address).MessageId!;
            var key = acknowledgement["ack.".Length..acknowledgement.IndexOf('@')];
            return GitHub.PullRequests.Single(p => SubmissionPullRequests.ParseBranch(p["head"]!["ref"]!.GetValue<string>())!.Value.Key == key)["number"]!.GetValue<int>();
        }
        var declined = PullOf("priya.khan@icloud.com");
        var remade = PullOf("sam.patel@nhs.net");
        GitHub.Close(declined, SubmissionPullRequests.NotPublishingLabel);
        GitHub.Close(remade);

        var told = await Poll();
        var later = await Poll();

        Assert.Equal((1, 0, 0), (told.ToldNotPublishing, told.Notified, later.ToldNotPublishing));
        var news = Assert.Single(Smtp.Received, m => (m.TextBody ?? "").Contains("decided not to publish"));
        Assert.Equal("priya.khan@icloud.com", news.To.Mailboxes.Single().Address);
        Assert.Equal(Fixture("apple-plain-text.eml").MessageId, news.InReplyTo);
        Assert.Equal(3, Smtp.Received.Count);
        string[] Labels(int number) => [.. GitHub.PullRequests.Single(p => p["number"]!.GetValue<int>() == number)["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>())];
        Assert.Contains(SubmissionPullRequests.NotifiedLabel, Labels(declined));
        Assert.DoesNotContain(SubmissionPullRequests.NotifiedLabel, Labels(remade));
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task When_github_or_smtp_is_down_messages_wait_in_the_inbox_and_a_later_run_finishes_them_once()
    {
        await Imap.DeliverAsync(Fixture("outlook-html-inline-image.eml"), Fixture("apple-plain-text.eml"));

        GitHub.Inject(new Fault("POST", "/pulls", "502", 1000));
        var githubDown = await Poll();
        Assert.Equal(2, githubDown.LeftInInbox);
        Assert.Empty(Smtp.Received);

        GitHub.ClearFaults();
        var smtpDown = await Poll(Poller(smtpPort: Loopback.FreePort()));
        Assert.Equal(2, smtpDown.LeftInInbox);
        Assert.Single(GitHub.PullRequests);

        var recovered = await Poll();
        Assert.True(recovered.Settled);
        Assert.Equal(2, GitHub.PullRequests.Count);
        Assert.Equal(2, Smtp.Received.Count);
        Assert.Equal(2, (await Imap.MessagesIn("Processed")).Count);
        Assert.Empty(await Imap.MessagesIn("INBOX"));
    }

    [Fact]
    public async Task A_message_the_bot_fails_on_twice_is_held_its_sender_told_once_the_editors_given_an_issue_and_moved_back_it_becomes_a_post()
    {
        var sent = Fixture("outlook-html-inline-image.eml");
        await Imap.DeliverAsync(sent, Fixture("apple-plain-text.eml"));
        // A fault of the bot's own (here in the Markdown check) on one message.
        var faulty = Poller(checkBody: body => body.Contains("rewriting the letters", StringComparison.Ordinal)
            ? throw new InvalidOperationException("a fault in the bot") : SubmissionsCommand.CheckBody(body));

        var first = await Poll(faulty);
        Assert.Equal(1, first.LeftInInbox);
        Assert.Contains(first.Problems, p => p.Contains("InvalidOperationException", StringComparison.Ordinal) && p.Contains("one more try", StringComparison.Ordinal));
        Assert.Single(GitHub.PullRequests);
        Assert.Single(await Imap.MessagesIn("INBOX"));

        // The second failure holds it; GitHub failing meanwhile leaves it in the inbox, its sender told only once.
        GitHub.Inject(new Fault("POST", "/issues", "502", 3));
        var githubDown = await Poll(faulty);
        Assert.Equal(1, githubDown.LeftInInbox);
        var second = await Poll(faulty);
        Assert.True(second.Settled);
        Assert.Equal(1, second.Held);
        Assert.Empty(await Imap.MessagesIn("INBOX"));
        Assert.Equal(sent.MessageId, Assert.Single(await Imap.MessagesIn("Held")).Message.MessageId);
        var told = Assert.Single(Smtp.Received, m => (m.TextBody ?? "").Contains("arrived safely", StringComparison.Ordinal));
        Assert.Equal("sam.patel@nhs.net", told.To.Mailboxes.Single().Address);

        var issue = Assert.Single(GitHub.Issues);
        Assert.Equal([SubmissionPullRequests.HeldLabel], issue["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        var text = issue["title"] + "\n" + issue["body"];
        Assert.Contains("**Held**", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Contains("Its sender has been told", text, StringComparison.Ordinal);
        // Nothing of the email: not its sender, its subject or its Message-ID.
        foreach (var personal in new[] { "sam.patel", "Sam Patel", "appointment letters", "outlook-1@nhs.net" })
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);

        var quiet = await Poll(faulty);
        Assert.True(quiet.Settled);
        Assert.Single(GitHub.Issues);

        // Moved back too soon, it is held again at once, with a new issue for the one the editors closed.
        GitHub.CloseIssue(issue["number"]!.GetValue<int>());
        await MoveHeldToInbox();
        var again = await Poll(faulty);
        Assert.Equal(1, again.Held);
        Assert.Equal(["closed", "open"], GitHub.Issues.Select(i => i["state"]!.GetValue<string>()));

        // Once the bot is fixed, an editor moves it back; it becomes a post and is acknowledged as usual.
        await MoveHeldToInbox();
        var fixedRun = await Poll();
        Assert.Equal(1, fixedRun.Opened);
        Assert.Equal(2, GitHub.PullRequests.Count);
        Assert.Single(Smtp.Received, m => (m.TextBody ?? "").Contains("arrived safely", StringComparison.Ordinal));
        Assert.Equal(2, Smtp.Received.Count(m => m.To.Mailboxes.Single().Address == "sam.patel@nhs.net"));
        Assert.Empty(GitHub.Violations);
    }

    /// <summary>A meeting invitation (or, with <paramref name="method"/> REPLY, an answer to one) as Outlook sends it, from an authenticated sender.</summary>
    private static MimeMessage Invitation(string method, string subject, string messageId)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Sam Patel", "sam.patel@nhs.net"));
        message.To.Add(MailboxAddress.Parse(BotAddress));
        message.Subject = subject;
        message.MessageId = messageId;
        message.Date = Emails.Now.AddHours(-1);
        message.Headers.Add("Authentication-Results", "mx.example.org; spf=pass smtp.mailfrom=nhs.net; dkim=pass header.d=nhs.net; dmarc=pass header.from=nhs.net");
        var calendar = new TextPart("calendar")
        {
            Text = $"BEGIN:VCALENDAR\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\nORGANIZER;CN=Sam Patel:mailto:sam.patel@nhs.net\r\nSUMMARY:Blog planning catch-up\r\n"
                + "DTSTART:20261201T100000Z\r\nDTEND:20261201T103000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        };
        calendar.ContentType.Parameters.Add("method", method);
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = "Hi all, a half-hour catch-up about the blog's plans for the new year. Sam" },
            new TextPart("html") { Text = "<p>Hi all, a half-hour catch-up about the blog's plans for the new year.</p><p>Sam</p>" },
            calendar,
        };
        return message;
    }

    [Fact]
    public async Task Meeting_invitations_and_replies_to_them_are_held_unanswered_for_a_person_and_the_editors_told_in_one_open_issue_for_them_all_repeating_nothing_of_them()
    {
        var received = new DateTimeOffset(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);
        var invitation = Invitation("REQUEST", "Blog planning catch-up", "invite-1@nhs.net");
        await Imap.DeliverAsync(invitation, received);
        await Imap.DeliverAsync(Invitation("REPLY", "Accepted: Blog planning catch-up", "accept-1@nhs.net"), received.AddMinutes(5));
        await Imap.DeliverAsync(Fixture("apple-plain-text.eml"));

        var report = await Poll();

        Assert.True(report.Settled);
        Assert.Equal((1, 2, 0, 0), (report.Opened, report.Invitations, report.Rejected, report.Held));
        Assert.Empty(await Imap.MessagesIn("INBOX"));
        Assert.Empty(await Imap.MessagesIn("Rejected"));
        var held = await Imap.MessagesIn("Held");
        Assert.Equal(["invite-1@nhs.net", "accept-1@nhs.net"], held.Select(m => m.Message.MessageId));
        Assert.All(held, m => Assert.False(m.Flags.HasFlag(MessageFlags.Answered)));
        // Its sender gets nothing: the only email sent is the post's acknowledgement.
        Assert.Equal(["priya.khan@icloud.com"], Smtp.Received.Select(m => m.To.Mailboxes.Single().Address));

        // One issue lists both: a burst of invitations opens no issue each.
        var issue = Assert.Single(GitHub.Issues);
        Assert.Equal([SubmissionPullRequests.HeldLabel], issue["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        // The reference is a hash of the Message-ID: it finds the email without naming it.
        static string Reference(string messageId) => "email-" + System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..12];
        Assert.Equal("Meeting invitations came to the submissions mailbox", issue["title"]!.GetValue<string>());
        using var stored = new MemoryStream();
        invitation.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stored);
        var body = issue["body"]!.GetValue<string>().ReplaceLineEndings("\n");
        Assert.StartsWith(
            "Meeting invitations (or replies to them: acceptances, declines, cancellations) came to the submissions mailbox. They are meant for a person, not blog posts, "
            + "so the bot has moved them to the mailbox folder **Held** and sent their senders nothing. Those that come while this issue is open are added to it, not given issues of their own.\n\n"
            + $"- `{Reference("invite-1@nhs.net")}`: received 24 November 2026, 09:15 UTC, {(stored.Length + 1023) / 1024} KB\n"
            + $"- `{Reference("accept-1@nhs.net")}`: received 24 November 2026, 09:20 UTC, ", body);
        Assert.EndsWith("\n\nWhat to do:\n"
            + "1. Find each email in the mailbox folder Held by the time it was received.\n"
            + "2. Answer it as a person would (accept or decline it, or pass it to whoever it is meant for). Moved back to INBOX, it would only be held again.\n"
            + "3. Close this issue once every invitation in it and its comments is answered; the next invitation opens a new one.\n\n"
            + "The senders' addresses and the emails' words are kept only in the mailbox, as for every submission.\n", body);
        Assert.Contains(_log.ToString().Split('\n'), l => l.Contains("a meeting invitation; moved to Held, and the editors told in", StringComparison.Ordinal));

        var again = await Poll();
        Assert.True(again.Settled);
        Assert.Equal((0, 0), (again.Invitations, again.Held));
        Assert.Single(GitHub.Issues);
        Assert.Single(Smtp.Received);

        // A burst on a later run: one comment on the open issue lists them all.
        for (var i = 0; i < 12; i++) await Imap.DeliverAsync(Invitation("REQUEST", $"Team day {i}", $"burst-{i}@nhs.net"), received.AddHours(1).AddMinutes(i));
        var burst = await Poll();
        Assert.Equal(12, burst.Invitations);
        Assert.Single(GitHub.Issues);
        var comment = Assert.Single(GitHub.Comments);
        Assert.Equal(issue["number"]!.GetValue<int>(), comment.Number);
        Assert.StartsWith("More meeting invitations came and were held, unanswered (what to do is above):", comment.Text);
        Assert.All(Enumerable.Range(0, 12), i => Assert.Contains($"`{Reference($"burst-{i}@nhs.net")}`: received 24 November 2026, {10 + i / 60:00}:{15 + i:00} UTC", comment.Text));
        Assert.Equal(12, await Imap.MessagesIn("Held") is var all ? all.Count - 2 : 0);

        // Once the editors close it, the next invitation opens another.
        GitHub.CloseIssue(issue["number"]!.GetValue<int>());
        await Imap.DeliverAsync(Invitation("CANCEL", "Cancelled: Team day 3", "cancel-3@nhs.net"), received.AddHours(2));
        await Poll();
        Assert.Equal(2, GitHub.Issues.Count);
        Assert.Contains(Reference("cancel-3@nhs.net"), GitHub.Issues[1]["body"]!.GetValue<string>());

        // Nothing of any email reaches GitHub: not its sender, its subject or its Message-ID.
        var everything = string.Join("\n", GitHub.Issues.Select(i => i["title"] + "\n" + i["body"]).Concat(GitHub.Comments.Select(c => c.Text)));
        foreach (var personal in new[] { "sam.patel", "Sam Patel", "planning", "Team day", "invite-1", "accept-1", "burst-", "cancel-3" })
            Assert.DoesNotContain(personal, everything, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(GitHub.Violations);
    }

    private async Task MoveHeldToInbox()
    {
        using var client = await Imap.ConnectAsync();
        var held = await client.GetFolderAsync("Held");
        await held.OpenAsync(FolderAccess.ReadWrite);
        await held.MoveToAsync(await held.SearchAsync(MailKit.Search.SearchQuery.All), client.Inbox);
    }

    [Fact]
    public async Task A_message_without_a_date_finishes_on_the_next_day_with_the_pull_request_it_opened()
    {
        var undated = Fixture("apple-plain-text.eml");
        undated.Headers.Remove(HeaderId.Date);
        await Imap.DeliverAsync(undated, Emails.Now.AddMinutes(-5));

        // Opened late in the evening, but the acknowledgement cannot be sent; the next run is after midnight.
        var late = await Poll(Poller(smtpPort: Loopback.FreePort()), Emails.Now);
        Assert.Equal(1, late.LeftInInbox);
        var nextDay = await Poll(now: Emails.Now.AddDays(1));

        Assert.Equal(1, nextDay.AlreadyOpen);
        var pull = Assert.Single(GitHub.PullRequests);
        Assert.Contains(Emails.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), pull["head"]!["ref"]!.GetValue<string>());
        Assert.Single(Smtp.Received);
    }

    [Fact]
    public async Task Meeting_invitations_held_over_runs_cut_mid_way_are_each_listed_once_in_the_one_issue()
    {
        var ids = Enumerable.Range(0, 6).Select(i => $"cut-invite-{i}@nhs.net").ToList();
        foreach (var id in ids) await Imap.DeliverAsync(Invitation("REQUEST", "Team day", id));
        await using var proxy = new CuttingProxy(Imap.Port);
        var cutRuns = 0;
        for (var cut = 1500L; cut < 40_000 && (await Imap.MessagesIn("INBOX")).Count > 0; cut += 800)
        {
            proxy.CutAfter(cut);
            var report = await Poll(Poller(imapPort: proxy.Port));
            if (report.Problems.Any(p => p.StartsWith("the mailbox connection failed", StringComparison.Ordinal))) cutRuns++;
        }
        proxy.CutAfter(null);
        await Poll(Poller(imapPort: proxy.Port));
        output.WriteLine($"{cutRuns} runs cut by the IMAP relay");
        Assert.True(cutRuns > 0, "no run was cut");

        Assert.Equal(ids.Count, (await Imap.MessagesIn("Held")).Count);
        var issue = Assert.Single(GitHub.Issues);
        var told = issue["body"]!.GetValue<string>() + string.Concat(GitHub.Comments.Select(c => c.Text));
        foreach (var id in ids)
        {
            var reference = "email-" + System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12];
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(told, reference));
        }
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task Imap_connections_cut_mid_run_and_github_faults_settle_with_nothing_lost_or_duplicated()
    {
        string[] fixtures = ["outlook-html-inline-image.eml", "apple-plain-text.eml", "auto-reply.eml", "gmail-alternative-attachment.eml", "covering-note-only.eml", "windows-1252.eml", "personal-data.eml"];
        await Imap.DeliverAsync(fixtures.Select(Fixture));
        await using var proxy = new CuttingProxy(Imap.Port);
        var faults = new[] { "/git/blobs", "/git/trees", "/git/commits", "/git/refs", "/pulls", "/labels" };
        var runs = 0;
        var cutRuns = 0;
        for (var cut = 3000L; runs < 40; cut += 3000, runs++)
        {
            proxy.CutAfter(cut);
            // Two failures are retried away within the run; four outlast the retries and end it.
            GitHub.ClearFaults();
            GitHub.Inject(new Fault("POST", faults[runs % faults.Length], runs % 2 == 0 ? "drop" : "502", runs % 3 == 0 ? 4 : 2));
            var report = await Poll(Poller(imapPort: proxy.Port));
            if (report.Problems.Any(p => p.StartsWith("the mailbox connection failed", StringComparison.Ordinal))) cutRuns++;
            if (report.Settled && (await Imap.MessagesIn("INBOX")).Count == 0) break;
        }
        proxy.CutAfter(null);
        GitHub.ClearFaults();
        await Poll(Poller(imapPort: proxy.Port));
        output.WriteLine($"settled after {runs + 1} runs, {cutRuns} of them cut by the IMAP relay");
        Assert.True(cutRuns > 0, "no run was cut: the relay's cut points are too late for these messages");

        var processed = await Imap.MessagesIn("Processed");
        var rejected = await Imap.MessagesIn("Rejected");
        Assert.Empty(await Imap.MessagesIn("INBOX"));
        Assert.Equal(fixtures.Length, processed.Count + rejected.Count);
        Assert.Equal(processed.Count, processed.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(processed.Count, GitHub.PullRequests.Count);
        Assert.Equal(GitHub.PullRequests.Count, GitHub.PullRequests.Select(p => p["head"]!["ref"]!.GetValue<string>()).Distinct().Count());
        var sent = Smtp.Received;
        // Processed: one acknowledgement each. Rejected: one reply each, except machine mail (never answered, so no
        // mail loop). A cut between sending and flagging could repeat a reply; none did here.
        var replies = new Replies(Mail(), _ => true);
        Assert.All(processed, m => Assert.Single(sent, r => r.InReplyTo == m.Message.MessageId && r.MessageId!.StartsWith("ack.", StringComparison.Ordinal)));
        Assert.All(rejected, m => Assert.Equal(replies.ShouldAnswer(m.Message) ? 1 : 0, sent.Count(r => r.InReplyTo == m.Message.MessageId)));
        Assert.Contains(rejected, m => !replies.ShouldAnswer(m.Message));
        Assert.Equal(sent.Count, sent.Select(m => m.InReplyTo).Distinct().Count());
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task An_unauthenticated_sender_gets_at_most_the_days_replies_however_many_messages_carry_their_address()
    {
        // Anyone can write a victim's address in From: twelve forged messages, and twelve from a sender whose server
        // authenticated them, each rejected as too short. All are filed; only the forged ones' replies are capped.
        static MimeMessage Short(string from, int i, bool authenticated)
        {
            var message = Emails.Message($"Note {i}", "Too short to be a post.");
            message.From.Clear();
            message.From.Add(MailboxAddress.Parse(from));
            message.MessageId = $"note-{i}.{from}";
            if (authenticated)
                message.Headers.Add(HeaderId.AuthenticationResults, "mx.nhs.net; spf=pass smtp.mailfrom=nhs.net; dkim=pass header.d=nhs.net; dmarc=pass header.from=nhs.net");
            return message;
        }
        const string Victim = "victim@example.org", Colleague = "sam.patel@nhs.net";
        await Imap.DeliverAsync(Enumerable.Range(1, 12).SelectMany(i => new[] { Short(Victim, i, false), Short(Colleague, i, true) }));

        var report = await Poll();

        Assert.True(report.Settled);
        Assert.Equal(24, report.Rejected);
        Assert.Equal(24, (await Imap.MessagesIn("Rejected")).Count);
        Assert.Equal(MailboxPoller.MaxRepliesPerDayToUnauthenticated, Smtp.Received.Count(m => m.To.Mailboxes.Single().Address == Victim));
        Assert.Equal(12, Smtp.Received.Count(m => m.To.Mailboxes.Single().Address == Colleague));
        Assert.Equal(2, _log.ToString().Split('\n').Count(l => l.Contains("not answered, as its sender (not authenticated) had 10 replies", StringComparison.Ordinal)));
        Assert.DoesNotContain(Victim, _log.ToString());
        // A forger's words (subject, name) are not repeated to the address they wrote; an authenticated sender's are.
        Assert.All(Smtp.Received.Where(m => m.To.Mailboxes.Single().Address == Victim),
            m => Assert.Equal(("Re: Your email to the blog", true), (m.Subject, m.TextBody!.StartsWith("Dear contributor,", StringComparison.Ordinal))));
        Assert.All(Smtp.Received.Where(m => m.To.Mailboxes.Single().Address == Colleague), m => Assert.StartsWith("Re: Note ", m.Subject));

        // The next run (the same day) answers no more forged messages either.
        await Imap.DeliverAsync(Short(Victim, 13, false));
        await Poll();
        Assert.Equal(MailboxPoller.MaxRepliesPerDayToUnauthenticated, Smtp.Received.Count(m => m.To.Mailboxes.Single().Address == Victim));
    }

    [Fact]
    public async Task Even_an_authenticated_address_gets_at_most_the_days_rejections_and_a_newsletter_no_reply()
    {
        // A ticket system that answers every email, its answers not marked automatic: the loop stops at the day's limit.
        var tickets = Enumerable.Range(1, MailboxPoller.MaxRejectionsPerDay + 2).Select(i =>
        {
            var message = Emails.Message($"[Ticket #{48_000 + i}] Re: Your email to the blog", "We have logged your request.");
            message.From.Clear();
            message.From.Add(MailboxAddress.Parse("servicedesk@nhs.net"));
            message.Headers.Add(HeaderId.AuthenticationResults, "mx.nhs.net; spf=pass smtp.mailfrom=nhs.net; dkim=pass header.d=nhs.net; dmarc=pass header.from=nhs.net");
            return message;
        });
        var newsletter = Emails.Message("This month at the trust", Emails.Prose);
        newsletter.Headers.Add(HeaderId.ListUnsubscribe, "<https://news.example.org/unsubscribe>");
        await Imap.DeliverAsync(tickets.Append(newsletter));

        var report = await Poll();

        Assert.True(report.Settled);
        Assert.Equal(MailboxPoller.MaxRejectionsPerDay, Smtp.Received.Count(m => m.To.Mailboxes.Single().Address == "servicedesk@nhs.net"));
        Assert.Equal(MailboxPoller.MaxRejectionsPerDay, Smtp.Received.Count);
        Assert.Contains("not answered, as its sender had 30 rejections since yesterday", _log.ToString());
    }

    [Fact]
    public async Task An_oversized_message_is_rejected_from_its_headers_with_a_reply_giving_the_limit_unless_a_machine_sent_it()
    {
        MimeMessage Big(string id)
        {
            var big = Fixture("apple-plain-text.eml");
            big.MessageId = id;
            big.Body = new Multipart("mixed") { big.Body!, new MimePart("application", "octet-stream") { Content = new MimeContent(new MemoryStream(new byte[300_000])), FileName = "big.bin" } };
            return big;
        }
        // A mailing list's message, and a bounce (null return path): answering either would reach people who sent nothing.
        var list = Big("list@example.org");
        list.Headers.Add(HeaderId.ListId, "<staff.example.org>");
        var bounce = Big("bounce@example.org");
        bounce.Headers.Add(HeaderId.ReturnPath, "<>");
        await Imap.DeliverAsync(Big("person@example.org"), list, bounce);
        var report = await Poll(Poller(maxMessageBytes: 100_000));

        Assert.Equal(3, report.Rejected);
        Assert.Equal(3, (await Imap.MessagesIn("Rejected")).Count);
        Assert.Contains("the limit is", Assert.Single(Smtp.Received).TextBody);
        Assert.Empty(GitHub.PullRequests);
        Assert.All(GitHub.Requests, r => Assert.StartsWith("GET ", r));
    }

    [Fact]
    public async Task A_misconfigured_repository_leaves_every_message_in_the_inbox_with_a_clear_problem()
    {
        await Imap.DeliverAsync(Fixture("apple-plain-text.eml"));
        var report = await Poll(Poller(baseBranch: "no-such-branch", attempts: 1));

        Assert.Equal(1, report.LeftInInbox);
        Assert.Contains(report.Problems, p => p.Contains("the base branch 'no-such-branch' does not exist", StringComparison.Ordinal));
        Assert.Single(await Imap.MessagesIn("INBOX"));
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task A_bot_branch_left_without_a_pull_request_is_removed_once_the_inbox_is_empty()
    {
        await Imap.DeliverAsync(Fixture("apple-plain-text.eml"));
        GitHub.Inject(new Fault("POST", "/pulls", "502", 3));
        var died = await Poll();
        Assert.Equal(1, died.LeftInInbox);
        Assert.Single(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));
        GitHub.PutOnMain("README.md", "# PPNBlog, edited\n");
        // A branch whose message is gone (say, deleted by hand from the inbox) has nothing left to finish it.
        using (var client = await Imap.ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            await client.Inbox.StoreAsync(await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.All), new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true });
            await client.Inbox.ExpungeAsync();
        }

        var cleaned = await Poll();

        Assert.Equal(1, cleaned.OrphansRemoved);
        Assert.DoesNotContain(GitHub.Branches, b => b.StartsWith("submissions/", StringComparison.Ordinal));
        Assert.Contains("main", GitHub.Branches);
        Assert.Empty(GitHub.Violations);
    }

    [Fact]
    public async Task No_sender_address_reaches_a_committed_file_a_pull_request_or_the_log()
    {
        string[] fixtures = ["outlook-html-inline-image.eml", "apple-plain-text.eml", "gmail-alternative-attachment.eml", "windows-1252.eml", "personal-data.eml", "no-subject-no-name.eml"];
        await Imap.DeliverAsync(fixtures.Select(Fixture));
        await Poll();
        GitHub.Merge(1);
        await Poll();

        var addresses = fixtures.Select(Fixture).SelectMany(m => m.From.Mailboxes).Select(m => m.Address).Distinct().ToList();
        var published = string.Join('\n', GitHub.PullRequests.Select(p => p.ToJsonString()))
            + string.Join('\n', GitHub.Comments.Select(c => c.Text))
            + string.Join('\n', GitHub.Branches.SelectMany(b => GitHub.FilesOn(b).Values).Select(Encoding.UTF8.GetString))
            + _log;
        Assert.NotEmpty(_log.ToString());
        foreach (var address in addresses)
        {
            Assert.DoesNotContain(address, published, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(address.Split('@')[0], published, StringComparison.OrdinalIgnoreCase);
        }
    }
}
