using System.Text;
using MimeKit;
using PPNBlog.Submissions.Conversion;
using SkiaSharp;

using static PPNBlog.Submissions.Tests.Emails;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>What Outlook, Outlook on the web and other mail programs really write, converted as a contributor meant it.</summary>
public class MailProgramTests
{
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>The page the generator publishes for <paramref name="post"/> in a copy of the real site.</summary>
    private static string PublishedPage(ConvertedPost post)
    {
        var (result, root) = BuildWith(post);
        try
        {
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            return File.ReadAllText(Path.Combine(root, "_site", "posts", post.Slug, "index.html"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static MimeMessage From(string address, MimeMessage message)
    {
        message.From.Clear();
        message.From.Add(new MailboxAddress("Jane Smith", address));
        return message;
    }

    [Fact]
    public void Safe_links_lead_to_the_address_the_contributor_gave_and_carry_no_address_of_theirs()
    {
        const string Wrapped = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.england.nhs.uk%2Fmental-health%2F&amp;data=05%7C02%7Cjane.smith12%40nhs.net%7Cabc%7C0&amp;sdata=xyz&amp;reserved=0";
        var html = $"<p>{Prose}</p><p>Read <a href=\"{Wrapped}\">the guidance</a>. Copied: 05%7C02%7Cjane.smith12%40nhs.net%7Cabc</p>";
        var post = ConvertFile(From("jane.smith12@nhs.net", Message("Guidance", "", html))).Post!;

        Assert.Contains("[the guidance](<https://www.england.nhs.uk/mental-health/>)", post.Body);
        Assert.DoesNotContain("safelinks", post.Body);
        Assert.DoesNotContain("jane.smith12", post.Body);
        Assert.Contains(post.Warnings, w => w.StartsWith("Your own email address was taken out", StringComparison.Ordinal));

        var text = ConvertFile(Message("Guidance", $"{Prose}\n\nSee <{Wrapped.Replace("&amp;", "&")}>.")).Post!;
        Assert.Contains("https://www.england.nhs.uk/mental-health/", text.Body);
        Assert.DoesNotContain("safelinks", text.Body);
    }

    [Fact]
    public void Links_wrapped_by_mail_security_lead_to_the_address_given_and_a_mimecast_one_is_told_to_the_editor()
    {
        var html = $"<p>{Prose}</p><p><a href=\"https://urldefense.com/v3/__https://www.nice.org.uk/guidance/ng222__;!!Abc$\">NICE</a>, " +
            "<a href=\"https://urldefense.proofpoint.com/v2/url?u=https-3A__www.bps.org.uk_news-3Fid-3D7&amp;d=DwMF&amp;c=x\">BPS</a>, " +
            "<a href=\"https://www.google.com/url?q=https://www.kingsfund.org.uk/insight&amp;sa=D&amp;ust=1\">King's Fund</a>, " +
            "<a href=\"https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url=https%3A%2F%2Fwww.rcpsych.ac.uk%2F&amp;locale=en-gb\">RCPsych</a> " +
            "and <a href=\"https://protect-eu.mimecast.com/s/AbCdEfGh\">Mind</a>.</p>";
        var post = ConvertFile(Message("Guidance", "", html)).Post!;

        Assert.Contains("[NICE](<https://www.nice.org.uk/guidance/ng222>), [BPS](<https://www.bps.org.uk/news?id=7>), [King's Fund](<https://www.kingsfund.org.uk/insight>), " +
            "[RCPsych](<https://www.rcpsych.ac.uk/>)", post.Body);
        Assert.Contains(post.Warnings, w => w.StartsWith("A link in the post is wrapped by the sender's mail security (mimecast.com/s/…)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outlook_reply_loses_the_quoted_message_whether_its_header_is_bold_or_marked()
    {
        const string Quoted = "<p>Dear Jane, please send your post by Friday. Priya Patel, 0113 496 0999, priya.patel@nhs.net</p>";
        var desktop = $"<div><p>{Prose}</p><p><b>From:</b> PATEL, Priya &lt;priya.patel@nhs.net&gt;<br><b>Sent:</b> 13 May 2024 09:12<br><b>To:</b> Jane<br><b>Subject:</b> Blog</p>{Quoted}</div>";
        var web = $"<div><p>{Prose}</p></div><div id=\"appendonsend\"></div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> Priya Patel<br><b>Sent:</b> Monday</div><div>{Quoted}</div>";

        foreach (var html in new[] { desktop, web })
        {
            var post = ConvertFile(Message("Our year", "", html)).Post!;
            Assert.DoesNotContain("Priya", post.Body);
            Assert.DoesNotContain("0113", post.Body);
            Assert.Contains("Removed the quoted reply or forwarded message at the end of the email.", post.Warnings);
        }
    }

    [Theory]
    [InlineData("<div>---------- Forwarded message ---------<br>From: Sam</div>")]
    // Gmail marks the forward's header: it went first, and the message stayed, published as the forwarder's.
    [InlineData("<div dir=\"ltr\" class=\"gmail_attr\">---------- Forwarded message ---------<br>From: <strong class=\"gmail_sendername\">Sam</strong><br>Date: Wed, 11 Nov 2026 at 21:14</div><br><br>")]
    public void A_post_forwarded_inline_is_refused_saying_the_forwarded_message_was_left_out(string header)
    {
        var html = $"<p>Please publish this.</p><div class=\"gmail_quote gmail_quote_container\">{header}<div dir=\"ltr\"><p>{Prose}</p></div></div>";
        var reasons = ConvertFile(Message("Fwd: Our year", "", html)).Reasons;

        Assert.StartsWith("The email has almost no text of its own (3 words): the message it forwards or replies to was left out", Assert.Single(reasons));
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData(null)]
    [InlineData("us-ascii")]
    [InlineData("utf-8")]
    public void Windows_1252_text_labelled_latin_1_utf_8_or_not_labelled_keeps_its_quotes_dashes_and_euros(string? charset)
    {
        var text = Prose + "\n\nIt\u2019s been a \u2026 journey \u2013 we didn\u2019t expect \u201cthis\u201d, and fees are \u20ac20.\n";
        var part = new TextPart("plain") { Content = new MimeContent(new MemoryStream(Encoding.GetEncoding(1252).GetBytes(text))), ContentTransferEncoding = ContentEncoding.EightBit };
        part.ContentType.Charset = charset;
        var message = Message("Our year", "");
        message.Body = part;

        var post = ConvertFile(message).Post!;

        Assert.Contains("It\u2019s been a \u2026 journey \u2013 we didn\u2019t expect \u201cthis\u201d, and fees are \u20ac20.", post.Body);
    }

    [Fact]
    public void Unlabelled_utf_8_text_is_read_as_utf_8()
    {
        var part = new TextPart("plain") { Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(Prose + "\n\nCaf\u00e9 \u2013 na\u00efve \u20ac5.\n"))), ContentTransferEncoding = ContentEncoding.EightBit };
        var message = Message("Our year", "");
        message.Body = part;

        Assert.Contains("Caf\u00e9 \u2013 na\u00efve \u20ac5.", ConvertFile(message).Post!.Body);
    }

    [Fact]
    public void Bare_web_addresses_with_underscores_and_tildes_are_linked_as_written()
    {
        var page = PublishedPage(ConvertFile(Message("Links", Prose + "\n\nSee https://example.org/my_page_here and www.example.org/~team/a_b today.")).Post!);

        Assert.Contains("<a href=\"https://example.org/my_page_here\"", page);
        // Markdig writes the tilde percent-encoded, the same address.
        Assert.Contains("<a href=\"http://www.example.org/%7Eteam/a_b\"", page);
        Assert.DoesNotContain("%5C", page);
        Assert.DoesNotContain("\\_", page);
    }

    [Fact]
    public void A_one_column_layout_table_keeps_its_headings_lists_and_paragraphs()
    {
        var html = $"<table><tr><td><h2>Why we changed</h2><p>{Prose}</p></td></tr><tr><td><ul><li>Warmer letters</li><li>A calmer waiting room</li></ul></td></tr></table>";
        var post = ConvertFile(Message("Our year", "", html)).Post!;

        Assert.Contains("## Why we changed\n\n" + Prose[..20], post.Body);
        Assert.Contains("- Warmer letters\n- A calmer waiting room", post.Body);
    }

    [Fact]
    public void A_data_tables_cells_keep_their_words_apart_on_one_line_and_a_nested_table_is_a_line_of_its_cell()
    {
        var html = $"<p>{Prose}</p><table><tr><th><p>Waiting time</p><p>(weeks)</p></th><th>Feedback</th></tr>" +
                   "<tr><td>4<br><br>to 6</td><td><ul><li>Kind staff</li><li>Clear letters</li></ul></td></tr>" +
                   "<tr><td>Inner</td><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td></td></tr></table></td></tr></table>";
        var post = ConvertFile(Message("Our year", "", html)).Post!;

        var table = post.Body[post.Body.IndexOf("| Waiting", StringComparison.Ordinal)..].Split("\n\n")[0].Split('\n');
        Assert.Equal(4, table.Length);
        Assert.Equal("| Waiting time (weeks) | Feedback |", table[0]);
        Assert.Equal("| 4 to 6 | - Kind staff - Clear letters |", table[2]);
        // A table in a cell is a line of it: cells apart by commas, rows by semicolons.
        Assert.Equal("| Inner | a, b; c |", table[3]);
    }

    [Fact]
    public void Cells_spanning_columns_or_rows_leave_the_cells_after_them_under_their_own_headings()
    {
        var html = $"<p>{Prose}</p><table><tr><th>Site</th><th>Before</th><th>After</th></tr>" +
                   "<tr><td rowspan=\"2\">Leeds</td><td colspan=\"2\">Not measured</td></tr>" +
                   "<tr><td>6 weeks</td><td>4 weeks</td></tr>" +
                   "<tr><td>York</td><td>8 weeks</td><td>5 weeks</td></tr></table>";
        var post = ConvertFile(Message("Our year", "", html)).Post!;

        var table = post.Body[post.Body.IndexOf("| Site", StringComparison.Ordinal)..].Split("\n\n")[0].Split('\n');
        Assert.Equal(["| Site | Before | After |", "| --- | --- | --- |", "| Leeds | Not measured |  |", "|  | 6 weeks | 4 weeks |", "| York | 8 weeks | 5 weeks |"], table);
    }

    [Fact]
    public void A_table_of_one_wide_row_and_many_short_ones_is_no_bigger_than_its_cells()
    {
        // Every row padded to the widest would be 3,000 × 3,000 cells from a 130 KB email.
        var html = $"<p>{Prose}</p><table><tr>{string.Concat(Enumerable.Repeat("<td>h</td>", 3000))}</tr>" +
                   string.Concat(Enumerable.Repeat("<tr><td>a</td><td colspan=\"1000\" rowspan=\"1000\">b</td></tr>", 3000)) + "</table>";
        var body = ConvertFile(Message("Our year", "", html)).Post!.Body;

        Assert.InRange(body.Length, 50_000, 100_000);
        Assert.EndsWith("| a | b |", body);
    }

    [Theory]
    [InlineData("#PPW2025", "PPW2025")]
    [InlineData("Celebrating #PsychologicalProfessionsWeek: what we learned", "Celebrating #PsychologicalProfessionsWeek: what we learned")]
    public void A_hashtag_in_the_subject_is_part_of_the_title_unless_it_only_tags_it(string subject, string title) =>
        Assert.Equal(title, ConvertFile(Message(subject, Prose)).Post!.FrontMatter.Title);

    [Fact]
    public void A_word_document_is_the_post_when_the_email_beside_it_reads_as_a_covering_note_even_with_a_signature()
    {
        static MimeMessage WithDocument(string text, int paragraphs)
        {
            var message = Message("My post", "");
            var body = new BodyBuilder { TextBody = text };
            body.Attachments.Add("Our year.docx", WordDocuments.Package(string.Concat(Enumerable.Repeat(WordDocuments.Paragraph(Prose), paragraphs))));
            message.Body = body.ToMessageBody();
            return message;
        }
        const string Note = "Hello team, please find attached my blog post for the network, written after our service day last month. "
            + "I hope it is useful and I am happy to make any changes you suggest.\n\nJo Evans\nClinical Psychologist\nLeeds Community Services\nTelephone 0113 496 0000\nMobile 07700 900000";

        var post = ConvertFile(WithDocument(Note, 5)).Post!;
        Assert.StartsWith(Prose, post.Body);
        Assert.DoesNotContain("07700", post.Body);
        Assert.Contains(post.Warnings, w => w.StartsWith("The post was taken from the attached Word document 'Our year.docx'; the email's own text (", StringComparison.Ordinal));

        // An email that is a post of its own keeps it, beside a document no longer than itself.
        var own = ConvertFile(WithDocument(Prose + "\n\n" + Prose, 2)).Post!;
        Assert.Equal(Prose + "\n\n" + Prose, own.Body);
        Assert.Equal(["Our year.docx"], own.IgnoredAttachments);
    }

    [Fact]
    public void Apple_mails_text_photo_and_more_text_are_one_post_with_the_photo_between()
    {
        var message = Message("Our garden", "");
        var photo = new MimePart("image", "png") { Content = new MimeContent(new MemoryStream(Png(400, 300))), ContentTransferEncoding = ContentEncoding.Base64, ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "IMG_2041.png" } };
        message.Body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Before the photo. " + Prose },
            photo,
            new TextPart("plain") { Text = "After the photo, the garden grew. Volunteers came every week." },
        };

        var post = ConvertFile(message).Post!;

        var blocks = post.Body.Split("\n\n");
        Assert.Equal(["Before the photo. " + Prose, "![](image-1.png)", "After the photo, the garden grew. Volunteers came every week."], blocks);
        Assert.Single(post.Images);

        // The same as HTML, in plain text's alternative: the photo between the HTML parts.
        var html = new Multipart("mixed")
        {
            new TextPart("html") { Text = $"<html><body><p>Before the photo. {Prose}</p></body></html>" },
            new MimePart("image", "png") { Content = new MimeContent(new MemoryStream(Png(400, 300))), ContentTransferEncoding = ContentEncoding.Base64, ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "IMG_2042.png" } },
            new TextPart("html") { Text = "<html><body><p>After the photo, the garden grew. Volunteers came every week.</p></body></html>" },
        };
        message.Body = new MultipartAlternative { new TextPart("plain") { Text = "Before the photo. " + Prose + "\n\nAfter the photo, the garden grew." }, html };
        Assert.Equal(["Before the photo. " + Prose, "![](image-1.png)", "After the photo, the garden grew. Volunteers came every week."], ConvertFile(message).Post!.Body.Split("\n\n"));
    }

    [Theory]
    [InlineData("Our year.docx", "'Our year.docx' (protected: a password or a sensitivity label encrypts it; remove the protection in Word, File › Info › Protect Document)")]
    [InlineData("Our year.doc", "'Our year.doc' (saved in Word's older .doc format)")]
    [InlineData("Cut short.docx", "'Cut short.docx' (damaged or cut short: open it in Word and save it again)")]
    public void A_protected_old_or_damaged_word_document_is_named_with_why_it_cannot_be_read(string name, string named)
    {
        var message = Message("My post", "");
        var body = new BodyBuilder { TextBody = "Please find my post attached." };
        // An OLE compound file (Word's old format, or an encrypted .docx), or a .docx cut short on the way.
        body.Attachments.Add(name, name.StartsWith("Cut", StringComparison.Ordinal) ? WordDocuments.Package(WordDocuments.Paragraph(Prose))[..300]
            : [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]]);
        message.Body = body.ToMessageBody();

        Assert.StartsWith($"The attached Word document {named} could not be used, and the email itself has almost no text.", Assert.Single(ConvertFile(message).Reasons));
    }

    [Fact]
    public void Pictures_shown_only_in_the_signature_or_the_quoted_reply_are_not_published()
    {
        // Outlook on the web: a pasted photo in the post, the trust's logo in the signature, a banner in the editor's message replied to.
        var html = $"<div>{Prose}</div><div><img src=\"cid:photo@01\" alt=\"Our group\"></div>" +
            "<div id=\"Signature\"><p>Jo Evans<br>Peer Support Worker<br><img src=\"cid:trustlogo\" alt=\"Trust logo\"></p></div>" +
            "<div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">" +
            "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> PPN Blog<br><b>Sent:</b> 09 November 2026 16:02<br><b>Subject:</b> Blog request</div>" +
            "<div><p>Dear Jo, could you send us a post? <img src=\"cid:editorbanner\" alt=\"PPN banner\"></p></div>";
        var body = new BodyBuilder { HtmlBody = html };
        foreach (var (id, width) in new[] { ("photo@01", 40), ("trustlogo", 120), ("editorbanner", 600) })
            body.LinkedResources.Add(id + ".png", Png(width, 30), ContentType.Parse("image/png")).ContentId = id;
        var message = Message("Re: Blog request", "");
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal($"{Prose}\n\n![Our group](image-1.png)", post.Body);
        Assert.Equal(40, Assert.Single(post.Images).Width);
    }

    [Theory]
    // Outlook's "send clear-text signed message" off: the whole message is the signed data.
    [InlineData(true)]
    // On: the message, and its signature (smime.p7s) beside it.
    [InlineData(false)]
    public void A_post_signed_with_a_certificate_is_read_and_its_signature_is_no_attachment(bool opaque)
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Jo Evans, E=jo.evans@nhs.net", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var context = new MimeKit.Cryptography.TemporarySecureMimeContext();
        var signer = new MimeKit.Cryptography.CmsSigner(certificate);
        var post = new TextPart("plain") { Text = Prose };
        var message = Message("Our first appointment", "");
        message.Body = opaque ? MimeKit.Cryptography.ApplicationPkcs7Mime.Sign(context, signer, post) : MimeKit.Cryptography.MultipartSigned.Create(context, signer, post);

        var converted = ConvertFile(message).Post!;

        Assert.Equal(Prose, converted.Body);
        Assert.Empty(converted.IgnoredAttachments);
    }

