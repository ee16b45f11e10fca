using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Tnef;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;
using PPNBlog.Submissions.Classification;
using PPNBlog.Submissions.Conversion;
using PPNBlog.Submissions.Images;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Submissions.Mime;
using PPNBlog.Submissions.Privacy;
using PPNBlog.Submissions.Trust;

namespace PPNBlog.Submissions;

/// <summary>
/// Turns one emailed message into the post an editor would want to review, or into a polite, specific rejection.
/// Everything in the message is treated as hostile: nothing in it is executed, fetched, or used as a path.
/// </summary>
public sealed partial class SubmissionConverter(IReadOnlyList<Commitment> commitments, SubmissionSettings settings, BodyCleanup cleanup)
{
    private const int MaxTitleLength = 150;

    /// <summary>
    /// The longest email that may be a covering note for an attached Word document (which is then the post when it has
    /// at least twice its words): "please find my post attached" with a signature often passes the 40 words a post needs.
    /// </summary>
    private const int MaxCoveringNoteWords = 150;

    /// <summary>The longest name a post credits: the page's byline, the feeds and the pull request show it whole.</summary>
    private const int MaxAuthorLength = 100;

    /// <summary>The longest 'Role:' and 'Summary:' lines: the byline and the cards show them whole.</summary>
    private const int MaxRoleLength = 200, MaxSummaryLength = 600;

    private readonly CommitmentClassifier _classifier = new(commitments);

    /// <summary>
    /// Whether <paramref name="message"/> is a meeting invitation, or a reply to one: it has a calendar part that asks
    /// (method REQUEST, REPLY, CANCEL, COUNTER) or is the message itself. An event's .ics attached to a post is only an attachment.
    /// </summary>
    public static bool IsMeetingInvitation(MimeMessage message) => message.BodyParts.Any(IsInvitationPart);

