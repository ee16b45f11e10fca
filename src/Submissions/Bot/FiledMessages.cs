using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using PPNBlog.Submissions.Mail;

namespace PPNBlog.Submissions.Bot;

/// <summary>
/// Reads the messages a pass has filed: finds a submission's original in the Processed folder by its key (the one place
/// the contributor's address is kept), and counts the replies sent to an address lately. It has its own IMAP
/// connection (opened when first needed), so the inbox stays open meanwhile.
/// </summary>
public sealed class FiledMessages(MailSettings mail, string password, SubmissionConverter converter, Replies replies, DateTimeOffset now) : IAsyncDisposable
{
    private readonly Dictionary<UniqueId, string?> _keys = [];
    private ImapClient? _imap;
    private IMailFolder? _folder;

    /// <summary>The IMAP keyword a processed message carries with its submission key.</summary>
    public static string KeyKeyword(string key) => "ppnblog-" + key;

    /// <summary>The original message of the submission with <paramref name="key"/>, or null.</summary>
    /// <param name="key">The submission key.</param>
    /// <param name="sentOn">The day it was sent, when known: messages sent around then are read first.</param>
    /// <param name="cancellation">Stops the search.</param>
    public async Task<MimeMessage?> FindAsync(string key, DateOnly? sentOn, CancellationToken cancellation)
    {
        var folder = await Open(mail.Processed, cancellation);
        if (await folder.SearchAsync(SearchQuery.HasKeyword(KeyKeyword(key)), cancellation) is [var tagged, ..])
            return await folder.GetMessageAsync(tagged, cancellation);
        // A message filed without the keyword (a server that keeps none): its key is worked out again from the message.
        var all = await folder.SearchAsync(SearchQuery.All, cancellation);
        var order = all;
        if (sentOn is { } day)
        {
            // A day either side, for time zones.
            var start = day.ToDateTime(TimeOnly.MinValue);
            var near = await folder.SearchAsync(SearchQuery.SentSince(start.AddDays(-1)).And(SearchQuery.SentBefore(start.AddDays(2))), cancellation);
            order = [.. near, .. all.Except(near)];
        }
        foreach (var uid in order)
        {
            MimeMessage? read = null;
            if (!_keys.TryGetValue(uid, out var candidateKey))
            {
                read = await folder.GetMessageAsync(uid, cancellation);
                // Replies (revisions, withdrawals) are filed here too, but only an original carries the post's key.
                _keys[uid] = candidateKey = replies.KeyRepliedTo(read) is null ? converter.Convert(read, 0, now).Post?.IdempotencyKey : null;
            }
            if (candidateKey == key) return read ?? await folder.GetMessageAsync(uid, cancellation);
        }
        return null;
    }

    /// <summary>
    /// How many messages from <paramref name="address"/> filed in Processed or Rejected (or only Rejected, with
    /// <paramref name="rejectedOnly"/>) since the start of yesterday (the day they arrived) were answered: the replies the
    /// bot sent to that address in the last day or two.
    /// </summary>
    public async Task<int> AnsweredFromAsync(string address, CancellationToken cancellation, bool rejectedOnly = false)
    {
        // IMAP finds a part of the address (and not across a day boundary precisely); the envelopes say whose it is.
        var query = SearchQuery.FromContains(address).And(SearchQuery.Answered).And(SearchQuery.DeliveredAfter(now.UtcDateTime.Date.AddDays(-1)));
        var count = 0;
        foreach (var name in rejectedOnly ? [mail.Rejected] : new[] { mail.Processed, mail.Rejected })
        {
            var folder = await Open(name, cancellation);
            if (await folder.SearchAsync(query, cancellation) is { Count: > 0 } found)
                count += (await folder.FetchAsync(found, MessageSummaryItems.Envelope, cancellation))
                    .Count(s => s.Envelope?.From.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)) == true);
        }
        return count;
    }

    private async Task<IMailFolder> Open(string name, CancellationToken cancellation)
    {
        if (_folder is { IsOpen: true } open && open.FullName == name)
        {
            // Kept open on this connection, it may not show what the poller's own connection has just filed there yet.
            await _imap!.NoOpAsync(cancellation);
            return open;
        }
        _imap ??= new ImapClient();
        if (!_imap.IsConnected)
        {
            await _imap.ConnectAsync(mail.ImapHost, mail.ImapPort, mail.SecurityFor(mail.ImapPort), cancellation);
            await _imap.AuthenticateAsync(mail.Username, password, cancellation);
        }
        _folder = await _imap.GetFolderAsync(name, cancellation);
        await _folder.OpenAsync(FolderAccess.ReadOnly, cancellation);
        return _folder;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_imap is null) return;
        await MailboxPoller.SafeDisconnect(_imap);
        _imap.Dispose();
    }
}