    [Fact]
    public void An_encrypted_post_is_refused_saying_so()
    {
        var message = Message("Our first appointment", "");
        message.Body = new MimeKit.Cryptography.ApplicationPkcs7Mime(MimeKit.Cryptography.SecureMimeType.EnvelopedData, new MemoryStream(new byte[64]));

        Assert.StartsWith("The email is encrypted, which we cannot open.", Assert.Single(ConvertFile(message).Reasons));
    }

    [Fact]
    public void Struck_out_raised_and_lowered_text_keeps_its_meaning()
    {
        var html = $"<p>{Prose}</p><p>The fee was <s>£40</s> <del>£30</del> <strike>£20 a head</strike> and is now free. " +
            "The room is 40 m<sup>2</sup>, we reached 10<sup>6</sup> views, and drank H<sub>2</sub>O. " +
            "<span style=\"text-decoration: line-through\">Outlook's strike</span>, <span style=\"vertical-align:super;font-size:8pt\">Docs' raised</span> ~ ^ text.</p>";

        var post = ConvertFile(Message("Fees", "", html)).Post!;

        Assert.EndsWith("The fee was ~~£40~~ ~~£30~~ ~~£20 a head~~ and is now free. The room is 40 m<sup>2</sup>, we reached 10<sup>6</sup> views, and drank H<sub>2</sub>O. " +
            "~~Outlook's strike~~, <sup>Docs' raised</sup> \\~ \\^ text.", post.Body);
        var page = PublishedPage(post);
        Assert.Contains("The fee was <del>£40</del> <del>£30</del> <del>£20 a head</del> and is now free. The room is 40 m<sup>2</sup>, we reached 10<sup>6</sup> views, " +
            "and drank H<sub>2</sub>O. <del>Outlook's strike</del>, <sup>Docs' raised</sup> ~ ^ text.", page);
    }

