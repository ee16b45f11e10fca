using MimeKit;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Text;
using PPNBlog.Submissions.Bot;
using PPNBlog.Submissions.Conversion;

using static PPNBlog.Submissions.Tests.Emails;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>Messages built here and written as real .eml files, for the cases a fixture per case would not make clearer.</summary>
public class HostileMessageTests
{
    [Theory]
    [InlineData("---")]
    [InlineData("key: value: more")]
    [InlineData("# not a comment")]
    [InlineData("& anchor * alias !! tag")]
    [InlineData("\"double\" and 'single' quotes")]
    [InlineData("line one\nline two\r\nline three")]
    [InlineData("{{ site.title }} {% raw %}")]
    [InlineData("@mention `code` | pipe > quote")]
    public void Yaml_breaking_subjects_are_written_safely_and_read_back_equal(string subject)
    {
        var post = ConvertFile(Message("Blog: " + subject, Prose)).Post!;
        var text = SubmissionWriter.PostText(post);
        var diagnostics = new DiagnosticList();
        var read = PostSchema.Read(FrontMatterBlock.Split(text), "/tmp/x/index.md", "index.md", Emails.Commitments.Select(c => c.Slug).ToList(), diagnostics);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(post.FrontMatter.Title, read!.FrontMatter.Title);
        Assert.DoesNotContain('\n', post.FrontMatter.Title);
    }