    /// <summary>Whether <paramref name="part"/> is a calendar part that asks for an answer (see <see cref="IsMeetingInvitation(MimeMessage)"/>).</summary>
    private static bool IsInvitationPart(MimeEntity part)
    {
        if (!part.ContentType.IsMimeType("text", "calendar") && !part.ContentType.IsMimeType("application", "ics")) return false;
        // Inline or attached alike: a post may carry its event inline (METHOD:PUBLISH), as some calendars send one.
        if (part.ContentType.Parameters["method"] is { } method) return AsksForAnswer().IsMatch("METHOD:" + method);
        var bytes = part is MimePart attached ? Decode(attached) : [];
        return AsksForAnswer().IsMatch(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024)));
    }

    /// <summary>A calendar's method that asks for an answer (an invitation, a reply, a cancellation), not one that only publishes an event.</summary>
    [GeneratedRegex(@"(^|\n)METHOD:(REQUEST|REPLY|CANCEL|COUNTER)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForAnswer();

    /// <summary>Why an email whose HTML nests deeper than any mail program writes is not read (its parsing would take hours).</summary>
    public static readonly string TooDeep = $"The email's formatting is nested more than {HtmlNesting.Limit} levels deep, which no mail program writes, so it was not read. Please send the post again as plain text, or attach it as a Word document.";

    /// <summary>
    /// The most HTML elements an email or a Word document's HTML may have: a long post in Outlook's HTML has a few
    /// thousand. Tens of thousands side by side (100,000 bold words, 8 MB) took minutes to convert, holding every email behind.
    /// </summary>
    public const int MaxElements = 20_000;

    /// <summary>Why an email whose HTML has more than <see cref="MaxElements"/> elements is not read.</summary>
    public static readonly string TooManyElements = $"The email's formatting has more than {MaxElements:N0} HTML elements, far more than any post, so it was not read. Please send the post again as plain text, or attach it as a Word document.";

    /// <summary>Converts <paramref name="message"/> (of <paramref name="size"/> bytes) received at <paramref name="now"/>.</summary>
    public SubmissionResult Convert(MimeMessage message, long size, DateTimeOffset now)
    {
        if (size > settings.MaxMessageBytes)
            return SubmissionResult.Rejected($"The email is {SubmissionSettings.Readable(size)}; the limit is {SubmissionSettings.Readable(settings.MaxMessageBytes)}. Please send smaller photos, or fewer at a time.");
        if (AutomaticReason(message) is { } automatic) return SubmissionResult.Rejected(automatic);
        var sender = TrustOf(message);
        if (settings.RejectOutsideAllowlist && !sender.DomainAllowed)
            return SubmissionResult.Rejected($"We can only accept posts sent from an address at {string.Join(" or ", settings.AllowedDomains)}. Please send it from your work email.");
        if (IsMeetingInvitation(message))
            return SubmissionResult.Rejected("The email is a meeting invitation (or a reply to one), not a blog post. To send a post, write it in a new email, or attach it as a Word document.");
        if (SecureSubject().IsMatch(message.Subject ?? ""))
            return SubmissionResult.Rejected("The email was sent through the NHSmail encryption portal ([secure] in the subject), which we cannot open. Please send it again without [secure]: a blog post meant for publication does not need encryption.");

        if (message.Body is MultipartEncrypted or ApplicationPkcs7Mime { SecureMimeType: SecureMimeType.EnvelopedData or SecureMimeType.AuthEnvelopedData })
            return SubmissionResult.Rejected("The email is encrypted, which we cannot open. Please send it again without encryption: a blog post meant for publication does not need it.");

        LegacyCharsets.ReadAsBrowsersDo(message);
        var unsigned = SignedContent(message) ?? message;
        // Outlook's rich text arrives as winmail.dat (TNEF): its body and attachments are the real message.
        var tnef = unsigned.BodyParts.OfType<TnefPart>().FirstOrDefault();
        var source = tnef is null ? unsigned : SafeTnef(tnef) ?? unsigned;

        var warnings = new List<string>();
        var senderAddress = new SenderAddress(message);
        var images = new ImageCollector(settings);
        var parts = source.BodyParts.OfType<MimePart>().ToList();
        List<string> blocks;
        var quoteRemoved = false;
        // What converting the email's HTML left out, told only if the email's text is the post.
        IReadOnlyList<string> bodyWarnings = [];
        // Parts the HTML shows by Content-ID: one not published with the post was shown only in a part left out (a signature's logo, the quoted reply's banner).
        var shownByHtml = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var htmlSequence = InlineSequence(source, "html");
        // Apple Mail's text, photo and more text as parts of their own: each photo stays where it was, between them.
        var html = htmlSequence is null ? source.HtmlBody ?? (source != message ? message.HtmlBody : null)
            : string.Concat(htmlSequence.Select((p, i) => p is TextPart part ? part.Text : $"<img src=\"cid:{SequencePart(i)}\" alt=\"\">"));
        var text = source.TextBody ?? (source != message ? message.TextBody : null);
        if (!string.IsNullOrWhiteSpace(html))
        {
            if (HtmlNesting.IsTooDeep(html)) return SubmissionResult.Rejected(TooDeep);
            if (HtmlNesting.HasMoreElementsThan(html, MaxElements)) return SubmissionResult.Rejected(TooManyElements);
            // Parts by Content-ID, the first of each: an email can hold thousands of parts and as many references.
            var byContentId = new Dictionary<string, MimePart>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts.Where(p => p.ContentId is not null)) byContentId.TryAdd(part.ContentId!.Trim('<', '>'), part);
            foreach (var (part, i) in (htmlSequence ?? []).Select((p, i) => (p, i)).Where(p => p.p is not TextPart)) byContentId.TryAdd(SequencePart(i), part);
            foreach (Match reference in ContentIdReference().Matches(html)) shownByHtml.Add(Uri.UnescapeDataString(reference.Groups[1].Value).Trim('<', '>'));
            var converter = new HtmlToMarkdown(src => ImageFor(src, byContentId, images, warnings), senderAddress);
            blocks = converter.Convert(html);
            foreach (var (file, alt) in converter.Images) images.SetAlt(file, alt);
            bodyWarnings = converter.Warnings;
            quoteRemoved = converter.RemovedQuote;
        }
        else if (InlineSequence(source, "plain") is { } textSequence)
        {
            // Each text part in turn, and each photo between them where it was.
            blocks = [];
            foreach (var part in textSequence)
                if (part is TextPart textPart)
                {
                    blocks.AddRange(PlainTextToMarkdown.Convert(textPart.Text, out var quoted));
                    quoteRemoved |= quoted;
                }
                else if (images.Add(part, Decode(part), SafeNames.ForDisplay(part.FileName ?? part.ContentType.Name), warnings) is { } file) blocks.Add($"![]({file})");
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            blocks = PlainTextToMarkdown.Convert(text, out quoteRemoved);
        }
        else
        {
            blocks = [];
        }

        var removedParts = cleanup.Clean(blocks);
        // The HTML's own quote markup (Gmail's, Outlook on the web's) went before the blocks were made; the rest, here.
        if (quoteRemoved && !removedParts.Contains(BodyCleanup.QuotedMessage)) removedParts.Insert(0, BodyCleanup.QuotedMessage);
        foreach (var removed in removedParts) warnings.Add(Removed(removed, atStart: removed is BodyCleanup.ExternalMailWarning or BodyCleanup.GreetingToTeam));
        var lines = ContributorLines.Extract(blocks);
        var unreadableDocuments = new List<string>();
        var emailWords = CountWords(blocks);
        // An email that reads as a note about the post ("here is my piece for the blog, let me know…") is never the post
        // when a document comes with it, however short the document.
        var readsAsNote = emailWords < MaxCoveringNoteWords
            && (removedParts.Contains(BodyCleanup.GreetingToTeam) || removedParts.Contains(BodyCleanup.NoteToEditors) || BodyCleanup.CoveringNote().IsMatch(MarkdownText.Unescape(string.Join("\n\n", blocks))));
        var document = emailWords < MaxCoveringNoteWords
            ? WordDocument(parts, images, senderAddress, lines, warnings, unreadableDocuments, emailWords < settings.MinWords ? 0 : emailWords,
                emailWords < settings.MinWords || readsAsNote ? 0 : 2 * emailWords)
            : null;
        if (document is not null) blocks = document.Value.Blocks;
        else warnings.AddRange(bodyWarnings);

        // Attached images that the body did not show go at the end, in order; other attachments are listed.
        var ignored = new List<string>();
        // A clear-signed email's signature (smime.p7s) is no attachment of the contributor's.
        foreach (var part in parts.Where(p => !images.IsTried(p) && p != document?.Part && p is not ApplicationPkcs7Signature && (p.IsAttachment || p.ContentType.MediaType != "text")
            && !(p.ContentId is { } id && shownByHtml.Contains(id.Trim('<', '>')))))
        {
            var name = SafeNames.ForDisplay(part.FileName ?? part.ContentType.Name);
            var bytes = Decode(part);
            // A picture in a format browsers cannot show (an iPhone's HEIC) is tried too, so the contributor hears of it.
            if (ImageNormaliser.Sniff(bytes) is not null || ImageNormaliser.UnshowablePicture(bytes) is not null)
            {
                if (images.Add(part, bytes, name, warnings) is { } file) blocks.Add($"![]({file})");
            }
            else if (part.IsAttachment || part.FileName is not null)
            {
                ignored.Add(name);
            }
        }
        if (images.LimitReason is { } limit) return SubmissionResult.Rejected(limit);

        var title = lines.Values.TryGetValue("title", out var documentTitle) ? CleanSubject(documentTitle) : CleanSubject(message.Subject);
        if ((title.Length == 0 || IsOnlyALabel(title)) && blocks.Count > 0 && HeadingText(blocks[0]) is { } heading)
        {
            title = CleanSubject(heading);
            blocks.RemoveAt(0);
        }
        else if (blocks.Count > 1 && RepeatsTitle(blocks[0], title))
        {
            blocks.RemoveAt(0);
        }
        PromoteHeadings(blocks);
        // A subject of hashtags alone ("#PPW2025") and no heading to take instead: the hashtags' words are the title.
        if (title.Length == 0) title = CleanSubject(message.Subject?.Replace('#', ' '));
        // The address comes out before the cut: a cut through it would leave a part the search no longer finds.
        title = ShortTitle(senderAddress.FromText(title), warnings);
        var author = SingleLine.From(lines.Values.GetValueOrDefault("author") ?? AuthorFromDisplayName(message.From.Mailboxes.FirstOrDefault()?.Name));
        // Signed with the writer's name ("Maureen"), or their signature, and no sign-off before it: the page names the author already.
        if (BodyCleanup.WritersSignature(blocks, author) is var signature and > 0)
        {
            blocks.RemoveRange(signature, blocks.Count - signature);
            warnings.Add(Removed("signature"));
            // A note to the editors above the name ("Let me know if you need anything else." and then "Jo") ends the email now.
            if (document is null && BodyCleanup.NoteToEditorsIndex(blocks) is var note and > 0)
            {
                blocks.RemoveRange(note, blocks.Count - note);
                warnings.Add(Removed(BodyCleanup.NoteToEditors));
            }
        }
        var body = senderAddress.FromText(SingleLine.WithoutHiddenCharacters(string.Join("\n\n", blocks).Trim()));
        var words = CountWords([body]);
        var reasons = new List<string>();
        if (title.Length == 0) reasons.Add("The email has no subject. Please send it again with the title of your post as the subject line.");
        var attachedEmails = AttachedEmails(source);
        var quoteLeftOut = removedParts.Contains(BodyCleanup.QuotedMessage);
        // A covering note long enough to pass for a post whose post could not be read (a PDF, an attached email), or
        // that says the post is elsewhere ("my post is below your message", "please find attached") when the quoted
        // message was left out or nothing is attached: publishing the note would lose the post unseen. A short post
        // written above the request it answers ("Here is my post, as promised…") is no note of that kind.
        var noteOnly = document is null && words >= settings.MinWords && readsAsNote
            && (unreadableDocuments.Count > 0 || ignored.Any(a => DocumentName().IsMatch(a)) || attachedEmails.Count > 0
                || BodyCleanup.PostElsewhere().IsMatch(body) && (quoteLeftOut || !parts.Any(p => p.IsAttachment) && AttachmentMentioned().IsMatch(body)));
        if (words < settings.MinWords || noteOnly)
            reasons.Add(TooShort(words, unreadableDocuments, noteOnly ? [.. ignored.Where(a => DocumentName().IsMatch(a))] : ignored, attachedEmails, quoteLeftOut, noteOnly));
        // Full-width and small @ (＠, ﹫) are @ once folded (NFKC): an address written with one is still an address.
        if (author.Normalize(NormalizationForm.FormKC).Contains('@') || author.Length == 0)
        {
            author = "";
            reasons.Add("We could not tell your name from the email. Please add a first line 'Author: Your Name' and send it again.");
        }
        else if (author.Length > MaxAuthorLength)
        {
            reasons.Add($"The name we read from the email is {author.Length} characters long, which is not a name. Please add a first line 'Author: Your Name' (at most {MaxAuthorLength} characters) and send it again.");
        }
        foreach (var (line, max, what) in new[] { ("role", MaxRoleLength, "a job title and network"), ("summary", MaxSummaryLength, "one or two sentences") })
            if (SingleLine.From(lines.Values.GetValueOrDefault(line)) is { Length: var length } && length > max)
                reasons.Add($"The '{char.ToUpperInvariant(line[0])}{line[1..]}:' line is {length} characters long; it is for {what}, at most {max} characters. "
                    + "Please shorten it (or put the text in the post itself) and send the email again.");
        if (reasons.Count > 0)
            return SubmissionResult.Rejected([.. reasons]) with { IsNote = words < settings.MinWords && unreadableDocuments.Count == 0 && ignored.Count == 0 };

        if (SafeLinks.HasUnreadableWrapper(body))
            warnings.Add("A link in the post is wrapped by the sender's mail security (mimecast.com/s/…), which hides the address it leads to: open it and put the real address in its place.");
        var choices = ChooseCommitments(lines, message.Subject + "\n" + body, warnings);
        // Images only shown in a removed part (a signature logo, the quoted reply) are not published.
        var shown = images.Saved.Where(i => body.Contains($"]({i.FileName})", StringComparison.Ordinal)).ToList();
        foreach (var image in shown.Where(i => i.AltText is null))
            warnings.Add($"{image.FileName}: alt text needed (describe the image for people who cannot see it).");
        var date = message.Date > new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) && message.Date <= now.AddDays(1) ? message.Date : now;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(date, PostDate.UkTime).DateTime);
        var frontMatter = new PostFrontMatter
        {
            Title = title,
            Date = PostDate.Day(day),
            Author = author,
            Role = NullIfEmpty(senderAddress.FromText(SingleLine.From(lines.Values.GetValueOrDefault("role")))),
            Commitments = choices.Select(c => c.Slug).ToList(),
            Kind = PostKind.Blog,
            Tags = (lines.Values.GetValueOrDefault("tags") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Concat(lines.MarkerTags).Select(t => senderAddress.FromText(SingleLine.From(t))).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList(),
            // The site shows a summary as plain text: "[excerpt]" taken from the email's Markdown keeps its words, not its markup.
            Summary = NullIfEmpty(senderAddress.FromText(SingleLine.From(lines.Values.GetValueOrDefault("summary") is { } summary ? PlainTextMarkup.In(summary)?.Plain ?? summary : null))),
        };
        // Attachment names reach the pull request and the summary as well.
        warnings = [.. warnings.Select(senderAddress.FromText)];
        ignored = [.. ignored.Select(senderAddress.FromText)];
        if (senderAddress.Count > 0)
            warnings.Add($"Your own email address was taken out wherever it appeared ({senderAddress.Count} time{(senderAddress.Count == 1 ? "" : "s")}): links to it keep their words, and elsewhere it reads '{SenderAddress.Removed}'. It is never published.");
        var personalData = PersonalDataScanner.Scan(PostWriter.Write(frontMatter, body));
        foreach (var finding in personalData)
            warnings.Add($"index.md line {finding.Line}: looks like {(finding.Kind[0] is 'N' or 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {finding.Kind}. Remove it unless it is meant to be published.");
        return SubmissionResult.Accepted(new ConvertedPost(frontMatter, Slugs.FromTitle(title), body, shown, choices, ignored, warnings,
            IdempotencyKey(message.MessageId, body), sender, personalData) { PicturesLeftOut = [.. images.LeftOut.Select(senderAddress.FromText)] });
    }

    /// <summary>The warning that a <paramref name="part"/> of the email that is not the post was left out.</summary>
    private static string Removed(string part, bool atStart = false) => $"Removed the {part} at the {(atStart ? "start" : "end")} of the email.";

    /// <summary>What the receiving server's checks say of <paramref name="message"/>'s sender, under these settings.</summary>
    public SenderTrust TrustOf(MimeMessage message) => SenderTrust.Of(message, settings.AllowedDomains, settings.AuthservId);

    /// <summary>Why a short email is no post, naming what was attached instead when there is something: a contributor
    /// who attached the post in a form the bot cannot read needs to hear that, not that the email is short.</summary>
    /// <summary>
    /// Why an email of <paramref name="words"/> words makes no post: it has almost no text, or (<paramref name="note"/>) its
    /// text is only a note about a post that could not be read or was left out.
    /// </summary>
    private static string TooShort(int words, List<string> unreadableDocuments, List<string> otherAttachments, List<string> attachedEmails, bool quoteRemoved, bool note = false)
    {
        const string Resend = "Please paste the post into the email, or attach it as a Word document (.docx: in Word, File › Save As › Word Document), and send it again.";
        var wordCount = $"{words} word{(words == 1 ? "" : "s")}";
        var little = note ? $"The email's own text ({wordCount}) reads as a note about the post, not the post" : "The email has almost no text";
        if (attachedEmails.Count > 0)
            return $"{little}, and the post seems to be in the attached email {Listed(attachedEmails)}, which we do not open "
                + "(we could not tell who wrote it). Please ask its writer to send the post to us, or paste it into a new email (in Outlook: Forward, not Forward as Attachment) "
                + "with a first line 'Author: Their Name'.";
        if (quoteRemoved && unreadableDocuments.Count == 0 && otherAttachments.Count == 0)
            return (note ? little : $"The email has almost no text of its own ({wordCount})") + ": the message it forwards or replies to was left out, as we publish "
                + "only what the sender wrote. If the post is in that message, please copy its text into a new email (not a reply or a forward), "
                + "with a first line 'Author: Their Name' if someone else wrote it, and send it again.";
        if (unreadableDocuments.Count > 0)
            return note
                ? $"{little}, and the attached Word document {Listed(unreadableDocuments)} could not be used. {Resend}"
                : $"The attached Word document {Listed(unreadableDocuments)} could not be used, and the email itself has almost no text. {Resend}";
        if (otherAttachments.Count > 0)
            return $"{little}, and the attached {Listed(otherAttachments.Select(a => $"'{a}'"))} cannot be turned into a post: "
                + $"only a Word document (.docx) can. {Resend}";
        if (note)
            return $"{little}, and no document came with it. If you meant to attach your post, attach it as a Word document (.docx) and send the email again; "
                + "or paste the post into the email.";
        return $"The email has almost no text ({wordCount}), so there is no post to publish. Please write the post in the email, or attach it as a Word document, and send it again.";
    }

    /// <summary>A picture's "cid:" address in HTML, and the Content-ID it names.</summary>
    [GeneratedRegex(@"\bcid:([^""'\s>)]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentIdReference();

    /// <summary>Words that tell of a file sent with the email.</summary>
    [GeneratedRegex(@"\b(attached|attachment|enclosed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentMentioned();

    /// <summary>A file name of a document someone may have written the post in (Word's older format, PDF, OpenDocument, RTF, Pages…).</summary>
    [GeneratedRegex(@"\.(docx?|docm|dotx?|pdf|odt|ott|rtf|pages|wpd|txt|md)$", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentName();

    /// <summary>The subjects of the emails attached to <paramref name="message"/> (forwarded as attachments), quoted for a reply.</summary>
    private static List<string> AttachedEmails(MimeMessage message) =>
        [.. message.BodyParts.OfType<MessagePart>().Select(part => $"'{WholeCharacters.Prefix(SingleLine.From(part.Message?.Subject) is { Length: > 0 } subject ? subject : "(no subject)", 80)}'")];

    /// <summary>Names for a reply: the first five, each once (an email may carry thousands of attachments; the reply stays a few lines).</summary>
    private static string Listed(IEnumerable<string> names) => ShortList.Of(names, name => name, max: 5).InSentence();

    private static int CountWords(IEnumerable<string> blocks) =>
        blocks.Sum(b => Regex.Matches(MarkdownText.Unescape(b), @"\p{L}[\p{L}\p{N}'’-]*").Count);

    /// <summary>
    /// When the email is only a covering note, an attached Word document is the post: of several, the one with the most
    /// words that is not a form (a consent form sent with the post holds a person's details, never the post). Its blocks
    /// come with its own contributor lines added to the email's (the email's win). Documents that cannot be read are
    /// named, with why, in <paramref name="unreadable"/>: the contributor is told that, not only that the email is short.
    /// An email of <paramref name="noteWords"/> words that could be a post itself (0: too short for one) gives way only to a
    /// document of at least <paramref name="documentWords"/> (twice as many; 0 when it reads as a note).
    /// </summary>
    private static (List<string> Blocks, MimePart Part)? WordDocument(List<MimePart> parts, ImageCollector images, SenderAddress senderAddress,
        ContributorLines lines, List<string> warnings, List<string> unreadable, int noteWords, int documentWords)
    {
        var budget = new DocxToHtml.UnpackBudget();
        (MimePart Part, string Name, string Html, Dictionary<string, byte[]> Embedded, IReadOnlyList<string> Warnings, int Words)? chosen = null;
        foreach (var part in parts)
        {
            var bytes = Decode(part);
            var name = SafeNames.ForDisplay(part.FileName);
            // Word's older format, and a .docx that is encrypted (by a password or a sensitivity label), are OLE
            // compound files, not zips: say which, not that only a .docx can be read.
            var extension = Path.GetExtension(part.FileName ?? "").ToLowerInvariant();
            var ole = bytes.AsSpan().StartsWith(OleCompoundFile);
            if (ole && extension is ".doc" or ".docx" or ".docm")
                unreadable.Add(extension == ".doc"
                    ? $"'{name}' (saved in Word's older .doc format)"
                    : $"'{name}' (protected: a password or a sensitivity label encrypts it; remove the protection in Word, File › Info › Protect Document)");
            if (!DocxToHtml.IsDocx(bytes))
            {
                // Named a Word document, but no whole one (cut short on the way, or damaged): say so, not that only a .docx can be read.
                if (!ole && extension is ".docx" or ".docm") unreadable.Add($"'{name}' (damaged or cut short: open it in Word and save it again)");
                continue;
            }
            var (html, embedded, problem, documentWarnings) = DocxToHtml.Convert(bytes, budget);
            problem ??= html is null ? null
                : HtmlNesting.IsTooDeep(html) ? $"formatting nested more than {HtmlNesting.Limit} levels deep"
                : HtmlNesting.HasMoreElementsThan(html, MaxElements) ? $"more than {MaxElements:N0} pieces of formatting, far more than any post"
                : null;
            if (html is null || problem is not null)
            {
                warnings.Add($"The Word document '{PersonalDataScanner.NameOrType(name)}' was left out ({problem}).");
                unreadable.Add($"'{name}' ({problem})");
                continue;
            }
            var text = WebUtility.HtmlDecode(TagOrEntity().Replace(html.Replace("</p>", "\n", StringComparison.Ordinal), " "));
            if (IsForm(Path.GetFileNameWithoutExtension(part.FileName ?? ""), FormField().Matches(text)))
            {
                warnings.Add($"The attached Word document '{PersonalDataScanner.NameOrType(name)}' looks like a form (consent, permission, personal details), not the post: it was left out.");
                unreadable.Add($"'{name}' (a form, not the post)");
                continue;
            }
            var words = CountWords([text]);
            if (words >= documentWords && (chosen is null || words > chosen.Value.Words)) chosen = (part, name, html, embedded, documentWarnings, words);
        }
        if (chosen is not { } document) return null;
        var converter = new HtmlToMarkdown(src => src.StartsWith("cid:docx-", StringComparison.Ordinal) && document.Embedded.TryGetValue(src[9..], out var image)
            ? images.Add(src, image, document.Name, warnings) : null, senderAddress);
        var blocks = converter.Convert(document.Html);
        foreach (var (file, alt) in converter.Images) images.SetAlt(file, alt);
        // The document's own title (a heading above all its others) names the post better than a covering note's
        // subject; a first heading with others of its rank ("Background", then "What we did") is a section's.
        if (blocks.Count > 0 && HeadingText(blocks[0]) is { } heading && blocks.Skip(1).All(b => HeadingLevel(b) is 0 || HeadingLevel(b) > HeadingLevel(blocks[0])))
        {
            lines.Values.TryAdd("title", heading);
            blocks.RemoveAt(0);
        }
        var documentLines = ContributorLines.Extract(blocks);
        foreach (var (key, value) in documentLines.Values) lines.Values.TryAdd(key, value);
        lines.MarkerTags.AddRange(documentLines.MarkerTags);
        warnings.Add($"The post was taken from the attached Word document '{PersonalDataScanner.NameOrType(document.Name)}'"
            + (noteWords > 0 ? $"; the email's own text ({noteWords} words) was taken as a covering note and left out." : "."));
        // What of the post's document the page cannot show (a chart, an equation), each with where it was and what to ask for.
        warnings.AddRange(document.Warnings);
        warnings.AddRange(converter.Warnings);
        return (blocks, document.Part);
    }

    /// <summary>
    /// The parts of a body written in pieces: Apple Mail sends text, a photo and more text as parts of one
    /// multipart/mixed, where MimeKit's TextBody and HtmlBody are the first piece alone. The text parts of
    /// <paramref name="subtype"/> ("plain" or "html") and the pictures between them, in order, when the first such
    /// multipart holds two or more of those text parts; otherwise null.
    /// </summary>
    private static List<MimePart>? InlineSequence(MimeMessage message, string subtype)
    {
        using var iterator = new MimeIterator(message);
        while (iterator.MoveNext())
        {
            if (iterator.Current is not Multipart { ContentType.MediaSubtype: var kind } mixed || !kind.Equals("mixed", StringComparison.OrdinalIgnoreCase)) continue;
            var pieces = mixed.OfType<MimePart>().Where(p => !p.IsAttachment
                && (p is TextPart { FileName: null } t && t.ContentType.MediaSubtype.Equals(subtype, StringComparison.OrdinalIgnoreCase) || p.ContentType.MediaType == "image")).ToList();
            if (pieces.Count(p => p is TextPart) >= 2) return pieces;
        }
        return null;
    }

    /// <summary>Message-ID plus a hash of the whitespace-normalised body: the same message always gives the same key.</summary>
    public static string IdempotencyKey(string? messageId, string body)
    {
        var normalised = SingleLine.CollapseWhitespace(body).Trim().ToLowerInvariant();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((messageId ?? "") + "\n" + normalised));
        return System.Convert.ToHexStringLower(hash)[..20];
    }

    private List<CommitmentChoice> ChooseCommitments(ContributorLines lines, string text, List<string> warnings)
    {
        var choices = new List<CommitmentChoice>();
        if (lines.Values.TryGetValue("commitment", out var stated))
        {
            var (known, unknown) = _classifier.FromStated(stated);
            choices.AddRange(known.Select(s => new CommitmentChoice(s, "stated")));
            foreach (var name in unknown)
                warnings.Add($"The commitment '{SingleLine.From(name)}' is not one of the five; the editor should check the commitments.");
        }
        foreach (var slug in _classifier.FromHashtags(text).Where(s => choices.All(c => c.Slug != s)))
            choices.Add(new CommitmentChoice(slug, "hashtag"));
        if (choices.Count == 0) choices.Add(new CommitmentChoice(_classifier.Suggest(text), "suggested"));
        return choices;
    }

    private string? ImageFor(string src, Dictionary<string, MimePart> byContentId, ImageCollector images, List<string> warnings)
    {
        if (src.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            var id = Uri.UnescapeDataString(src[4..]).Trim('<', '>');
            if (!byContentId.TryGetValue(id, out var part))
            {
                // Pasted in, then lost on the way (a mail program that sends the reference without the picture).
                if (!warnings.Contains(MissingPicture)) warnings.Add(MissingPicture);
                return null;
            }
            return images.IsTried(part) ? images.FileFor(part) : images.Add(part, Decode(part), SafeNames.ForDisplay(part.FileName), warnings);
        }
        if (src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            return PastedImage(src, images, warnings);
        if (src.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            warnings.Add("A remote image (linked from the web, not attached) was left out: it was not downloaded.");
        return null;
    }

    /// <summary>The id given to the <paramref name="index"/>-th part of an Apple Mail sequence of parts, for the picture it is.</summary>
    private static string SequencePart(int index) => $"ppnblog-sequence-{index}@local";

    /// <summary>
    /// A picture pasted into the HTML as a data: address (as some web mail and Word do): its bytes are a picture like
    /// any attached one, held to the same limits and checks; anything else in a data: address is left out, with a warning.
    /// </summary>
    private static string? PastedImage(string src, ImageCollector images, List<string> warnings)
    {
        var comma = src.IndexOf(',');
        var header = comma < 0 ? "" : src[5..comma];
        byte[]? bytes = null;
        if (header.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            try { bytes = System.Convert.FromBase64String(src[(comma + 1)..].Trim()); }
            catch (FormatException) { bytes = null; }
        }
        if (bytes is null)
        {
            if (!warnings.Contains(UnreadablePastedPicture)) warnings.Add(UnreadablePastedPicture);
            return null;
        }
        // Its bytes are the picture's key: pasted twice (however the address is written), it is one picture.
        return images.Add(System.Convert.ToHexString(SHA256.HashData(bytes)), bytes, "pasted picture", warnings);
    }

    private const string UnreadablePastedPicture = "A picture pasted into the email in a form we could not read was left out.";

    private const string MissingPicture = "A picture the email shows, but does not hold (pasted in, then not sent with it), was left out.";

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        try { part.Content?.DecodeTo(stream); }
        catch (FormatException) { return []; }
        return stream.ToArray();
    }

    /// <summary>
    /// The message inside an email signed without a clear-text copy (S/MIME "opaque" signing, an Outlook option): its
    /// signed content is the real message. The signature is not checked (the sender checks are SPF, DKIM and DMARC).
    /// Null when the email is not so signed, or its signed data cannot be read.
    /// </summary>
    private static MimeMessage? SignedContent(MimeMessage message)
    {
        if (message.Body is not ApplicationPkcs7Mime { SecureMimeType: SecureMimeType.SignedData } signed) return null;
        try
        {
            using var context = new TemporarySecureMimeContext();
            signed.Verify(context, out var content);
            return new MimeMessage { Body = content };
        }
        catch (Exception e) when (e is Org.BouncyCastle.Cms.CmsException or FormatException or IOException or ArgumentException or InvalidOperationException
            or NotSupportedException or ParseException) { return null; }
    }

    private static MimeMessage? SafeTnef(TnefPart tnef)
    {
        // MimeKit's TNEF reader meets damaged winmail.dat data with these (InvalidOperationException when a property's
        // type does not match its value, found by fuzzing); the email's own parts are used instead.
        try { return tnef.ConvertToMessage(); }
        catch (Exception e) when (e is TnefException or FormatException or IOException or ArgumentException or InvalidOperationException
            or OverflowException or IndexOutOfRangeException or NotSupportedException) { return null; }
    }

    /// <summary>
    /// Why <paramref name="message"/> is no post because a machine seems to have sent it: <see cref="MachineReason"/>, or
    /// a subject that reads like an automatic reply's. Null when a person sent it.
    /// </summary>
    public static string? AutomaticReason(MimeMessage message) => MachineReason(message) ?? (AutoReplySubject().IsMatch(message.Subject ?? "")
        ? "The subject reads like an automatic reply's (such as 'Automatic reply: …' or 'Out of office: …'), so we did not take the email as a blog post. "
          + "If it is your post, please send it again with another subject line."
        : null);

    /// <summary>
    /// Why <paramref name="message"/> was sent by a machine, by what mail programs and servers mark their own mail with
    /// (a bounce, a receipt, an auto-reply's headers), or null. Such mail is never answered; a subject alone is not
    /// enough for that (a person's post may be called "Out of office: what a week away taught me"), so it is answered.
    /// </summary>
    public static string? MachineReason(MimeMessage message)
    {
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        // A report may be wrapped in another part (a relay's covering note); a mail server's own address sends only reports.
        var report = false;
        using (var iterator = new MimeIterator(message))
            while (!report && iterator.MoveNext())
                report = iterator.Current is MultipartReport || iterator.Current.ContentType.IsMimeType("message", "delivery-status")
                    || iterator.Current.ContentType.IsMimeType("message", "disposition-notification");
        // A null return path (Return-Path: <>, as the delivering server records it) is how mail servers send bounces.
        if (report || message.From.Mailboxes.Any(m => MailServerSender().IsMatch(m.LocalPart ?? "")) || message.Headers[HeaderId.ReturnPath]?.Trim() == "<>")
            return "The email is a delivery report or read receipt, not a blog post.";
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase) ||
            message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond") ||
            (message.Headers["Precedence"] ?? "").Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase) || IsReadReceipt(message))
            return "The email is an automatic reply (such as an out-of-office message), not a blog post.";
        return null;
    }

    /// <summary>
    /// The subject as a title: reply and forward prefixes, [tags], a label saying what the email is ("Blog submission:",
    /// "Guest blog –", "(blog post)" at the end) and the hashtags after the title (which name its commitments) removed,
    /// whitespace collapsed. A hashtag inside the title ("Celebrating #PPW2025 in Leeds") is one of its words; a subject
    /// that is only a label stays (<see cref="IsOnlyALabel"/>).
    /// </summary>
    public static string CleanSubject(string? subject)
    {
        var title = SingleLine.From(subject);
        string previous;
        do
        {
            previous = title;
            title = SubjectPrefix().Replace(title, "").Trim();
            // A label goes only beside some words: "Blog: ---" keeps it, as it is all the title there is.
            if (LabelBefore().Match(title) is { Success: true } before && HasWords(title.AsSpan(before.Length))) title = title[before.Length..].Trim();
        }
        while (title != previous);
        title = SingleLine.CollapseWhitespace(TrailingHashtags().Replace(title, "")).Trim();
        if (LabelAfter().Match(title) is { Success: true } after && HasWords(title.AsSpan(0, after.Index))) title = title[..after.Index];
        return title.Trim().TrimEnd('-', ':', '|').Trim();
    }

    /// <summary>Whether a cleaned subject only says what the email is ("Blog submission"): a first heading names the post better.</summary>
    private static bool IsOnlyALabel(string title) => OnlyALabel().IsMatch(title);

    /// <summary>What contributors call a post they send: "Blog", "Blog post", "Guest blog", "Blog submission for the PPN website".</summary>
    private const string Label = @"(?:(?:(?:new|guest|draft|ppn|ppw)\s+)?blog(?:\s*post)?(?:\s+submission)?|guest\s+post|(?:blog\s+|post\s+)?submission)"
        + @"(?:\s+for\s+(?:the\s+)?(?:ppn|psychological\s+professions\s+network|blog|website)(?:\s+(?:blog|website))?)?";

    /// <summary>Whether <paramref name="text"/> holds a letter or a digit.</summary>
    private static bool HasWords(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>A label before the title, ended by a colon or a spaced dash or bar.</summary>
    [GeneratedRegex(@"^" + Label + @"\s*(?::|[-–—|]\s)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelBefore();

    /// <summary>A label after the title, after a spaced dash, bar or colon, or in brackets.</summary>
    [GeneratedRegex(@"\s+(?:[-–—|:]\s*" + Label + @"|[(\[]\s*" + Label + @"\s*[)\]])$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelAfter();

    [GeneratedRegex(@"^" + Label + @"$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyALabel();

    /// <summary>
    /// Moves the body's headings up so that its top level is the page's sections (##): with a document's "Heading 1"
    /// taken out as the title, its "Heading 2" sections were ### under no ##.
    /// </summary>
    private static void PromoteHeadings(List<string> blocks)
    {
        var top = blocks.Select(HeadingLevel).Where(level => level > 0).DefaultIfEmpty(2).Min();
        if (top <= 2) return;
        for (var i = 0; i < blocks.Count; i++)
            if (HeadingLevel(blocks[i]) > 0) blocks[i] = blocks[i][(top - 2)..];
    }

    /// <summary>The level of a heading block ("### Why" is 3), or 0 for any other block.</summary>
    private static int HeadingLevel(string block) =>
        block.Length - block.TrimStart('#').Length is var level and >= 2 and <= 6 && block.Length > level && block[level] == ' ' ? level : 0;

    /// <summary>
    /// <paramref name="title"/> within <see cref="MaxTitleLength"/>, ellipsis included: cut at the end of a word (between
    /// whole characters in a word longer than half of it, a web address), the punctuation before the cut left out; the
    /// editor is told, with the title as it was, so a cut that reads badly can be put right.
    /// </summary>
    private static string ShortTitle(string title, List<string> warnings)
    {
        if (title.Length <= MaxTitleLength) return title;
        var end = WholeCharacters.PrefixLength(title, MaxTitleLength - 1);
        // The cut falls inside a word unless a space follows it: back to the space before the word.
        if (!char.IsWhiteSpace(title[end]) && title.LastIndexOf(' ', end - 1) is var space and >= MaxTitleLength / 2) end = space;
        var shortened = title[..end].TrimEnd().TrimEnd(',', ';', ':', '-', '–', '—', '|', '/', '(').TrimEnd() + "…";
        warnings.Add($"The title was {title.Length} characters long, more than the {MaxTitleLength} a title may have, so it was shortened at the end of a word to "
            + $"'{shortened}'. It was: '{title}'. Edit the title if the shortened one does not read well.");
        return shortened;
    }

    /// <summary>
    /// True when a body's first block only repeats the title, as contributors often start the email (as a heading, a bold
    /// line or a plain one): the page shows the title above the body already, and would show it twice.
    /// </summary>
    private static bool RepeatsTitle(string block, string title) =>
        !block.Contains('\n') && SingleLine.Wording(CleanSubject(MarkdownText.Unescape(block.TrimStart('#').Trim().Trim('*', '_')))) is { Length: > 0 } text
        && text == SingleLine.Wording(title);

    /// <summary>
    /// The name to publish from an email's display name: NHSmail's "SMITH, Jane (LEEDS AND YORK PARTNERSHIP NHS
    /// FOUNDATION TRUST)" is "Jane Smith" (a surname in capitals is given capitals as a name has: MCDONALD is McDonald);
    /// others as they are.
    /// </summary>
    private static string? AuthorFromDisplayName(string? name)
    {
        if (name is null || NhsMailName().Match(SingleLine.From(name)) is not { Success: true } match) return name;
        var surname = match.Groups["surname"].Value;
        if (surname.ToUpperInvariant() == surname)
            surname = NameWordStart().Replace(surname.ToLowerInvariant(), m => m.Value.ToUpperInvariant());
        return $"{match.Groups["given"].Value} {surname}";
    }

    /// <summary>The text of <paramref name="block"/> when it is a heading (a paragraph starting "#PPW2025 was great" is not).</summary>
    private static string? HeadingText(string block) => Heading().Match(block) is { Success: true } m ? MarkdownText.Unescape(m.Groups[1].Value).Trim() : null;

    /// <summary>
    /// Whether a Word document named <paramref name="name"/>, with these lines to fill in, is a form sent with the post,
    /// not the post: named a form ("Consent form - M Hill", "Invoice"); named for a consent or permission and holding a
    /// line to fill in ("Photo permission" with "Name:"); or holding lines to fill in, one for a signature, whatever its
    /// name. A post named for what it is about ("Getting consent right - blog") is a post.
    /// </summary>
    private static bool IsForm(string name, MatchCollection fields) =>
        FormName().IsMatch(name) || ConsentName().IsMatch(name) && fields.Count > 0 || fields.Count >= 2 && fields.Any(f => f.Groups["signed"].Success);

    /// <summary>A Word document's name that says it is a form, or a paper other than a post ("Consent form - M Hill", "Invoice March").</summary>
    [GeneratedRegex(@"(^|[^\p{L}])(form|waiver|invoice|timesheet|expenses|cv|resume|résumé)($|[^\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex FormName();

    /// <summary>A Word document's name that may be a form's or a post's ("Photo permission", "Getting consent right").</summary>
    [GeneratedRegex(@"(^|[^\p{L}])(consent|permission|release)($|[^\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentName();

    /// <summary>
    /// A line of a form to fill in: a label for someone's details, then a colon. Two or more, one of them for a signature
    /// or a date of birth, make a form (a post may give a service's address and telephone, never a signature).
    /// </summary>
    [GeneratedRegex(@"(?im)^\s*((?<signed>signature|signed|print name|date of birth|dob|nhs number|next of kin)|name of [\w ]{1,30}|full name|home address|address|postcode|contact (tele)?phone( number)?|telephone|mobile)\s*:")]
    private static partial Regex FormField();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// What mail programs and gateways put before a subject: "Re:", "Fwd:", a "[tag]", and a gateway's mark for mail from
    /// outside ("EXTERNAL:", "*EXTERNAL*", "(EXT)"), written in capitals as gateways write them.
    /// </summary>
    [GeneratedRegex(@"^((?i:re|fw|fwd|aw|wg|tr|sv|vs)\s*(\[\d+\])?\s*:\s*|\[[^\]]{0,40}\]\s*|(EXTERNAL|EXT)\s*:\s*|\*+\s*(EXTERNAL|EXT)\s*\*+\s*:?\s*|\((EXTERNAL|EXT)\)\s*:?\s*)")]
    private static partial Regex SubjectPrefix();

    /// <summary>How an OLE compound file (Word 97–2003, or an encrypted Office document) starts.</summary>
    private static ReadOnlySpan<byte> OleCompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>A tag or character reference of the HTML a Word document becomes, for counting its words.</summary>
    [GeneratedRegex(@"<[^>]*>|&[#A-Za-z0-9]+;")]
    private static partial Regex TagOrEntity();

    /// <summary>
    /// Hashtags ending the subject, with what separates them from it and each other. Matched from the end: from the
    /// start, each position of a long run of separators ("- - - …") read on to the end before failing.
    /// </summary>
    [GeneratedRegex(@"(?:[\s,;|-]*(?<![\w&])#[A-Za-z][A-Za-z0-9_]*)+[\s,;|-]*$", RegexOptions.RightToLeft)]
    private static partial Regex TrailingHashtags();

    [GeneratedRegex(@"^(?<surname>[\p{L}'’ -]+), *(?<given>[\p{L}'’ .-]+?)(?: *\([^()]+\))*$")]
    private static partial Regex NhsMailName();

    /// <summary>Where a capital starts each part of a name in lower case: o'neil-jones, and the Mc of mcdonald.</summary>
    [GeneratedRegex(@"(?<=^|[ '’-])\p{L}|(?<=(?:^|[ '’-])mc)\p{L}")]
    private static partial Regex NameWordStart();

    [GeneratedRegex(@"\A#{1,6} +([^\n]+)\z")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[\s*secure\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex SecureSubject();

    /// <summary>
    /// The subjects mail programs give their automatic replies, as they give them: "Automatic reply: …", "Out of Office",
    /// "Out of the office until Monday", "Undeliverable: …". Only those forms: a post called "Out of the office and into
    /// the community" or "Auto-replies and the art of waiting" is a person's.
    /// </summary>
    [GeneratedRegex(@"^\s*((automatic reply|auto[- ]?reply|autoreply|out of (the )?office|undeliverable|undelivered mail|returned mail|returned|not read)\s*(:|$|\s[-–(\[])" +
        @"|out of (the )?office\s+(until|till|from|on|today|tomorrow|back|returning|\d)\b|delivery status notification|mail delivery (failed|failure|system)|delivery has failed)",
        RegexOptions.IgnoreCase)]
    private static partial Regex AutoReplySubject();

    /// <summary>Outlook's read receipt sent as a plain message: "Read: subject", "Your message … was read on …".</summary>
    private static bool IsReadReceipt(MimeMessage message) =>
        (message.Subject ?? "").TrimStart().StartsWith("Read:", StringComparison.OrdinalIgnoreCase)
        && (message.TextBody ?? message.HtmlBody ?? "").Contains("was read on", StringComparison.OrdinalIgnoreCase);

    /// <summary>The local parts bounces are sent from: MAILER-DAEMON, postmaster, and Exchange's MicrosoftExchange&lt;hex&gt;.</summary>
    [GeneratedRegex(@"^(mailer-daemon|postmaster|MicrosoftExchange[0-9a-f]{32})$", RegexOptions.IgnoreCase)]
    private static partial Regex MailServerSender();
}