    [Fact]
    public void Outlooks_symbol_font_smileys_ticks_and_arrows_read_as_what_they_show_and_a_symbol_with_no_character_is_left_out_and_told()
    {
        // As Outlook writes them: AutoCorrect's smileys and arrows in Wingdings (a span inside a span naming the symbol
        // font), ticks in Wingdings and Wingdings 2 (quoted), the Symbol font's Greek, and a <font face>; a signature
        // left out holds a symbol with no character (a mouse), which is not told of.
        const string Symbol = "mso-ascii-font-family:Calibri;mso-hAnsi-font-family:Calibri;mso-char-type:symbol;mso-symbol-font-family:Wingdings";
        var html = "<html><body lang=EN-GB><div class=WordSection1>"
            + $"<p class=MsoNormal>{Prose}<o:p></o:p></p>"
            + $"<p class=MsoNormal>The day went well <span style='font-family:Wingdings;{Symbol}'><span style='mso-char-type:symbol;mso-symbol-font-family:Wingdings'>J</span></span> "
            + "and the rain held off <span style='font-family:\"Wingdings 2\";mso-ascii-font-family:Calibri'>P</span>, but parking was <b><span style='font-family:Wingdings'>L</span></b><o:p></o:p></p>"
            + "<p class=MsoNormal>Booked <span style='font-family:Wingdings'>ü</span> Paid <span style='font-family:Wingdings'>û</span> Next <span style='font-family:Wingdings'>à</span> "
            + "the <span style='font-family:Symbol'>a</span> wave, <font face=\"Wingdings\">&#61514;</font>, and Jo's team, K and J as letters "
            + "<span style='font-family:Wingdings'><span style='font-family:Calibri'>Jo</span></span>.<o:p></o:p></p>"
            + "<p class=MsoNormal>We lit a candle <span style='font-family:Wingdings'>'</span> for those we lost.<o:p></o:p></p>"
            + "<div id=Signature><p class=MsoNormal>Jo Evans <span style='font-family:Wingdings'>8</span></p></div></div></body></html>";

        var post = ConvertFile(Message("A good day", "", html)).Post!;

        Assert.Equal($"{Prose}\n\nThe day went well ☺ and the rain held off ✓, but parking was **☹**\n\n"
            + "Booked ✓ Paid ✗ Next → the α wave, ☺, and Jo's team, K and J as letters Jo.\n\nWe lit a candle for those we lost.", post.Body);
        Assert.Equal(["A symbol in the Wingdings font (Outlook and Word draw smileys, ticks and arrows with it) has no character on the web, so it was left out, "
            + "after 'We lit a candle'. Ask the contributor what it showed, if it matters."], post.Warnings);
    }