    [Theory]
    [InlineData("Control characters", "Bell \u0007 escape \u001B[31m red, line\vbreak and page\fbreak.", null)]
    [InlineData("Control characters", null, "<p>Bell &#7; escape \u001B[31m red, line\vbreak and page&#12;break.</p><p><code>x\u0001y</code> <img src=\"cid:none\" alt=\"a\u0002b\"></p>")]
    [InlineData("", null, "<h1>Heading \u0007 title</h1><pre>code\u0008 block</pre>")]
    [InlineData("C1\u0085controls", "A quote\u0092s end, DEL \u007F, line\u0085break and page\fbreak.", null)]
    [InlineData("C1 controls", null, "<p>A quote\u0092s end, line\u0085break and page&#12;break.</p><p><code>x\u009By</code></p>")]
    public void Control_characters_from_the_email_never_reach_the_post(string subject, string? text, string? html)
    {
        // With no subject, the title comes from the body's first heading.
        var post = ConvertFile(Message(subject, text + "\n\n" + Prose, html is null ? null : $"{html}<p>{Prose}</p>")).Post!;
        var written = SubmissionWriter.PostText(post);
        var diagnostics = new DiagnosticList();
        // What the build reads: the file decodes with no PPN023 (a feed could not hold these characters).
        Assert.Equal(written, PPNBlog.Content.Sources.SourceText.Decode(System.Text.Encoding.UTF8.GetBytes(written), "index.md", diagnostics));
        Assert.Empty(diagnostics.Sorted());
        Assert.DoesNotContain(written, c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        if (subject.Length == 0)
        {
            Assert.Equal("Heading title", post.FrontMatter.Title);
            Assert.Contains("code block", written);
        }
        else
        {
            Assert.Contains("line break", written);
            Assert.Contains("page break", written);
        }
    }

    [Fact]
    public void The_bot_validates_the_file_it_writes_as_the_build_reads_it()
    {
        var post = ConvertFile(Message("Validated as written", Prose)).Post!;
        var slugs = Emails.Commitments.Select(c => c.Slug).ToList();
        Assert.DoesNotContain(SubmissionWriter.Validate(post, slugs), d => d.IsError);
        // A body the converter did not clean (a future path into it) fails here, not in the site's build.
        var error = Assert.Single(SubmissionWriter.Validate(post with { Body = post.Body + "\n\nBell \u0007." }, slugs), d => d.IsError);
        Assert.Equal("PPN023", error.Code.Id);
        Assert.EndsWith("/index.md", error.Location.File);
    }

    [Fact]
    public void Enormous_headers_and_lines_do_not_break_the_conversion()
    {
        var message = Message(new string('S', 200_000), Prose + " " + string.Concat(Enumerable.Repeat("word ", 400_000)));
        message.Headers.Add("X-Junk", new string('j', 500_000));
        var post = ConvertFile(message).Post!;
        Assert.True(post.FrontMatter.Title.Length <= 151);
        Assert.True(post.Slug.Length <= 80);
    }

    [Fact]
    public void A_covering_note_with_an_unreadable_word_document_is_refused_naming_the_document()
    {
        var document = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(document, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<w:document><w:body><w:p>cut short");
        var message = Message("My post", "Please find my post attached.");
        var body = new BodyBuilder { TextBody = "Please find my post attached." };
        body.Attachments.Add("My post.docx", document.ToArray());
        message.Body = body.ToMessageBody();

        var result = ConvertFile(message);

        Assert.Null(result.Post);
        Assert.Equal(["The attached Word document 'My post.docx' (damaged, or not really a .docx) could not be used, and the email itself has almost "
            + "no text. Please paste the post into the email, or attach it as a Word document (.docx: in Word, File › Save As › Word Document), and send it again."],
            result.Reasons);
    }

    [Fact]
    public void Word_documents_are_read_within_one_budget_for_the_whole_email_and_each_one_left_out_is_named()
    {
        // Each compresses to almost nothing; unpacked, the first is text no post needs, the others 19 MB of damaged XML.
        var body = new BodyBuilder { TextBody = "Please find my post attached." };
        body.Attachments.Add("Huge.docx", WordDocuments.Package(WordDocuments.Paragraph(Prose), padding: DocxToHtml.MaxDocumentXmlBytes));
        for (var i = 1; i <= 4; i++)
            body.Attachments.Add($"Draft {i}.docx", WordDocuments.Package("<w:p>" + WordDocuments.Paragraph(Prose), padding: 19L * 1024 * 1024));
        var message = Message("My post", "");
        message.Body = body.ToMessageBody();

        var result = ConvertFile(message);

        Assert.Null(result.Post);
        Assert.Equal(["The attached Word document 'Huge.docx' (too large when unpacked: its text is over 20 MB, far more than any post), "
            + "'Draft 1.docx' (damaged, or not really a .docx), 'Draft 2.docx' (damaged, or not really a .docx), "
            + "'Draft 3.docx' (not read: with the Word documents before it, over the 50 MB an email's documents may unpack to), "
            + "'Draft 4.docx' (not read: with the Word documents before it, over the 50 MB an email's documents may unpack to) could not be used, "
            + "and the email itself has almost no text. Please paste the post into the email, or attach it as a Word document (.docx: in Word, "
            + "File › Save As › Word Document), and send it again."], result.Reasons);
    }

    [Theory]
    [InlineData("post.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n")]
    [InlineData("post.odt", "application/vnd.oasis.opendocument.text", "PK\u0003\u0004 not a Word zip")]
    public void A_covering_note_with_the_post_in_another_format_is_refused_naming_the_attachment(string name, string type, string content)
    {
        var body = new BodyBuilder { TextBody = "Hello, please find my blog post attached. Thanks, Sam" };
        body.Attachments.Add(name, System.Text.Encoding.Latin1.GetBytes(content), ContentType.Parse(type));
        var message = Message("My post", "");
        message.Body = body.ToMessageBody();

        var result = ConvertFile(message);

        Assert.Null(result.Post);
        Assert.Equal([$"The email has almost no text, and the attached '{name}' cannot be turned into a post: only a Word document (.docx) can. Please paste "
            + "the post into the email, or attach it as a Word document (.docx: in Word, File › Save As › Word Document), and send it again."], result.Reasons);
    }

    [Fact]
    public void Thousands_of_attachments_are_named_in_a_short_reply()
    {
        var body = new BodyBuilder { TextBody = "Hello, my post is attached. Sam" };
        for (var i = 0; i < 3; i++) body.Attachments.Add("Untitled Attachment", [1, 2, 3], ContentType.Parse("application/octet-stream"));
        for (var i = 0; i < 2_000; i++) body.Attachments.Add($"part-{i}.bin", [1, 2, 3], ContentType.Parse("application/octet-stream"));
        var message = Message("My post", "");
        message.Body = body.ToMessageBody();

        var result = ConvertFile(message);

        Assert.Null(result.Post);
        Assert.Equal(["The email has almost no text, and the attached 'Untitled Attachment' (×3), 'part-0.bin', 'part-1.bin', 'part-2.bin', 'part-3.bin' "
            + "and 1996 more cannot be turned into a post: only a Word document (.docx) can. Please paste the post into the email, or attach it as a Word "
            + "document (.docx: in Word, File › Save As › Word Document), and send it again."], result.Reasons);
    }

    [Fact]
    public void Html_nested_deeper_than_browsers_nest_is_refused_with_a_reason_not_parsed_for_hours()
    {
        // 200,000 nested elements in 2 MB: parsed, this takes minutes (the parser's cost grows with the square of the depth).
        var html = $"<p>{Prose}</p>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "x";
        var result = ConvertFile(Message("Nested", Prose, html));
        Assert.Null(result.Post);
        Assert.Equal([SubmissionConverter.TooDeep], result.Reasons);
        Assert.False(SubmissionBot.AsksToWithdraw(Message("Re: Nested", null!, "<p>WITHDRAW</p>" + string.Concat(Enumerable.Repeat("<div>", 200_000)))));
    }

    [Fact]
    public void Tens_of_thousands_of_elements_side_by_side_are_refused_with_a_reason_not_read_for_minutes()
    {
        // 30,000 bold words in one paragraph (a browser's sibling lookups made each conversion step read them all).
        var html = $"<p>{Prose}</p><p>" + string.Concat(Enumerable.Range(0, 30_000).Select(i => $"<b>w{i}</b> ")) + "</p>";
        Assert.Equal([SubmissionConverter.TooManyElements], ConvertFile(Message("Bold", Prose, html)).Reasons);
    }

    [Fact]
    public void Thousands_of_quotes_are_read_once_each_and_the_post_kept()
    {
        // 15,000 empty quotes, 550 KB (within the elements an email may have): each was checked for words after it by
        // reading the rest of the email (minutes).
        var html = $"<p>{Prose}</p>" + string.Concat(Enumerable.Repeat("<blockquote type=\"cite\"></blockquote>", 15_000)) + "<p>The last words.</p>";
        var post = ConvertFile(Message("Quotes", Prose, html)).Post!;
        Assert.Equal($"{Prose}\n\nThe last words.", post.Body.Trim());
    }

    [Fact]
    public void A_summary_marked_in_the_email_keeps_its_words_without_their_markup()
    {
        var post = ConvertFile(Message("Markers", "[excerpt]A **short** summary of [the post](https://example.org/post) &amp; more.[/excerpt]\n\n" + Prose)).Post!;
        Assert.Equal("A short summary of the post & more.", post.FrontMatter.Summary);
    }

    [Fact]
    public void Wordpress_markers_set_tags_and_summary_and_end_the_post()
    {
        var post = ConvertFile(Message("Markers", "[excerpt]A short summary of the post.[/excerpt]\n\n" + Prose + " [tags research, co-production]\n\n[end]\n\nThis is not part of the post.")).Post!;
        Assert.Equal("A short summary of the post.", post.FrontMatter.Summary);
        Assert.Equal(["research", "co-production"], post.FrontMatter.Tags);
        Assert.DoesNotContain("not part of the post", post.Body);
        Assert.DoesNotContain("[tags", post.Body);
        Assert.StartsWith("A short summary of the post.", post.Body);
    }

    [Theory]
    [InlineData("\n\n")]
    // Straight on into hard-wrapped prose, with no blank line.
    [InlineData("\n")]
    public void Contributor_lines_in_plain_text_are_read_whatever_their_length(string separator)
    {
        const string Summary = "How a peer support network helped practitioners in primary care to look after each other";
        var wrapped = System.Text.RegularExpressions.Regex.Replace(Prose, "(.{1,70}) ", "$1\n");
        var text = $"Author: Jane Smith\nRole: Clinical psychologist, Leeds and York Partnership NHS Foundation Trust\nSummary: {Summary}\nTags: wellbeing, supervision{separator}{wrapped}";

        var post = ConvertFile(Message("Peer support", text)).Post!;

        Assert.Equal(("Jane Smith", "Clinical psychologist, Leeds and York Partnership NHS Foundation Trust", Summary), (post.FrontMatter.Author, post.FrontMatter.Role, post.FrontMatter.Summary));
        Assert.Equal(["wellbeing", "supervision"], post.FrontMatter.Tags);
        Assert.Equal(Prose, post.Body);
    }

    [Theory]
    // Written below the quote, with a greeting above it or none.
    [InlineData("Hi Sam,\n\nOn 11/11/2026 16:02, Sam Brown wrote:\n> Could you send your post?\n> Sam Brown | 07700 900123\n\n{0}\n", "Hi Sam,\n\n{0}")]
    [InlineData("On 3 Feb 2025, at 10:00,\nSam Patel <sam.patel@nhs.net> wrote:\n\n> Could you send your post?\n\n{0}\n", "{0}")]
    // A quote opening the email, with no attribution, is the message answered; an attribution over two lines, without a time's comma.
    [InlineData("> Dear Jo, could you send your post? Our direct line is 0113 496 0000.\n\n{0}\n", "{0}")]
    [InlineData("On Thu, 26 Sep 1996 18:30:27 -0700\n\"Sam Patel\" <sam.patel@nhs.net> wrote:\n>Could you send your post?\n\n{0}\n", "{0}")]
    public void A_plain_text_reply_written_below_the_quote_keeps_the_reply_and_loses_the_quote_and_its_attribution(string text, string body) =>
        Assert.Equal(string.Format(body, Prose), ConvertFile(Message("Re: Our groups", string.Format(text, Prose))).Post!.Body);

    [Theory]
    // The post below the message replied to, or in a forward: the note alone is no post.
    [InlineData("Hi Sam, here it is at last, sorry it took so long. It has been a busy term for all of us on the ward and I wanted to get the wording right before sending it to the network. My post is below your message.\n\nOn Mon, 3 Feb 2025 at 10:00, Sam Patel <sam.patel@nhs.net> wrote:\n> Could you send us your post?\n", null,
        "The email's own text (4X words) reads as a note about the post, not the post: the message it forwards or replies to was left out")]
    // The post attached in a format that cannot be read.
    [InlineData("Dear blog team, please find attached my blog post about our peer support groups this year. It was a real joy to write and I hope it is useful for colleagues across the region who are thinking of starting groups of their own.\n", "Our groups.pdf",
        "The email's own text (4X words) reads as a note about the post, not the post, and the attached 'Our groups.pdf' cannot be turned into a post: only a Word document (.docx) can.")]
    // Notes in their writers' own words, with no set phrase: the post as OpenDocument, as PDF.
    [InlineData("Hello,\n\nHere's the blog I promised at the network meeting last week. I wrote it in LibreOffice so I hope the format works for you, it's about our carers' cafe and what we learned in the first year of running it with families.\n", "carers cafe.odt",
        "The email's own text (4X words) reads as a note about the post, not the post, and the attached 'carers cafe.odt' cannot be turned into a post")]
    [InlineData("Hi team,\n\nAs promised, this is for the PPN blog: our peer support group in Leeds and how it started. Do let me know if you need any changes or extra photos of the group, and I can send a short quote from one of our members too.\n", "Peer support FINAL.pdf",
        "The email's own text (4X words) reads as a note about the post, not the post, and the attached 'Peer support FINAL.pdf' cannot be turned into a post")]
    // The post never attached.
    [InlineData("Dear blog team, please find attached my blog post about our peer support groups this year. It was a real joy to write and I hope it is useful for colleagues across the region who are thinking of starting groups of their own.\n", null,
        "The email's own text (4X words) reads as a note about the post, not the post, and no document came with it.")]
    public void A_covering_note_long_enough_for_a_post_is_not_published_in_place_of_the_post_it_covers(string text, string? attachment, string reason)
    {
        var message = Message("Our groups", text);
        if (attachment is not null)
        {
            var body = new MimeKit.BodyBuilder { TextBody = text };
            body.Attachments.Add(attachment, "%PDF-1.7 a document"u8.ToArray());
            message.Body = body.ToMessageBody();
        }

        // (4X: the words of the note, between 40 and 49.)
        Assert.StartsWith(reason, System.Text.RegularExpressions.Regex.Replace(Assert.Single(ConvertFile(message).Reasons), @"\(4\d words\)", "(4X words)"));
    }

    [Theory]
    // A greeting to the team and the note after it go; the post's own opening stays.
    [InlineData("Hi PPN blog team,\n\nHere is my post for the blog, as we discussed on the phone on Tuesday.\n\n{0}", "{0}")]
    [InlineData("Dear Editor,\n\n{0}", "{0}")]
    [InlineData("Good morning comms team!\n\n{0}\n\nA second paragraph of the post.", "{0}\n\nA second paragraph of the post.")]
    // A greeting to a person, or to readers, may open the post itself.
    [InlineData("Dear colleagues,\n\n{0}", null)]
    [InlineData("Hi everyone,\n\n{0}", null)]
    public void A_greeting_to_the_blog_team_and_its_note_are_not_published(string text, string? body)
    {
        var post = ConvertFile(Message("Our groups", string.Format(text, Prose))).Post!;

        Assert.Equal(string.Format(body ?? text, Prose), post.Body);
        Assert.Equal(body is not null, post.Warnings.Contains("Removed the greeting to the blog team at the start of the email."));
    }

    [Fact]
    public void A_word_document_under_a_note_in_the_writers_own_words_is_the_post_however_short()
    {
        // 50 words of note, no set phrase; the post is not twice as long.
        var body = new MimeKit.BodyBuilder { TextBody = "Hi team,\n\nAs promised at the network meeting, here is something for the PPN blog about our carers cafe. " +
            "I hope it is the sort of thing you were looking for, and let me know if you need any changes or some photos of the group to go with it.\n" };
        body.Attachments.Add("Carers cafe blog v3.docx", WordDocuments.Package(WordDocuments.Paragraph(Prose) + WordDocuments.Paragraph("Come and join us on Thursdays.")));
        var message = Message("Blog for the website", "");
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal(Prose + "\n\nCome and join us on Thursdays.", post.Body);
        Assert.Contains(post.Warnings, w => w.StartsWith("The post was taken from the attached Word document 'Carers cafe blog v3.docx'; the email's own text", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_post_written_above_the_request_it_answers_is_the_post()
    {
        var text = "Here is my post about our singing group, as promised. " + Prose + "\n\nOn Mon, 3 Feb 2025 at 10:00, Comms Team <comms@example.org> wrote:\n> Could you send it by Friday?\n";

        var post = ConvertFile(Message("Re: Our choir", text)).Post!;

        Assert.Equal("Here is my post about our singing group, as promised. " + Prose, post.Body);
        Assert.Contains("Removed the quoted reply or forwarded message at the end of the email.", post.Warnings);
    }

    [Fact]
    public void A_short_post_that_mentions_a_leaflet_attached_is_the_post()
    {
        var body = new MimeKit.BodyBuilder { TextBody = Prose + " The leaflet we give families is attached, and see below for the dates.\n" };
        body.Attachments.Add("Leaflet.pdf", "%PDF-1.7 a leaflet"u8.ToArray());
        var message = Message("Our groups", "");
        message.Body = body.ToMessageBody();

        var result = ConvertFile(message);

        Assert.Empty(result.Reasons);
        Assert.StartsWith(Prose, result.Post!.Body);
    }

    [Theory]
    [InlineData("<p><b>Author:</b> Dr Farah Ahmed<br><b>Role:</b> Clinical Psychologist<br><i>Tags:</i> crisis care</p>")]
    [InlineData("<p><b>Author</b>: Dr Farah Ahmed</p><p><b>Role: Clinical Psychologist</b></p><p><strong>Tags:</strong> crisis care</p>")]
    public void Contributor_lines_with_their_labels_in_bold_or_italics_are_read(string lines)
    {
        var post = ConvertFile(Message("Crisis plans", "", lines + $"<p>{Prose}</p>")).Post!;

        Assert.Equal(("Dr Farah Ahmed", "Clinical Psychologist"), (post.FrontMatter.Author, post.FrontMatter.Role));
        Assert.Equal(["crisis care"], post.FrontMatter.Tags);
        Assert.Equal(Prose, post.Body);
    }

    [Theory]
    [InlineData("On Mon, 3 Feb 2025 at 10:00, Sam Patel <sam.patel@nhs.net> wrote:\n> Could you send us your post?")]
    [InlineData("On 3 Feb 2025, at 10:00,\nSam Patel wrote:\n\nCould you send us your post?")]
    [InlineData("________________________________\nFrom: Sam Patel\nSent: 03 February 2025 10:00\n\nCould you send us your post?")]
    [InlineData("________________________________\n\nFrom: Sam Patel <sam.patel@nhs.net>\nSent: 03 February 2025 10:00\n\nCould you send us your post?")]
    // Welsh and French mail programs.
    [InlineData("________________________________\nOddi wrth: Sam Brown <sam.brown@wales.nhs.uk>\nAnfonwyd: 11 Tachwedd 2026 16:02\n\nAnnwyl Jane, ffoniwch fi.")]
    [InlineData("Ar Maw, 11 Tach 2026 am 16:02, Sam Brown <sam.brown@wales.nhs.uk> ysgrifennodd:\n> Annwyl Jane, ffoniwch fi.")]
    [InlineData("De : Sam Brown <sam.brown@nhs.net>\nEnvoyé : mardi 11 novembre 2026 16:02\n\nAppelez-moi au 07700 900123.")]
    public void The_message_replied_to_is_cut(string quoted)
    {
        Assert.Equal(Prose, ConvertFile(Message("Reply", Prose + "\n\n" + quoted)).Post!.Body);
    }

    [Theory]
    [InlineData("On Monday the families wrote: 'we felt heard for the first time', and the staff agreed.")]
    [InlineData("On reflection, everyone who came wrote: more of the same, please.")]
    [InlineData("______________________________")]
    public void A_paragraph_that_only_looks_like_a_reply_header_is_kept(string paragraph)
    {
        var text = $"{Prose}\n\n{paragraph}\n\nWe will share the results next year.";
        Assert.EndsWith("We will share the results next year.", ConvertFile(Message("Not a reply", text)).Post!.Body);
    }

    [Fact]
    public void A_title_from_the_first_heading_is_held_to_a_subjects_length()
    {
        var post = ConvertFile(Message("", "", $"<h1>{string.Concat(Enumerable.Repeat("Our long heading ", 40))}</h1><p>{Prose}</p>")).Post!;
        Assert.True(post.FrontMatter.Title.Length <= 151);
        Assert.StartsWith("Our long heading Our long heading", post.FrontMatter.Title);
        Assert.EndsWith("…", post.FrontMatter.Title);
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("👩‍⚕️")]
    [InlineData("e\u0301")]
    public void A_long_subject_is_cut_between_whole_characters_and_read_back_equal(string character)
    {
        // The character straddles the 150th UTF-16 unit, where the title is cut.
        var subject = new string('x', 149) + character + " and more words after it";
        var post = ConvertFile(Message(subject, Prose)).Post!;
        Assert.Equal(new string('x', 149) + "…", post.FrontMatter.Title);
        var diagnostics = new DiagnosticList();
        var read = PostSchema.Read(FrontMatterBlock.Split(SubmissionWriter.PostText(post)), "/tmp/x/index.md", "index.md", Emails.Commitments.Select(c => c.Slug).ToList(), diagnostics);
        Assert.DoesNotContain(diagnostics.Sorted(), d => d.IsError);
        Assert.Equal(post.FrontMatter.Title, read!.FrontMatter.Title);
    }

    [Fact]
    public void The_senders_address_is_taken_out_of_a_long_subject_before_it_is_cut()
    {
        // Cut first, the title would end "… jo.evans@nh…", which no longer reads as the address.
        var post = ConvertFile(Message(new string('w', 140) + " jo.evans@nhs.net and the rest of a long subject", Prose)).Post!;
        Assert.DoesNotContain("jo.evans", post.FrontMatter.Title);
        Assert.DoesNotContain("@", post.FrontMatter.Title);
    }

    [Fact]
    public void A_subject_too_long_for_a_title_is_cut_at_the_end_of_a_word_and_the_editor_told_what_it_was()
    {
        const string Subject = "Reflections on ten years of the Psychological Professions Network in the North East and Yorkshire: "
            + "what we learned about workforce planning, supervision, wellbeing and the future of care";

        var post = ConvertFile(Message(Subject, Prose)).Post!;

        const string Shortened = "Reflections on ten years of the Psychological Professions Network in the North East and Yorkshire: what we learned about workforce planning…";
        Assert.Equal(Shortened, post.FrontMatter.Title);
        Assert.Equal([$"The title was 186 characters long, more than the 150 a title may have, so it was shortened at the end of a word to '{Shortened}'. "
            + $"It was: '{Subject}'. Edit the title if the shortened one does not read well."], post.Warnings);
        var pullRequest = PPNBlog.Submissions.GitHub.PullRequestText.Body(post, [], null);
        Assert.Contains("The title was 186 characters long", pullRequest[pullRequest.IndexOf("## For the editor", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void A_title_of_one_long_word_is_cut_between_characters_and_one_of_150_characters_is_kept_whole()
    {
        var address = "https://www.example.org/" + new string('a', 200);
        var cut = ConvertFile(Message(address, Prose)).Post!;
        Assert.Equal(150, cut.FrontMatter.Title.Length);
        Assert.Equal(address[..149] + "…", cut.FrontMatter.Title);

        var whole = string.Concat(Enumerable.Repeat("Word ", 29)) + "Done.";
        Assert.Equal(whole, ConvertFile(Message(whole, Prose)).Post!.FrontMatter.Title);
        Assert.Empty(ConvertFile(Message(whole, Prose)).Post!.Warnings);
    }

    [Fact]
    public void A_first_paragraph_starting_with_a_hashtag_is_not_a_heading()
    {
        var result = ConvertFile(Message("", $"#PPW2025 was great. {Prose}"));
        Assert.Equal(["The email has no subject. Please send it again with the title of your post as the subject line."], result.Reasons);
    }

    [Theory]
    [InlineData("Jo Evans <jo.evans@nhs.net>", "A normal title", true, "The email is a delivery report or read receipt, not a blog post.")]
    [InlineData("MAILER-DAEMON <MAILER-DAEMON@nhs.net>", "A normal title", false, "The email is a delivery report or read receipt, not a blog post.")]
    [InlineData("Mail Delivery <postmaster@example.org>", "A normal title", false, "The email is a delivery report or read receipt, not a blog post.")]
    [InlineData("Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@nhs.net>", "A normal title", false, "The email is a delivery report or read receipt, not a blog post.")]
    [InlineData("Jo Evans <jo.evans@nhs.net>", "Returned: A normal title", false, "The subject reads like an automatic reply's (such as 'Automatic reply: …' or 'Out of office: …'), so we did not take the email as a blog post. If it is your post, please send it again with another subject line.")]
    [InlineData("Jo Evans <jo.evans@nhs.net>", "Delivery has failed to these recipients", false, "The subject reads like an automatic reply's (such as 'Automatic reply: …' or 'Out of office: …'), so we did not take the email as a blog post. If it is your post, please send it again with another subject line.")]
    public void Bounces_are_recognised_however_they_are_sent(string from, string subject, bool nestedReport, string reason)
    {
        var message = Message(subject, Prose);
        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(from));
        if (nestedReport)
        {
            var status = new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx.nhs.net\r\n\r\nFinal-Recipient: rfc822; x@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"u8.ToArray())) };
            message.Body = new Multipart("mixed") { new TextPart("plain") { Text = Prose }, new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery failed." }, status } };
        }

        Assert.Equal([reason], ConvertFile(message).Reasons);
    }

    [Theory]
    [InlineData("Automatic reply: Small acts", true)]
    [InlineData("Out of Office", true)]
    [InlineData("Out of the office until Monday 3 December", true)]
    [InlineData("Out of office - back on 4 December", true)]
    [InlineData("Auto-Reply: Re: your post", true)]
    [InlineData("Undeliverable: Small acts", true)]
    [InlineData("Out of the office and into the community", false)]
    [InlineData("Auto-replies and the art of waiting", false)]
    [InlineData("Read: the books that shaped my practice", false)]
    [InlineData("Returned to practice after ten years", false)]
    public void Only_the_subjects_mail_programs_give_automatic_replies_mark_one(string subject, bool automatic)
    {
        const string Reason = "The subject reads like an automatic reply's (such as 'Automatic reply: …' or 'Out of office: …'), so we did not take the email as a blog post. If it is your post, please send it again with another subject line.";
        Assert.Equal(automatic, ConvertFile(Message(subject, Prose)).Reasons.Contains(Reason));
    }

    [Fact]
    public void A_post_whose_subject_only_reads_like_an_automatic_reply_is_answered_but_one_marked_automatic_is_not()
    {
        var replies = Replies();
        var post = Message("Out of office: what a week away taught me", Prose);
        Assert.True(replies.ShouldAnswer(post));
        post.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        Assert.False(replies.ShouldAnswer(post));
    }

    [Fact]
    public void Outlooks_plain_read_receipt_is_an_automatic_reply()
    {
        var receipt = Message("Read: Small acts", "Your message\n\n  To: blog@ppn.example\n  Subject: Small acts\n\nwas read on 24/11/2026 10:02.");
        Assert.Equal(["The email is an automatic reply (such as an out-of-office message), not a blog post."], ConvertFile(receipt).Reasons);
    }

    [Fact]
    public void Invisible_and_direction_changing_characters_are_removed_from_the_front_matter_and_overrides_from_the_body()
    {
        var message = Message("Small\u200B acts \u202Eecnereffid\u202C", $"Role: Psycho\u2067logist\u2069\u200F\n\n{Prose} Read \u202Egpj.exe\u202C now.");
        message.From.Clear();
        message.From.Add(new MailboxAddress("\uFEFFJo\u200D Evans\U000E0041", "jo.evans@nhs.net"));

        var post = ConvertFile(message).Post!;

        Assert.Equal(("Small acts ecnereffid", "Jo Evans", "Psychologist"), (post.FrontMatter.Title, post.FrontMatter.Author, post.FrontMatter.Role));
        Assert.EndsWith("Read gpj.exe now.", post.Body);
    }

    [Theory]
    [InlineData("SMITH, Jane (LEEDS AND YORK PARTNERSHIP NHS FOUNDATION TRUST)", "Jane Smith")]
    [InlineData("O'NEIL-JONES, Mary Anne (NHS ENGLAND)", "Mary Anne O'Neil-Jones")]
    [InlineData("McDonald, Sam (NHS SCOTLAND)", "Sam McDonald")]
    [InlineData("MCDONALD, Sam (NHS SCOTLAND)", "Sam McDonald")]
    [InlineData("MCINTYRE-MC, Al", "Al McIntyre-Mc")]
    [InlineData("Jo Evans (she/her)", "Jo Evans (she/her)")]
    [InlineData("SMITH, Jane", "Jane Smith")]
    [InlineData("SMITH, Jane (Dr) (LEEDS AND YORK PARTNERSHIP NHS FOUNDATION TRUST)", "Jane Smith")]
    public void An_nhsmail_display_name_becomes_the_name_as_written(string displayName, string author)
    {
        var message = Message("Small acts", Prose);
        message.From.Clear();
        message.From.Add(new MailboxAddress(displayName, "jane.smith@nhs.net"));
        Assert.Equal(author, ConvertFile(message).Post!.FrontMatter.Author);
    }

    [Theory]
    [InlineData("jane.smith\uFF20nhs.net")]
    [InlineData("jane.smith\uFE6Bnhs.net")]
    public void An_address_written_with_an_at_sign_lookalike_is_not_a_name(string displayName)
    {
        var message = Message("Small acts", Prose);
        message.From.Clear();
        message.From.Add(new MailboxAddress(displayName, "jane.smith@nhs.net"));
        Assert.Equal(["We could not tell your name from the email. Please add a first line 'Author: Your Name' and send it again."], ConvertFile(message).Reasons);
    }

    [Fact]
    public void A_display_name_too_long_to_be_a_name_is_refused_with_how_to_give_one()
    {
        var message = Message("Small acts", Prose);
        message.From.Clear();
        message.From.Add(new MailboxAddress(string.Concat(Enumerable.Repeat("Jane Smith ", 1_000)), "jane.smith@nhs.net"));
        var reason = Assert.Single(ConvertFile(message).Reasons);
        Assert.StartsWith("The name we read from the email is 10999 characters long", reason);
        Assert.Contains("'Author: Your Name' (at most 100 characters)", reason);
    }

    [Fact]
    public void A_post_forwarded_as_an_attached_email_is_refused_saying_the_attachment_was_not_opened()
    {
        var post = Message("Our clinic's year", Prose);
        var body = new BodyBuilder { TextBody = "Please see the blog post below." };
        body.Attachments.Add(new MessagePart { Message = post });
        var forward = Message("Fw: Our clinic's year", "");
        forward.Body = body.ToMessageBody();

        var reason = Assert.Single(ConvertFile(forward).Reasons);

        Assert.StartsWith("The email has almost no text, and the post seems to be in the attached email 'Our clinic's year', which we do not open", reason);
        Assert.Contains("Forward, not Forward as Attachment", reason);
    }

    [Fact]
    public void Plain_text_urls_become_links_on_the_built_page()
    {
        var post = ConvertFile(Message("Links", Prose + "\n\nMore at https://www.england.nhs.uk/ today.")).Post!;
        var (result, root) = Emails.BuildWith(post);
        try
        {
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            Assert.Contains("<a href=\"https://www.england.nhs.uk/\"", File.ReadAllText(Path.Combine(root, "_site", "posts", post.Slug, "index.html")));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void Outlook_rich_text_in_winmail_dat_is_read()
    {
        var path = Path.Combine(Emails.RepositoryRoot, "..", "shared", "corpus", "emails", "mimekit", "tnef-rich-text.eml");
        var post = Emails.Converter().Convert(MimeMessage.Load(path), new FileInfo(path).Length, Emails.Now).Post!;
        Assert.Equal("Rich Text", post.FrontMatter.Title);
        Assert.Contains("Christmas to remember", post.Body);
        Assert.NotEmpty(post.Images);
    }

    [Theory]
    [InlineData("<h1>Rewriting our letters</h1>")]
    [InlineData("<p><b>Rewriting Our Letters:</b></p>")]
    [InlineData("<p>Rewriting our letters</p>")]
    [InlineData("<h2>Re: rewriting our letters #PutPeopleFirst</h2>")]
    public void A_first_line_that_repeats_the_subject_is_not_published_twice(string first)
    {
        var message = Message("Rewriting our letters", "", first + "<p>" + Prose + "</p>");

        var post = ConvertFile(message).Post!;

        Assert.Equal("Rewriting our letters", post.FrontMatter.Title);
        Assert.StartsWith(Prose[..40], post.Body);
    }

    [Fact]
    public void A_first_line_that_only_begins_like_the_subject_is_kept()
    {
        var message = Message("Rewriting our letters", "", "<p>Rewriting our letters took a year.</p><p>" + Prose + "</p>");
        Assert.StartsWith("Rewriting our letters took a year.", ConvertFile(message).Post!.Body);
    }

    [Fact]
    public void An_iphone_photo_or_a_tiff_is_left_out_and_the_contributor_is_told_how_to_send_it()
    {
        var body = new BodyBuilder { TextBody = Prose };
        body.Attachments.Add("IMG_0001.HEIC", [0, 0, 0, 24, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0, .. "mif1heic"u8.ToArray()], ContentType.Parse("image/heic"));
        body.Attachments.Add("scan.tiff", [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0], ContentType.Parse("image/tiff"));
        var message = Message("A post with photos", "");
        message.From.Clear();
        message.From.Add(new MailboxAddress("Jo Evans", "jo.evans@nhs.net"));
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal(["'IMG_0001.HEIC' is an iPhone photo (HEIC), which web browsers cannot show", "'scan.tiff' is a TIFF picture, which web browsers cannot show"],
            post.PicturesLeftOut);
        Assert.Empty(post.IgnoredAttachments);
        Assert.Empty(post.Images);
        Assert.Contains("The attachment 'scan.tiff' was left out: it is a TIFF picture, which web browsers cannot show.", post.Warnings);
        var replies = Replies();
        foreach (var reply in new[] { replies.Acknowledgement(message, post), replies.Revised(message, post) })
            Assert.Contains("We could not use these pictures:\n- 'IMG_0001.HEIC' is an iPhone photo (HEIC), which web browsers cannot show.\n"
                + "- 'scan.tiff' is a TIFF picture, which web browsers cannot show.\nTo include them, save them as JPEG", reply.TextBody!.ReplaceLineEndings("\n"));
    }

    private static PPNBlog.Submissions.Mail.Replies Replies() => new(new("imap.example.org", 993, "smtp.example.org", 465,
        MailKit.Security.SecureSocketOptions.SslOnConnect, "blog", "blog@example.org", "PPN blog", "INBOX", "Processed", "Rejected"), _ => true);

    [Fact]
    public void A_damaged_picture_shown_many_times_is_read_and_counted_once_and_a_long_left_out_list_is_short_in_the_reply()
    {
        // A GIF that declares 7,000 × 7,000 pixels and stops after its header: each read of it decodes for nothing.
        byte[] damaged = [.. "GIF89a"u8.ToArray(), 0x58, 0x1B, 0x58, 0x1B, 0xF7, 0, 0, .. new byte[4000]];
        var body = new BodyBuilder { HtmlBody = $"<p>{Prose}</p>" + string.Concat(Enumerable.Repeat("<img src=\"cid:broken@example.org\">", 300)) };
        body.LinkedResources.Add("broken.gif", damaged, ContentType.Parse("image/gif")).ContentId = "broken@example.org";
        for (var i = 0; i < 40; i++) body.Attachments.Add($"other-{i}.gif", damaged, ContentType.Parse("image/gif"));
        var message = Message("One broken picture, many times", "");
        message.Body = body.ToMessageBody();

        // Counted once, the 41 copies are well within the total; counted per reference, 300 × 4 KB would not be.
        var post = ConvertFile(message, new SubmissionSettings { MaxTotalImageBytes = 50 * damaged.Length }).Post!;

        Assert.Single(post.Warnings, w => w.Contains("'broken.gif'"));
        Assert.Equal(41, post.PicturesLeftOut.Count);
        // Each damaged picture is decoded for nothing: past twice the 20 a post keeps, the rest are not read at all.
        Assert.Equal(40, post.PicturesLeftOut.Count(p => p.Contains("damaged or cut short")));
        Assert.Equal("'other-39.gif' was not read: the email holds more pictures than a post can use", post.PicturesLeftOut[^1]);
        var reply = Replies().Acknowledgement(message, post).TextBody!;
        Assert.Equal(ShortList.MaxItems, reply.Split('\n').Count(line => line.StartsWith("- '", StringComparison.Ordinal)));
        Assert.Contains($"- … and {41 - ShortList.MaxItems} more.", reply);
    }

    [Fact]
    public void A_damaged_winmail_dat_falls_back_to_the_emails_own_text_and_never_throws()
    {
        // MimeKit's own TNEF stream of an Outlook message with recipients and a body (the corpus's carrier around it).
        var path = Path.Combine(Emails.RepositoryRoot, "..", "shared", "corpus", "emails", "tnef", "body.eml");
        var tnef = MimeMessage.Load(path).BodyParts.OfType<MimeKit.Tnef.TnefPart>().Single();
        using var decoded = new MemoryStream();
        tnef.Content!.DecodeTo(decoded);
        var original = decoded.ToArray();
        var random = new Random(20261127);
        var converted = 0;
        for (var attempt = 0; attempt < 400; attempt++)
        {
            // Bytes changed, cut short or repeated: what a mail relay or a hostile sender makes of a winmail.dat.
            var damaged = original.ToArray();
            for (var edits = random.Next(1, 6); edits > 0; edits--) damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            if (attempt % 3 == 1) damaged = damaged[..random.Next(22, damaged.Length)];
            if (attempt % 3 == 2) damaged = [.. damaged[..random.Next(damaged.Length)], .. damaged];
            var body = new Multipart("mixed") { new TextPart("plain") { Text = Prose }, new MimeKit.Tnef.TnefPart { Content = new MimeContent(new MemoryStream(damaged)) } };
            var message = Message("A post from Outlook", "");
            message.Body = body;

            var result = ConvertFile(message);

            Assert.True(result.Post is not null || result.Reasons.Count > 0);
            if (result.Post is { } post && post.Body.Contains("redesign the first appointment", StringComparison.Ordinal)) converted++;
        }
        Assert.True(converted > 0, "some damaged messages are converted from the email's own text");
    }

    [Theory]
    [InlineData("koi8-r", "Психологическая поддержка для всех: наша команда провела встречи с семьями и сотрудниками, чтобы узнать, что для них важно. ")]
    [InlineData("iso-2022-jp", "私たちのチームは、家族とスタッフと一緒に、大切なことについて話し合いました。 ")]
    [InlineData("windows-1252", "Café “quotes” and — dashes. ")]
    public void Legacy_charsets_in_bodies_are_decoded(string charset, string sentence)
    {
        var message = Message("Charsets", "");
        var text = new TextPart("plain");
        text.SetText(System.Text.Encoding.GetEncoding(charset), sentence + Prose);
        message.Body = text;
        var post = ConvertFile(message).Post!;
        Assert.StartsWith(sentence.Trim(), post.Body);
    }

    [Fact]
    public void Eight_bit_text_without_a_charset_does_not_break_the_conversion()
    {
        var raw = "From: Jo Evans <jo@nhs.net>\r\nSubject: No charset\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"u8.ToArray()
            .Concat(System.Text.Encoding.Latin1.GetBytes("Caf\u00e9 " + Prose + "\r\n")).ToArray();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".eml");
        try
        {
            File.WriteAllBytes(path, raw);
            var post = Emails.Converter().Convert(MimeMessage.Load(path), raw.Length, Emails.Now).Post!;
            Assert.StartsWith("Caf", post.Body);
            Assert.Contains("redesign the first appointment", post.Body);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_outlook_reply_keeps_only_the_new_text()
    {
        var html = $"<div><p>{Prose}</p><p>Best wishes,<br>Jo</p></div><div id=\"appendonsend\"></div><hr>" +
                   "<div id=\"divRplyFwdMsg\"><b>From:</b> PPN Blog<br><b>Sent:</b> 10 November 2026<br><b>Subject:</b> Your post</div>" +
                   "<div><p>Thank you for your submission, we have some suggestions.</p></div>";
        var post = ConvertFile(Message("RE: Your post", "", html)).Post!;
        Assert.Equal("Your post", post.FrontMatter.Title);
        Assert.DoesNotContain("Best wishes", post.Body);
        Assert.DoesNotContain("PPN Blog", post.Body);
        Assert.DoesNotContain("suggestions", post.Body);
    }

    [Fact]
    public void Deeply_nested_html_converts_to_markdown_the_generator_can_build()
    {
        // As deep as the limit allows (deeper is refused: see above), in each shape the converter nests.
        const int Deep = HtmlNesting.Limit - 2;
        var html = "<p>" + Prose + "</p>" + string.Concat(Enumerable.Repeat("<div>", Deep)) + "deep" + string.Concat(Enumerable.Repeat("</div>", Deep)) +
                   string.Concat(Enumerable.Repeat("<b><i>", Deep / 2)) + "bold" + string.Concat(Enumerable.Repeat("</i></b>", Deep / 2)) +
                   string.Concat(Enumerable.Repeat("<ul><li>", Deep)) + "item" + string.Concat(Enumerable.Repeat("</li></ul>", Deep)) +
                   string.Concat(Enumerable.Repeat("<blockquote>", Deep)) + "quoted" + string.Concat(Enumerable.Repeat("</blockquote>", Deep));
        var post = ConvertFile(Message("Deep", "", html)).Post!;
        Assert.Contains("deep", post.Body);
        var (result, root) = Emails.BuildWith(post);
        try { Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics)); }
        finally { Directory.Delete(root, recursive: true); }
    }
}