    [Fact]
    public void A_pasted_picture_the_email_does_not_hold_is_said_to_be_left_out()
    {
        var post = ConvertFile(Message("Referrals", "", $"<p>{Prose}</p><p><img src=\"cid:chart@01D9\" alt=\"Chart of referrals\"></p>")).Post!;

        Assert.Contains("A picture the email shows, but does not hold (pasted in, then not sent with it), was left out.", post.Warnings);
        Assert.Empty(post.Images);
    }

    [Fact]
    public void Marks_and_inserts_written_as_text_stay_text()
    {
        var page = PublishedPage(ConvertFile(Message("Notation", Prose + "\n\nIn our notes ==urgent== meant flagged, and C++ or ++new++ meant added; a == b.")).Post!);

        Assert.Contains("In our notes ==urgent== meant flagged, and C++ or ++new++ meant added; a == b.", page);
    }

    [Fact]
    public void A_meeting_invitation_is_refused_as_one_and_a_post_with_an_events_calendar_file_is_not()
    {
        var message = Message("Team catch-up", "");
        var invite = new BodyBuilder { TextBody = Prose };
        invite.Attachments.Add("invite.ics", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"), new ContentType("text", "calendar"));
        message.Body = invite.ToMessageBody();

        Assert.StartsWith("The email is a meeting invitation", Assert.Single(ConvertFile(message).Reasons));

        // An event's calendar file attached to a post only publishes the event: the post is the post.
        var post = Message("Our open day", "");
        var withEvent = new BodyBuilder { TextBody = Prose };
        withEvent.Attachments.Add("open-day.ics", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"), new ContentType("text", "calendar"));
        post.Body = withEvent.ToMessageBody();
        var converted = ConvertFile(post).Post!;
        Assert.Equal(Prose, converted.Body);
        Assert.Equal(["open-day.ics"], converted.IgnoredAttachments);

        // Inline too, as some calendars send an event: still the post.
        var inline = Message("Our open day", "");
        var inlineEvent = new TextPart("calendar") { Text = "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n" };
        inlineEvent.ContentType.Parameters.Add("method", "PUBLISH");
        inlineEvent.ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "Lake walk.ics" };
        inline.Body = new Multipart("mixed") { new TextPart("plain") { Text = Prose }, inlineEvent };
        Assert.Equal(Prose, ConvertFile(inline).Post!.Body);
    }

    [Fact]
    public void An_outlook_signature_of_a_paragraph_a_line_goes_with_its_sign_off_and_a_thanks_that_opens_more_of_the_post_stays()
    {
        var signature = string.Concat(new[] { "Kind regards,", "Jo Evans", "Clinical Psychologist", "Leeds Community Services", "Leeds and York Partnership NHS Foundation Trust",
            "2150 Thorpe Park", "Leeds", "LS15 8ZB", "Telephone: 0113 496 0000", "Mobile: 07700 900000", "Working days: Monday to Thursday" }.Select(l => $"<p>{l}</p>"));
        var signed = ConvertFile(Message("Our year", "", $"<p>{Prose}</p>{signature}")).Post!;
        Assert.Equal(Prose, signed.Body);
        Assert.Contains("Removed the sign-off and signature at the end of the email.", signed.Warnings);

        var thanks = $"<p>{Prose}</p><p>Thanks!</p><ul><li>The volunteers</li><li>The estates team</li></ul><p>{Prose}</p>";
        var post = ConvertFile(Message("Our year", "", thanks)).Post!;
        Assert.Contains("- The volunteers", post.Body);
        Assert.EndsWith(Prose, post.Body);
    }

    [Fact]
    public void Paragraphs_written_as_blank_lines_of_line_breaks_lose_their_sign_off_signature_and_disclaimer_as_paragraphs_do()
    {
        // Thunderbird's "Body Text" and some web mailers: one run of text, paragraphs apart by <br><br>.
        var html = "Author: Sam Carter<br>Role: Peer Support Lead<br><br>" + Prose + "<br><br>" + Prose + "<br>\n<br>\nKind regards<br>Sam<br><br>Sam Carter<br>" +
            "Peer Support Lead, North Locality<br>Mobile 07700 900 123<br><br>This message may contain confidential information. If you are not the " +
            "intended recipient please inform the sender that you have received the message in error before deleting it.<br>";
        var post = ConvertFile(Message("Our year", "", html)).Post!;

        Assert.Equal($"{Prose}\n\n{Prose}", post.Body);
        Assert.Equal(("Sam Carter", "Peer Support Lead"), (post.FrontMatter.Author, post.FrontMatter.Role));
    }

    [Theory]
    [InlineData("CONFIDENTIALITY NOTICE: The contents of this email message and any attachments are intended solely for the addressee(s) and may contain confidential " +
        "and/or privileged information and may be legally protected from disclosure. If you are not the intended recipient of this message or their agent, or if this " +
        "message has been addressed to you in error, please immediately alert the sender by reply email and then delete this message and any attachments. If you are " +
        "not the intended recipient, you are hereby notified that any use, dissemination, copying, or storage of this message or its attachments is strictly prohibited.")]
    [InlineData("This email and any files transmitted with it are intended solely for the use of the individual or entity to whom they are addressed.")]
    [InlineData("Sent from Workspace ONE Boxer")]
    // Apps link their own name in their footer.
    [InlineData("Get <a href=\"https://aka.ms/o0ukef\">Outlook for iOS</a>")]
    [InlineData("<a href=\"https://mail.onelink.me/107872968?pid=nativeplacement\">Sent from Yahoo Mail for iPhone</a>")]
    [InlineData("Sent with <a href=\"https://proton.me/\">Proton Mail</a> secure email.")]
    [InlineData("Sent from <a href=\"https://go.microsoft.com/fwlink/?LinkId=550986\">Mail</a> for Windows")]
    [InlineData("<a href=\"https://aol.com/app\">Sent from the all new AOL app for iOS</a>")]
    [InlineData("-- This email has been checked for viruses by AVG antivirus software. <a href=\"https://www.avg.com\">www.avg.com</a>")]
    [InlineData("Virus-free.<a href=\"https://www.avast.com/sig-email\">www.avast.com</a>")]
    [InlineData("Please note that all emails sent and received by the Trust may be subject to disclosure under the Freedom of Information Act 2000.")]
    [InlineData("Out of office: I will be on annual leave from 14 to 28 November.")]
    [InlineData("Sent with Spark")]
    [InlineData("Sent from Nine")]
    public void A_notice_or_app_footer_after_the_signature_goes_with_it(string footer)
    {
        var html = $"<p>{Prose}</p><p>Kind regards</p><p>Farah</p><p><b>Farah Ahmed</b></p><p>Clinical Lead, Crisis Resolution and Home Treatment</p>" +
            $"<p>Tel: 01274 228 300 | Mob: 07700 900 982</p><p>{footer}</p>";
        var post = ConvertFile(Message("Our year", "", html)).Post!;

        Assert.Equal(Prose, post.Body);
    }

    [Theory]
    [InlineData("CAUTION: This email originated from outside of the organisation. Do not click links or open attachments unless you recognise the sender and know the content is safe.")]
    [InlineData("[EXTERNAL] This message came from outside your organisation.")]
    [InlineData("EXTERNAL EMAIL: Do not click links or open attachments unless you recognise the sender and know the content is safe.")]
    [InlineData("This email has been sent from an external source. Please be cautious with links and attachments.")]
    [InlineData("This email has originated from outside of the organisation. Please be careful with links and attachments.")]
    [InlineData("This email is from an external sender. Please take care when opening links and attachments.")]
    [InlineData("[EXTERNAL EMAIL] - Use caution with links and attachments.")]
    [InlineData("This message originated outside your organisation. Be cautious with links.")]
    [InlineData("** External Sender ** Think before you click!")]
    [InlineData("This Message Is From an External Sender")]
    public void An_external_mail_banner_above_the_post_is_removed(string banner)
    {
        var post = ConvertFile(Message("Our year", "", $"<p>{banner}</p><p>{Prose}</p>")).Post!;

        Assert.Equal(Prose, post.Body);
        Assert.Contains("Removed the external-mail warning at the start of the email.", post.Warnings);
    }

    [Fact]
    public void A_role_or_summary_line_too_long_for_one_is_refused_naming_the_line()
    {
        var reasons = ConvertFile(Message("Our year", $"Role: {string.Concat(Enumerable.Repeat("Psychologist and ", 20))}lead\nSummary: {Prose} {Prose}\n\n{Prose}")).Reasons;

        Assert.Equal(["The 'Role:' line is 344 characters long; it is for a job title and network, at most 200 characters. Please shorten it (or put the text in the post itself) and send the email again.",
                      $"The 'Summary:' line is {Prose.Length * 2 + 1} characters long; it is for one or two sentences, at most 600 characters. Please shorten it (or put the text in the post itself) and send the email again."],
            reasons);
    }

    [Fact]
    public void A_numbered_list_continued_after_a_paragraph_keeps_its_numbers()
    {
        var post = ConvertFile(Message("Steps", "", $"<p>{Prose}</p><ol><li>Listen</li><li>Plan</li><li>Try</li></ol><p>Then, after a pause:</p><ol start=\"4\"><li>Review</li></ol>")).Post!;

        Assert.Contains("1. Listen\n2. Plan\n3. Try\n\nThen, after a pause:\n\n4. Review", post.Body);
    }

    [Fact]
    public void A_list_of_letters_or_roman_numerals_keeps_them_where_the_sites_markdown_reads_them_and_its_numbers_elsewhere()
    {
        // Letters from C; Roman numerals; letters from i, which Markdown would read as a Roman numeral; numerals past xxxix.
        var html = $"<p>{Prose}</p><ol type=\"A\" start=\"3\"><li>Review</li><li>Report</li></ol><p>Parts:</p><ol type=\"i\"><li>Costs</li><li>Staff</li></ol>"
            + "<p>Then:</p><ol type=\"a\" start=\"9\"><li>Ninth</li></ol><p>Last:</p><ol type=\"I\" start=\"39\"><li>Thirty-nine</li><li>Forty</li></ol>";

        var post = ConvertFile(Message("Steps", "", html)).Post!;

        Assert.Equal($"{Prose}\n\nC. Review\nD. Report\n\nParts:\n\ni. Costs\nii. Staff\n\nThen:\n\n9. Ninth\n\nLast:\n\n39. Thirty-nine\n40. Forty", post.Body);
    }
}
