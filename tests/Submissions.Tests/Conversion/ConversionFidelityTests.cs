using System.Globalization;
using PPNBlog.Generator.Markdown;
using PPNBlog.Submissions.Conversion;
using static PPNBlog.Submissions.Tests.Emails;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>
/// What mail programs really write, kept as the contributor wrote it: nothing of the post lost, nothing of the
/// signature kept. Each body is read back through the generator's own Markdown pipeline, as readers would see it.
/// </summary>
public class ConversionFidelityTests
{
    private static string Published(string markdown) => Markdig.Markdown.ToHtml(markdown, MarkdownRenderer.Pipeline);

    [Fact]
    public void A_sub_list_written_right_inside_its_list_is_kept_under_the_item_before_it()
    {
        var post = ConvertFile(Message("Lists", "", $"<p>{Prose}</p><ul><li>Ask patients</li><ul><li>in clinic</li><li>online</li></ul><li>Train staff</li></ul>")).Post!;

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Published(post.Body));
        Assert.Equal(["in clinic", "online"], html.QuerySelectorAll("ul > li > ul > li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, html.QuerySelectorAll("body > ul > li").Length);
    }

    [Fact]
    public void A_quote_inside_the_post_is_kept_and_only_the_quoted_message_at_the_end_removed()
    {
        var html = $"<p>{Prose}</p><blockquote type=\"cite\">I had waited two years to be asked what mattered to me.</blockquote><p>That is why we changed.</p>" +
            "<div>On 12 Nov 2026, at 09:30, Sam Patel &lt;sam@example.org&gt; wrote:</div><blockquote type=\"cite\"><p>Could you send us a post?</p></blockquote>";
        var gmail = $"<p>{Prose}</p><blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex\">Being heard changed everything.</blockquote><p>We learnt a lot.</p>";

        var apple = ConvertFile(Message("Quotes", "", html)).Post!;
        var google = ConvertFile(Message("Quotes", "", gmail)).Post!;

        Assert.Contains("> I had waited two years to be asked what mattered to me.", apple.Body);
        Assert.EndsWith("That is why we changed.", apple.Body);
        Assert.DoesNotContain("Could you send us a post", apple.Body);
        Assert.Contains("> Being heard changed everything.", google.Body);
        Assert.EndsWith("We learnt a lot.", google.Body);
    }

    [Theory]
    // Thunderbird's quote, wrapped, between blank lines.
    [InlineData("One member wrote to us after her first meeting:\n\n> I walked in expecting to be judged and walked out feeling\n> like I had found people who understood me.\n\nWe also learned that small things matter.\n",
        "One member wrote to us after her first meeting:\n\n> I walked in expecting to be judged and walked out feeling like I had found people who understood me.\n\nWe also learned that small things matter.")]
    // Typed straight under its introduction, the post going on straight after it.
    [InlineData("One member wrote:\n>Being heard changed everything.\nSo we kept listening.\n", "One member wrote:\n\n> Being heard changed everything.\n\nSo we kept listening.")]
    // Two paragraphs, the second of short lines (a poem's), kept as written.
    [InlineData("A carer sent us this:\n\n> Thank you for the evenings in the community centre, which made the winter\n> bearable for both of us.\n>\n> Tea at seven\n> and someone who asks\n\nWe read it at every group.\n",
        "A carer sent us this:\n\n> Thank you for the evenings in the community centre, which made the winter bearable for both of us.\n>\n> Tea at seven\\\n> and someone who asks\n\nWe read it at every group.")]
    public void A_plain_text_quote_with_more_of_the_post_after_it_is_the_posts_own_block_quote(string text, string markdown)
    {
        var post = ConvertFile(Message("Quotes", $"{Prose}\n\n{text}")).Post!;

        Assert.Equal($"{Prose}\n\n{markdown}", post.Body);
        Assert.DoesNotContain(post.Warnings, w => w.Contains(BodyCleanup.QuotedMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void Words_inside_elements_the_allowlist_does_not_know_are_kept_and_scripts_and_styles_are_not()
    {
        var html = $"<p>{Prose}</p><p>The pilot ran in <st1:place>Leeds</st1:place> <nobr>from March</nobr> with <bdo dir=\"ltr\">three</bdo> " +
            "<my-widget>teams</my-widget>.</p><script>alert(1)</script><style>p { color: red }</style><select><option>Choose</option></select>";

        var post = ConvertFile(Message("Tags", "", html)).Post!;

        Assert.EndsWith("The pilot ran in Leeds from March with three teams.", post.Body);
        foreach (var hidden in new[] { "alert", "color", "Choose" }) Assert.DoesNotContain(hidden, post.Body);
    }

    [Theory]
    [InlineData("1. Asked patients what matters.", "<p>1. Asked patients what matters.</p>")]
    [InlineData("2020) The year it started.", "<p>2020) The year it started.</p>")]
    [InlineData("- Not a list item.", "<p>- Not a list item.</p>")]
    public void A_paragraph_starting_like_a_list_item_is_published_as_typed(string paragraph, string published)
    {
        var post = ConvertFile(Message("Numbers", "", $"<p>{Prose}</p><p>{paragraph}</p>")).Post!;

        Assert.EndsWith(published, Published(post.Body).Trim());
    }

    public static TheoryData<string, string> SignedPosts() => new()
    {
        { "text", $"{Prose}\n\nWith best wishes,\n\nJane\nTel 07700 900123\n" },
        { "text", $"{Prose}\n\nWith kind regards,\nJane Smith\nPrincipal Clinical Psychologist\n12 Park Row, Leeds LS1 5HD\nTel: 0113 496 0123 | Mob: 07700 900123\n" },
        { "text", $"{Prose}\n\nKind regards, Jane\n\nJane Smith | Mob: 07700 900123\n" },
        { "text", $"{Prose}\n\nKindest regards\n\nJane Smith\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nTake care,\nJane\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nThanks,\nDr Jane Smith BSc MSc DClinPsy\nClinical Psychologist\nMobile: 07700 900789\n" },
        { "text", $"{Prose}\n\nThanks,\nJane Smith | Clinical Psychologist / 07700 900789\n" },
        { "text", $"{Prose}\n\nMany thanks and best wishes,\nJane\n07700 900789\n" },
        { "text", $"{Prose}\n\nThank you\nJane Smith | Clinical Psychologist\n07700 900789\n" },
        { "text", $"{Prose}\n\nTake care\n\nJane\nTel 07700 900123\n" },
        { "text", $"{Prose}\n\nThanks,\nJane\n\nJane Smith (she/her) | Principal Clinical Psychologist | Working days Mon-Wed: I work flexibly, so please do not feel you need to reply " +
            "to this email outside your own working hours | Mob: 07700 900123\n" },
        { "html", $"<table><tr><td></td><td>You don't often get email from jo.evans@nhs.net. <a href=\"https://aka.ms/LearnAboutSenderIdentification\">Learn why this is important</a></td></tr></table>" +
            $"<p>{Prose}</p><p>Kind regards</p><p>Jo</p>" },
        { "html", $"<p>{Prose}</p><p>Kind regards</p><p>Jane Smith</p><p>Mobile: 07700 900123</p><p>I work flexibly, so I may send emails outside usual working hours; please do not feel " +
            "you need to reply outside your own working hours, and do get in touch if there is anything I can do to help.</p>" },
        { "text", $"{Prose}\n\nAll best\n\nJane Smith\nClinical Psychologist, Leeds Community Healthcare NHS Trust\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nWith thanks,\nJane Smith\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nBest regards and thanks\n\nJane Smith\nMob: 07700 900123\n" },
        // A casual sign-off, the signature's lines joined into one by the plain text's reflowing.
        { "text", $"{Prose}\n\nWarmly\n\nJane Smith\nClinical Psychologist, Leeds Community Healthcare NHS Trust\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nMany thanks in advance\n\nJane Smith\nClinical Psychologist, Leeds Community Healthcare NHS Trust\nMob: 07700 900123\n" },
        // Welsh.
        { "text", $"{Prose}\n\nCofion gorau,\nJane\n\nJane Smith\nSeicolegydd Clinigol\nFfôn: 029 2074 0000\n" },
        { "text", $"{Prose}\n\nStay safe,\nJane Smith\nClinical Psychologist\nLeeds Perinatal Service\n07700 900123\n" },
        { "text", $"{Prose}\n\nDiolch\n\nJane Smith\nClinical Psychologist, Leeds Community Healthcare NHS Trust\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nYn gywir,\nJane Smith\nFfôn: 029 2074 0000\n" },
        // Thanks to the readers, and then the writer's name and signature.
        { "text", $"{Prose}\n\nThanks for reading!\nJane Smith\nPeer Support Worker, Leeds\nMob: 07700 900123\n" },
        // Sign-offs made warmer ("very much", "so much", "again"), or addressed to all.
        { "text", $"{Prose}\n\nThanks very much,\nJane Smith\nPeer Support Worker, Leeds\nMob: 07700 900123\n" },
        { "html", $"<p>{Prose}</p><p>Thank you very much,</p><p>Jane</p><p>Jane Smith | Peer Support Worker</p><p>Leeds and York Partnership NHS Foundation Trust</p>" +
            "<p>Tel: 0113 496 0000 | Mob: 07700 900123</p>" },
        { "text", $"{Prose}\n\nThank you so much!\nJane Smith\nClinical Psychologist\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nMany thanks again,\nJane\n\nJane Smith | Clinical Psychologist | Mob: 07700 900123\n" },
        { "text", $"{Prose}\n\nThanks again\n\nJane Smith\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nThanks ever so much for your help,\nJane\nTel 07700 900123\n" },
        { "text", $"{Prose}\n\nHuge thanks,\nJane Smith\nPeer Support Worker, Leeds\nMob: 07700 900123\n" },
        { "html", $"<p>{Prose}</p><p>Best wishes to all,</p><p>Jane Smith</p><p>Clinical Psychologist</p><p>Mob: 07700 900123</p>" },
        { "text", $"{Prose}\n\nWarmest wishes to you all,\nJane\n07700 900789\n" },
        { "text", $"{Prose}\n\nKind regards again,\nJane Smith\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nMany, many thanks,\nJane Smith\nPeer Support Worker\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nThanks, all\nJane Smith\nPeer Support Worker\nMob: 07700 900123\n" },
        { "text", $"{Prose}\n\nBest wishes to all of you,\nJane Smith\nMob: 07700 900123\n" },
        { "html", $"<p>{Prose}</p><p>Kind regards</p><table><tr><td><img src=\"https://example.org/logo.png\" alt=\"Trust logo\"></td><td><p><b>Dr Jane Smith</b> (she/her)</p>" +
            "<p>Principal Clinical Psychologist</p><p>Leeds and York Partnership NHS Foundation Trust</p><p>St Mary's House, St Mary's Road, Leeds LS7 3JX</p><p>Tel: 0113 855 5000 | Mobile: 07700 900123</p></td></tr></table>" },
    };

    public static TheoryData<string, string, string> PostsEndingInWordsLikeASignOff() => new()
    {
        { "text", $"{Prose}\n\nTake care\n\nLook after yourselves and each other this winter.\n\nAsk for help early.\n", "Ask for help early." },
        { "html", $"<p>{Prose}</p><p><span style=\"font-size:14pt\">All The Best Ideas Came From Patients</span></p><p>We listened.</p><p>Then we acted.</p>", "Then we acted." },
        { "text", $"{Prose}\n\nTake care\nof the ones who wait\nand the ones who stay\n", "and the ones who stay" },
        { "text", $"{Prose}\n\nSent from the heart: thank you all.\n", "Sent from the heart: thank you all." },
        { "text", $"{Prose}\n\nSent from my kitchen table, where this whole project began.\n", "Sent from my kitchen table, where this whole project began." },
        { "text", $"{Prose}\n\nDisclaimer: the views in this post are my own and not those of my employer.\n", "the views in this post are my own and not those of my employer." },
        { "text", $"{Prose}\n\n**********\n\nResources: Mind, Samaritans and your GP.\n", "Resources: Mind, Samaritans and your GP." },
        { "text", $"{Prose}\n\nOur new letter ends:\n\nYours sincerely,\nThe Psychology Team\n\nPeople told us it felt warmer.\n", "People told us it felt warmer." },
        { "text", $"{Prose}\n\nThank you\n\nSarah, Priya and Tom on Ward 4 made this possible with their patience and care.\n", "made this possible with their patience and care." },
        { "text", $"{Prose}\n\nTake care\n\nSamaritans – call 116 123 (free, any time)\n\nShout – text SHOUT to 85258\n", "Shout – text SHOUT to 85258" },
        { "html", $"<p>{Prose}</p><p>Thanks!</p><p>What We Learned</p><p>Most of all, that people waiting for therapy want company and a way to prepare for it.</p>", "want company and a way to prepare for it." },
        { "text", $"{Prose}\n\nCheers, Everyone\n\nWe will be back in 2027 with the results of round 2 of the groups.\n", "with the results of round 2 of the groups." },
        { "html", $"<p>{Prose}</p><p>Thanks!</p><p>What We Learned</p><p>Most of all, we learned that staff need time to talk</p>", "we learned that staff need time to talk" },
        { "html", $"<p>{Prose}</p><p>On 3 March at 14:00 our matron wrote:</p><blockquote class=\"gmail_quote\">Keep going.</blockquote><p>So we did, and the ward changed.</p>", "So we did, and the ward changed." },
        // A letter's ending quoted in the post, then more of the post.
        { "text", $"{Prose}\n\nThe old letters ended:\n\nYours sincerely,\nAppointments Office\n\nNow they end with the name of the clinician who will see you, and a number to call.\n", "and a number to call." },
        { "html", $"<p>{Prose}</p><p>One card said:</p><p>“Thank you for everything you did for Mum.</p><p>With best wishes,</p><p>Kerry Lawson”</p>", "Kerry Lawson”" },
        // A paragraph of the post headed as a notice, no mail footer.
        { "text", $"{Prose}\n\nPrivacy notice: everything you share in the group is kept confidential, and we never record the sessions.\n\nWe meet on Tuesdays.\n", "We meet on Tuesdays." },
        // Thanks to the readers, ending the post.
        { "text", $"{Prose}\n\nThanks for reading!\n", "Thanks for reading!" },
        { "html", $"<p>{Prose}</p><p>Thank you so much for reading.</p>", "Thank you so much for reading." },
        { "text", $"{Prose}\n\nThank you all for reading\n\nSent from my iPhone\n", "Thank you all for reading" },
        { "text", $"{Prose}\n\nThanks again for listening!\n", "Thanks again for listening!" },
        { "text", $"{Prose}\n\nThanks for reading, everyone!\n", "Thanks for reading, everyone!" },
        // The writer's name heading a list of the team, or attributing a quote (the sender is Jo Evans).
        { "text", $"{Prose}\n\nThe project team:\n\nJo Evans, Lead Psychologist\n\nAmira Khan, Peer Support Worker\n", "Amira Khan, Peer Support Worker" },
        { "html", $"<p>{Prose}</p><blockquote>It changed how I think about waiting.</blockquote><p>– Jo</p>", "– Jo" },
    };

    [Theory]
    [InlineData("Thanks,")]
    [InlineData("Kind regards,")]
    [InlineData("Thank you so much!")]
    [InlineData("Many thanks again")]
    [InlineData("Thanks in advance.")]
    public void A_sign_off_to_the_editor_ending_the_email_is_removed(string signOff)
    {
        var post = ConvertFile(Message("Ending", $"{Prose}\n\n{signOff}\n")).Post!;

        Assert.Equal(Prose, post.Body);
        Assert.Contains("Removed the sign-off and signature at the end of the email.", post.Warnings);
    }

    public static TheoryData<string, string, string[]> PostsEndingInANoteToTheEditors() => new()
    {
        { "text", $"{Prose}\n\nLet me know if you need anything else.\n", ["note to the editors"] },
        { "text", $"{Prose}\n\nHappy to make any changes you need.\n\nThanks,\nJane\n", ["sign-off and signature", "note to the editors"] },
        { "text", $"{Prose}\n\nPlease let me know if this is OK.\n\nPlease let me know if you have any questions.\n\nKind regards,\nJane Smith\nMob: 07700 900123\n", ["sign-off and signature", "note to the editors"] },
        { "text", $"{Prose}\n\nHope this is what you were after!\n", ["note to the editors"] },
        { "text", $"{Prose}\n\nAny problems, just give me a shout.\n\nCheers\nJane\n", ["sign-off and signature", "note to the editors"] },
        { "text", $"{Prose}\n\nI look forward to seeing it published.\n", ["note to the editors"] },
        // Two notes joined in one sentence, thanks after a note, a smiley, and a typed apostrophe.
        { "text", $"{Prose}\n\nLet me know if you need anything else or want me to cut it down, happy to change anything.\n\nKind regards,\nJane\n", ["sign-off and signature", "note to the editors"] },
        { "text", $"{Prose}\n\nLet me know if there’s anything else you need. Thanks!\n", ["note to the editors"] },
        { "html", $"<p>{Prose}</p><p>Hope that's ok :)</p><p>Hope this is OK – happy to make any edits.</p><p>Best wishes</p><p>Jane</p>", ["sign-off and signature", "note to the editors"] },
        { "html", $"<p>{Prose}</p><p>Feel free to edit it as you see fit.</p><p>Could you let me know when it is published?</p>", ["note to the editors"] },
        { "text", $"{Prose}\n\nIf you have any questions, just let me know.\n\nThanks for considering my post for the blog.\n", ["note to the editors"] },
        // The sign-off and signature on the lines under the note, no blank line between: they go with it.
        { "text", $"{Prose}\n\nLet me know if you need anything else.\nKind regards,\nJane\n", ["note to the editors"] },
        { "text", $"{Prose}\n\nHappy to make any changes.\nThanks,\nJane\nJane Smith | Clinical Psychologist | Mob: 07700 900123\n", ["note to the editors"] },
        // A signature and no sign-off on the lines under the note: they go with it, as after a sign-off.
        { "text", $"{Prose}\n\nLet me know if you need anything else.\nJo Evans\nClinical Psychologist\n", ["note to the editors"] },
        { "html", $"<p>{Prose}</p><p>Happy to make any changes.<br>Jo Evans<br>Clinical Psychologist | Leeds and York Partnership NHS Foundation Trust<br>Mob: 07700 900123</p>", ["note to the editors"] },
        { "text", $"{Prose}\n\nHope this is OK!\n- Jo x\n", ["note to the editors"] },
        { "text", $"{Prose}\n\nAny problems, give me a shout.\nDr Sam Patel BSc DClinPsy\nConsultant Clinical Psychologist\n", ["note to the editors"] },
        // Signed with the writer's name alone (the sender is Jo Evans): the note is the end once the name goes.
        { "text", $"{Prose}\n\nLet me know if it needs any changes.\n\nJo\n", ["signature", "note to the editors"] },
    };

    [Theory]
    [MemberData(nameof(PostsEndingInANoteToTheEditors))]
    public void A_note_to_the_editors_ending_the_email_is_removed_and_the_editor_told(string format, string body, string[] removed)
    {
        var post = ConvertFile(format == "html" ? Message("Ending", "", body) : Message("Ending", body)).Post!;

        Assert.Equal(Prose, post.Body);
        Assert.Equal(removed.Select(part => $"Removed the {part} at the end of the email."), post.Warnings);
    }

    [Theory]
    // Words to the post's readers.
    [InlineData("Let me know what you think in the comments.")]
    [InlineData("If you need support, please contact your GP.")]
    [InlineData("Hope this helps.")]
    [InlineData("I hope this is useful to other teams.")]
    [InlineData("Hope it works for your team too.")]
    [InlineData("Let me know if you try it in your service!")]
    [InlineData("Let me know if you would like to join us.")]
    [InlineData("If you have any questions, please get in touch with the team on the number above.")]
    [InlineData("We are happy to change how we work if it helps people.")]
    // A note to the editors with more in its paragraph than a note: the editor removes it.
    [InlineData("Hope this is OK – happy to make any edits. I am off next week but back on the 24th.")]
    // Its lines kept as written, as hard line breaks.
    [InlineData("Let me know if you need anything else.\nHope this helps.\nThanks,\nJane", "Let me know if you need anything else.\\\nHope this helps.\\\nThanks,\\\nJane")]
    // Words to the readers above a name: the name is no signature under a note to the editors.
    [InlineData("If you need support, please contact your GP.\nSamaritans\nCall 116 123", "If you need support, please contact your GP.\\\nSamaritans\\\nCall 116 123")]
    // A note that is not the end of the email: the post goes on after it.
    [InlineData("Let me know if you need anything else.\n\nThe next group starts in March.")]
    public void A_post_ending_with_words_to_its_readers_or_more_than_a_note_keeps_them(string ending, string? published = null)
    {
        var post = ConvertFile(Message("Ending", $"{Prose}\n\n{ending}\n")).Post!;

        Assert.Equal($"{Prose}\n\n{published ?? ending}", post.Body);
        Assert.Empty(post.Warnings);
    }

    [Theory]
    [MemberData(nameof(PostsEndingInWordsLikeASignOff))]
    public void A_post_whose_last_words_read_like_a_sign_off_or_footer_keeps_them(string format, string body, string ending)
    {
        var post = ConvertFile(format == "html" ? Message("Ending", "", body) : Message("Ending", body)).Post!;

        Assert.EndsWith(ending, MarkdownText.Unescape(post.Body.Replace("\\\n", "\n")));
    }

    [Theory]
    [InlineData("External supervision from someone outside your own team links you to fresh ideas and new attachments to practice.")]
    [InlineData("Caution is needed when we refer to outside services, because attachment difficulties can follow a child from one sender of care to the next.")]
    public void A_first_paragraph_about_external_work_is_no_mail_banner(string opening)
    {
        var post = ConvertFile(Message("Opening", $"{opening}\n\n{Prose}\n")).Post!;

        Assert.StartsWith(opening, post.Body);
    }

    public static TheoryData<string> Replies() => new()
    {
        // Thunderbird, top-posted, its signature below the quote.
        $"<p>{Prose}</p><div class=\"moz-cite-prefix\">On 11/11/2026 16:02, Sam Brown wrote:<br></div><blockquote type=\"cite\"><p>Please call me on 0113 496 0000.</p></blockquote>" +
            "<pre class=\"moz-signature\" cols=\"72\">-- \nJane Smith\nClinical Psychologist\n07700 900789</pre>",
        // Thunderbird, bottom-posted.
        $"<div class=\"moz-cite-prefix\">On 11/11/2026 16:02, Sam Patel wrote:<br></div><blockquote type=\"cite\">Could you write for us? Call me on 0113 496 0000.</blockquote><p>{Prose}</p>",
        // Apple Mail, bottom-posted: the attribution in a quote of its own.
        $"<div><br><blockquote type=\"cite\">On 11 Nov 2026, at 16:02, Sam Patel &lt;sam.patel@nhs.net&gt; wrote:<br><br></blockquote></div>" +
            $"<blockquote type=\"cite\"><div>Could you write for us? Call me on 0113 496 0000.</div></blockquote><div>{Prose}</div>",
        // iPhone, top-posted through NHSmail, whose disclaimer follows the quote.
        $"<div>{Prose}</div><div><br><blockquote type=\"cite\">On 11 Nov 2026, at 16:02, Sam Patel &lt;sam.patel@nhs.net&gt; wrote:<br><br></blockquote></div>" +
            "<blockquote type=\"cite\"><div>Mrs Ellen Peters (NHS 943 476 5919) asked to be called on 0113 496 0000.</div></blockquote>" +
            "<p>This message may contain confidential information. If you are not the intended recipient please inform the sender.</p>",
        // Gmail, bottom-posted inside its quote's container.
        $"<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, 11 Nov 2026 at 16:02, Sam Patel &lt;sam.patel@nhs.net&gt; wrote:<br></div>" +
            $"<blockquote class=\"gmail_quote\">Could you write for us? Call me on 0113 496 0000.</blockquote><div>{Prose}</div></div>",
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void A_reply_keeps_only_the_contributors_words_wherever_they_stand_against_the_quote(string html)
    {
        var post = ConvertFile(Message("Our year", "", html)).Post!;

        Assert.Equal(Prose, post.Body);
        Assert.Contains(post.Warnings, w => w.Contains("quoted reply", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reply_quoted_inside_a_quote_leaves_the_words_around_it_apart()
    {
        var html = $"<p>{Prose}</p><blockquote>One carer told us: thanks<blockquote type=\"cite\">On 11 Nov 2026, at 16:02, Sam &lt;sam@nhs.net&gt; wrote: hello</blockquote>for listening.</blockquote><p>We listened.</p>";

        var post = ConvertFile(Message("Nested", "", html)).Post!;

        Assert.Contains("> One carer told us: thanks for listening.", post.Body);
    }

    [Fact]
    public void An_apple_mail_forward_quoting_its_header_and_message_apart_is_a_forward_not_a_post()
    {
        var html = "<div dir=\"ltr\">Hi, forwarding the post from my colleague as discussed. Jane</div><div dir=\"ltr\"><br><blockquote type=\"cite\">Begin forwarded message:<br><br></blockquote></div>" +
            "<blockquote type=\"cite\"><div dir=\"ltr\"><b>From:</b> Priya Shah &lt;priya.shah@nhs.net&gt;<br><b>Date:</b> 11 November 2026 at 16:02:11 GMT<br><b>To:</b> Jane Smith<br></div></blockquote>" +
            $"<blockquote type=\"cite\"><div dir=\"ltr\"><p>{Prose}</p><p>Priya Shah<br>Mobile 07700 900456</p></div></blockquote>" +
            "<p>This message may contain confidential information. If you are not the intended recipient please inform the sender.</p>";

        var result = ConvertFile(Message("Fwd: Our year", "", html));

        Assert.Null(result.Post);
        Assert.Contains(result.Reasons, r => r.Contains("the message it forwards or replies to was left out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_picture_pasted_as_a_data_address_is_kept_where_it_was_and_an_unreadable_one_is_told()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 30);
        bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
        using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var data = "data:image/png;base64," + System.Convert.ToBase64String(png.ToArray());
        var html = $"<p>{Prose}</p><p><img src=\"{data}\" alt=\"Our first group&#10;&#10;Description automatically generated\"></p><p>The end.</p><p><img src=\"data:image/png;base64,not base64!\" alt=\"x\"></p>";

        var post = ConvertFile(Message("Pasted", "", html)).Post!;

        Assert.Equal($"{Prose}\n\n![Our first group](image-1.png)\n\nThe end.", post.Body);
        Assert.Single(post.Images);
        Assert.Contains("A picture pasted into the email in a form we could not read was left out.", post.Warnings);
    }

    [Fact]
    public void Text_a_mail_program_hides_is_not_published()
    {
        var html = "<div style=\"display:none; max-height:0\">Don't miss our exclusive offer</div><p hidden>HIDDEN2</p>" +
            $"<p>{Prose}<span style=\"mso-hide: all\">HIDDEN3</span><span style=\"color:red;visibility:hidden\">HIDDEN4</span></p>" +
            "<noframes>NOFRAMES</noframes><noembed>NOEMBED</noembed><dialog>CLOSED</dialog><details><summary>SUMMARY1</summary>DETAILS1</details>";

        var post = ConvertFile(Message("Hidden", "", html)).Post!;

        foreach (var hidden in new[] { "offer", "HIDDEN", "NOFRAMES", "NOEMBED", "CLOSED" }) Assert.DoesNotContain(hidden, post.Body);
        Assert.EndsWith("SUMMARY1\n\nDETAILS1", post.Body);
    }

    [Fact]
    public void Text_an_email_hides_by_size_opacity_colour_or_its_style_sheet_is_not_published_and_text_it_shows_is()
    {
        var html = "<html><head><style>.pre{display:none} p.note { visibility: hidden !important } @media (max-width: 480px) { .wide { display: none } }</style></head><body>" +
            $"<p>{Prose}</p><p>A<span style=\"font-size:0px\">HIDDEN1</span> B <span class=\"pre\">HIDDEN2</span> C <span style=\"color:#ffffff\">HIDDEN3</span> " +
            "<span style=\"max-height:0;overflow:hidden;font-size:1px\">HIDDEN4</span> <span style=\"opacity:0\">HIDDEN5</span> <font color=white>HIDDEN6</font></p>" +
            "<p class=\"note\">HIDDEN7</p><p class=\"wide\">Shown on a computer.</p>" +
            "<table><tr><td bgcolor=\"#005eb8\"><span style=\"color:#fff\">White on blue.</span></td></tr></table>" +
            "<p style=\"font-size:0.9em;opacity:0.8\">Small and faint, but there.</p></body></html>";

        var post = ConvertFile(Message("Hidden", "", html)).Post!;

        Assert.Equal($"{Prose}\n\nA B C\n\nShown on a computer.\n\nWhite on blue.\n\nSmall and faint, but there.", post.Body);
    }

    [Fact]
    public void An_outlook_signature_table_of_many_words_after_a_sign_off_is_removed()
    {
        var details = string.Join("", new[] { "<b>Jane Smith</b> (she/her)", "Clinical Psychologist | Leeds Community Healthcare NHS Trust", "Mobile: 07700 900789 | Direct: 0113 496 0123",
            "Stockdale House, Headingley Office Park, Victoria Road, Leeds LS6 1PF", "Our values: we are caring, we are open and honest, we are respectful, we are fair, " +
            "we are committed to learning, and we listen to the people who use our services and to each other", "Working days: Monday to Thursday" }.Select(l => $"<p>{l}</p>"));
        var html = $"<p>{Prose}</p><p>Kind regards,</p><table><tr><td><img src=\"https://example.org/logo.png\" alt=\"Trust logo\"></td><td>{details}</td></tr></table>";

        var post = ConvertFile(Message("Signed", "", html)).Post!;

        Assert.Equal(Prose, post.Body);
    }

    [Theory]
    // The writer's name alone (the sender is Jo Evans), no sign-off before it: the page names the author already.
    [InlineData($"<p>{Prose}</p><p>Jo</p>", Prose)]
    [InlineData($"<p>{Prose}</p><p>– Jo Evans x</p>", Prose)]
    // Their signature, with no sign-off before it.
    [InlineData($"<p>{Prose}</p><p><b>Jo Evans</b></p><p>Clinical Psychologist | Leeds Community Healthcare NHS Trust</p><p>Mob: 07700 900123 | Working days Mon–Wed</p><p>Pronouns: she/her</p>", Prose)]
    [InlineData($"<p>{Prose}</p><p>Dr Jo Evans BSc DClinPsy<br>Clinical Psychologist<br>M: 07700 900123</p>", Prose)]
    // Anyone else's name is the post's.
    [InlineData($"<p>{Prose}</p><p>Max</p>", $"{Prose}\n\nMax")]
    public void A_post_signed_with_the_writers_name_or_signature_and_no_sign_off_loses_them(string html, string body) =>
        Assert.Equal(body, ConvertFile(Message("Signed", "", html)).Post!.Body);

    [Theory]
    [MemberData(nameof(SignedPosts))]
    public void A_signature_after_a_sign_off_mail_programs_write_is_removed(string format, string body)
    {
        var post = ConvertFile(format == "html" ? Message("Signed", "", body) : Message("Signed", body)).Post!;

        Assert.Equal(Prose, post.Body);
        Assert.Contains("Removed the sign-off and signature at the end of the email.", post.Warnings);
    }

    [Fact]
    public void Emphasis_split_into_runs_or_ending_in_punctuation_against_a_word_shows_no_asterisks()
    {
        var html = $"<p>{Prose}</p><p><b>Key</b> <b>findings</b><b>:</b> attendance rose. It was <i>(we think)</i>worth it; the <b>“NHS”</b>way, " +
            "<b><a href=\"https://example.org/\">our page</a></b>, and <b><code>x</code></b>.</p><p><b><a href=\"https://example.org/l\">link text</a>.</b>Next " +
            "<b>bold<br></b>line and <span><b>Key point:</b></span>Everyone</p>";

        var post = ConvertFile(Message("Emphasis", "", html)).Post!;

        var published = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Published(post.Body)).Body!;
        Assert.DoesNotContain("*", published.TextContent);
        Assert.Equal(["Key", "findings:", "NHS", "our page", "x", "link text", "bold", "Key point"], published.QuerySelectorAll("strong").Select(e => e.TextContent));
        Assert.Equal(["we think"], published.QuerySelectorAll("em").Select(e => e.TextContent));
        Assert.Equal("https://example.org/l", published.QuerySelector("strong > a[href$='/l']")?.GetAttribute("href"));
        Assert.Contains("It was (we think)worth it; the “NHS”way, our page, and x.", published.TextContent);
    }

    [Fact]
    public void A_word_documents_sections_are_the_pages_sections_when_its_title_heading_becomes_the_title()
    {
        var message = Message("Our year of groups", "");
        var body = new MimeKit.BodyBuilder { TextBody = "My post is attached." };
        body.Attachments.Add("Our year.docx", WordDocuments.Package(WordDocuments.Styled("Heading1", "Our year of groups") + WordDocuments.Styled("Heading2", "Why we started")
            + WordDocuments.Paragraph(Prose) + WordDocuments.Styled("Heading3", "What the numbers say") + WordDocuments.Paragraph(Prose)));
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal($"## Why we started\n\n{Prose}\n\n### What the numbers say\n\n{Prose}", post.Body);
    }

    [Theory]
    // A subject that only says what the email is: the first heading names the post.
    [InlineData("Blog submission", "<h1>Finding my voice</h1><p>{0}</p>", "Finding my voice", "{0}")]
    [InlineData("RE: Guest blog post", "<h2>Finding my voice</h2><p>{0}</p><h2>What helped</h2><p>{0}</p>", "Finding my voice", "{0}\n\n## What helped\n\n{0}")]
    // A label before or after the title is not part of it.
    [InlineData("Blog submission: Finding my voice", "<p>{0}</p>", "Finding my voice", "{0}")]
    [InlineData("Finding my voice (blog post) #PutPeopleFirst", "<p>{0}</p>", "Finding my voice", "{0}")]
    // No heading to take: the label is all the title there is, for the editors to change.
    [InlineData("Blog submission", "<p>{0}</p>", "Blog submission", "{0}")]
    public void A_label_in_the_subject_is_not_the_posts_title(string subject, string html, string title, string body)
    {
        var post = ConvertFile(Message(subject, "", string.Format(CultureInfo.InvariantCulture, html, Prose))).Post!;

        Assert.Equal(title, post.FrontMatter.Title);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, body, Prose), post.Body);
    }

    [Theory]
    // Word's Title above Heading 1 sections: the title is the post's, the sections stay sections.
    [InlineData("Title", "Our year of groups", "Blog post", "Our year of groups")]
    // A first Heading 1 with others of its rank is a section: the subject names the post, the section keeps its heading.
    [InlineData("Heading1", "Background", "Waiting well: our year", null)]
    public void A_word_documents_first_heading_is_the_title_only_when_it_heads_all_the_others(string style, string heading, string subject, string? title)
    {
        var message = Message(subject, "");
        var body = new MimeKit.BodyBuilder { TextBody = "My post is attached." };
        body.Attachments.Add("Our year.docx", WordDocuments.Package(WordDocuments.Styled(style, heading) + WordDocuments.Paragraph(Prose)
            + WordDocuments.Styled("Heading1", "What we did") + WordDocuments.Paragraph(Prose)));
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal(title ?? subject, post.FrontMatter.Title);
        Assert.Equal((title is null ? $"## {heading}\n\n" : "") + $"{Prose}\n\n## What we did\n\n{Prose}", post.Body);
    }

    [Theory]
    // Named as a form, before the post.
    [InlineData("Consent form - M Hill.docx", "Name of person photographed: Margaret Hill", "Consent form - M Hill.docx")]
    // Named as anything, but a form to sign: details and a signature line.
    [InlineData("M Hill.docx", "Print name: Margaret Hill", "M Hill.docx")]
    // Named with a date of birth: the warning, which the pull request shows, names it by its type alone.
    [InlineData("Consent - Sarah Jones DOB 14.02.1990.docx", "Print name: Sarah Jones", "[name left out: it looks like personal data].docx")]
    public void A_form_sent_with_the_post_is_never_the_post(string formName, string field, string shownName)
    {
        var message = Message("Gardening for wellbeing", "");
        var body = new MimeKit.BodyBuilder { TextBody = "My post and the consent form are attached." };
        body.Attachments.Add(formName, WordDocuments.Package(WordDocuments.Paragraph("I give permission for the photograph to be used. " + Prose + " " + Prose)
            + WordDocuments.Paragraph(field) + WordDocuments.Paragraph("Signature: M Hill") + WordDocuments.Paragraph("Contact telephone: 07700 900321")));
        body.Attachments.Add("Gardening.docx", WordDocuments.Package(WordDocuments.Paragraph(Prose)));
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal(Prose, post.Body);
        Assert.Contains($"The attached Word document '{shownName}' looks like a form (consent, permission, personal details), not the post: it was left out.", post.Warnings);
    }

    [Theory]
    // Named for what it is about, its words and no lines to fill in.
    [InlineData("Getting consent right - blog.docx")]
    [InlineData("Press release - the hub opens.docx")]
    public void A_post_named_like_a_form_but_reading_as_a_post_is_the_post(string name)
    {
        var message = Message("Blog post for March", "");
        var body = new MimeKit.BodyBuilder { TextBody = "Hi, my blog post for March is attached. Jane" };
        body.Attachments.Add(name, WordDocuments.Package(WordDocuments.Paragraph(Prose) + WordDocuments.Paragraph("Ask for permission, then ask again.")));
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal($"{Prose}\n\nAsk for permission, then ask again.", post.Body);
        Assert.DoesNotContain(post.Warnings, w => w.Contains("looks like a form"));
    }

    [Fact]
    public void Of_two_word_documents_the_longer_is_the_post()
    {
        var message = Message("Our year", "");
        var body = new MimeKit.BodyBuilder { TextBody = "Attached: a short bio and my post." };
        body.Attachments.Add("Bio.docx", WordDocuments.Package(WordDocuments.Paragraph("Sam is a clinical psychologist in Leeds who leads the peer support groups.")));
        body.Attachments.Add("Post.docx", WordDocuments.Package(WordDocuments.Paragraph(Prose) + WordDocuments.Paragraph(Prose)));
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        Assert.Equal($"{Prose}\n\n{Prose}", post.Body);
    }

    [Fact]
    public void Bold_across_a_blank_line_of_line_breaks_is_bold_in_each_paragraph()
    {
        var html = $"<div>{Prose}<br><br><b>Our first finding.<br>\n<br>\nOur second finding.</b><br><br><i>A closing thought.</i></div>";
        Assert.Equal($"{Prose}\n\n**Our first finding.**\n\n**Our second finding.**\n\n*A closing thought.*", ConvertFile(Message("Findings", "", html)).Post!.Body);
    }

    [Fact]
    public void Paragraphs_and_lists_wrapped_in_an_inline_element_stay_apart_and_bold_or_italic_set_by_style_is_kept()
    {
        // Google Docs pasted into Gmail: one <b style="font-weight:normal"> around the document, emphasis by style.
        static string Span(string style, string text) => $"<span style=\"font-size:11pt;font-family:Arial,sans-serif;{style}\">{text}</span>";
        var docs = "<div dir=\"ltr\"><b style=\"font-weight:normal\" id=\"docs-internal-guid-5e1b2c3d\">" +
            $"<p dir=\"ltr\">{Span("font-weight:400;font-style:normal", Prose)}</p><br>" +
            $"<p dir=\"ltr\">{Span("font-weight:700", "Why we started")}</p><br>" +
            $"<p dir=\"ltr\">{Span("font-weight:400", "People told us they wanted somewhere others ")}{Span("font-weight:400;font-style:italic", "really")}{Span("font-weight:400", " understood.")}</p><br>" +
            $"<ul><li dir=\"ltr\"><p dir=\"ltr\" role=\"presentation\">{Span("", "Every other Tuesday")}</p></li><li dir=\"ltr\"><p dir=\"ltr\">{Span("", "Bring a friend")}</p></li></ul></b></div>";
        Assert.Equal($"{Prose}\n\n**Why we started**\n\nPeople told us they wanted somewhere others *really* understood.\n\n- Every other Tuesday\n- Bring a friend",
            ConvertFile(Message("Our group", "", docs)).Post!.Body);

        // Older mailers: <font> around the paragraphs and the list.
        var font = $"<font face=\"Arial\"><span style=\"font-size:12pt\"><div>{Prose}</div><div><br></div><div>A second paragraph.</div><ul><li>One</li><li>Two</li></ul></span></font>";
        Assert.Equal($"{Prose}\n\nA second paragraph.\n\n- One\n- Two", ConvertFile(Message("Our group", "", font)).Post!.Body);
    }

    [Fact]
    public void Outlooks_list_paragraphs_are_a_list_again_nested_and_numbered_without_their_bullet_characters()
    {
        static string Item(string list, int level, string marker, string text, string font = "") =>
            $"<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:{list} level{level} lfo1'><![if !supportLists]>" +
            (font.Length > 0 ? $"<span style='font-family:{font}'>" : "") + $"<span style='mso-list:Ignore'>{marker}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>" +
            (font.Length > 0 ? "</span>" : "") + $"<![endif]>{text}<o:p></o:p></p>\n";
        var html = $"<p>{Prose}</p>\n" + Item("l0", 1, "1.", "First step") + Item("l0", 1, "2.", "Second step") + Item("l0", 2, "a.", "A detail")
            + Item("l0", 2, "o", "Another detail", "\"Courier New\"") + Item("l0", 1, "3.", "Third step") + "<p>Between the lists.</p>\n"
            + Item("l1", 1, "·", "A bullet", "Symbol") + Item("l1", 1, "§", "Another bullet", "Wingdings") + "<p>And on.</p>\n" + Item("l0", 1, "4.", "Fourth step")
            // The marker wrapped together with the text, the comment that would close it inside: only the marker goes.
            + "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span lang=EN-GB><![if !supportLists]><span style='mso-list: Ignore'>5.&nbsp;</span><![endif]>Fifth step</span></p>\n"
            + "<p class=MsoListParagraph style='display:none;mso-list:l0 level1 lfo1'>jane.doe@nhs.net 07700900123</p>\n"
            + "<h2 style='mso-list:l3 level1 lfo4'><![if !supportLists]><span style='mso-list:Ignore'>6.&nbsp;</span><![endif]>A numbered heading</h2>\n";

        var post = ConvertFile(Message("Outlook lists", "", html)).Post!;

        var published = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Published(post.Body)).Body!;
        Assert.Equal(["First step", "Second step", "Third step", "Fourth step", "Fifth step"], published.QuerySelectorAll("body > ol > li").Select(li => li.FirstChild!.TextContent.Trim()));
        Assert.Equal("4", published.QuerySelectorAll("body > ol")[1].GetAttribute("start"));
        Assert.DoesNotContain("07700", published.TextContent);
        Assert.Equal(["A detail", "Another detail"], published.QuerySelectorAll("ol > li > ol > li, ol > li > ul > li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["A bullet", "Another bullet"], published.QuerySelectorAll("body > ul > li").Select(li => li.TextContent.Trim()));
        foreach (var glyph in new[] { "·", "§", "1.", "a.", "5.", "6." }) Assert.DoesNotContain(glyph, published.TextContent);
        Assert.Equal("A numbered heading", published.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Between the lists.", published.TextContent);
    }

    [Fact]
    public void A_plain_text_list_typed_under_its_introduction_is_a_list_and_typed_numbers_stay()
    {
        var text = $"{Prose}\n\nThese are the things we changed:\n- Weekly sessions for eight weeks\n- A peer supporter in every group\n\n" +
            "Our three steps:\n\n1. Ask patients what they need\n\n2. Train facilitators together\n\n3) Review outcomes monthly\n";

        var post = ConvertFile(Message("Lists", text)).Post!;

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Published(post.Body));
        Assert.Equal("These are the things we changed:", html.QuerySelectorAll("p")[1].TextContent);
        Assert.Equal(["Weekly sessions for eight weeks", "A peer supporter in every group"], html.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(["Ask patients what they need", "Train facilitators together", "Review outcomes monthly"], html.QuerySelectorAll("ol > li").Select(li => li.TextContent.Trim()));
    }

    [Theory]
    // Thunderbird wraps at 72 characters, indenting what an item runs on to.
    [InlineData("What we changed in the first year:\n\n1. We moved the meeting from the hospital to the community centre, which\n   people said felt less clinical and easier to walk into.\n" +
        "2. We asked a peer worker to greet everyone at the door by name, every\n   single week, including people who had missed a few sessions.\n3. We sent a short text the day before to remind people, with no pressure\n" +
        "   to come if they were not feeling up to it.\n\nWe also learned that small things matter.\n",
        "What we changed in the first year:\n\n1. We moved the meeting from the hospital to the community centre, which people said felt less clinical and easier to walk into.\n" +
        "2. We asked a peer worker to greet everyone at the door by name, every single week, including people who had missed a few sessions.\n" +
        "3. We sent a short text the day before to remind people, with no pressure to come if they were not feeling up to it.\n\nWe also learned that small things matter.")]
    // Wrapped without indenting, straight under the introduction.
    [InlineData("We changed two things:\n- We moved the meeting from the hospital to the community centre, which\npeople said felt less clinical.\n" +
        "- We asked a peer worker to greet everyone at the door by name, every\nsingle week.\n",
        "We changed two things:\n\n- We moved the meeting from the hospital to the community centre, which people said felt less clinical.\n- We asked a peer worker to greet everyone at the door by name, every single week.")]
    // The post going on straight after the list.
    [InlineData("* A warm drink and a named person at the door, every week without fail, for\n  everyone who comes.\n* A follow-up text if someone misses a week.\nIt worked.\n",
        "- A warm drink and a named person at the door, every week without fail, for everyone who comes.\n- A follow-up text if someone misses a week.\n\nIt worked.")]
    // Each item a paragraph of its own.
    [InlineData("1) We moved the meeting from the hospital to the community centre, which\n   people said felt less clinical.\n\n2) We asked a peer worker to greet everyone by\n   name.\n",
        "1. We moved the meeting from the hospital to the community centre, which people said felt less clinical.\n\n2. We asked a peer worker to greet everyone by name.")]
    public void A_plain_text_list_whose_items_are_wrapped_onto_more_lines_is_a_list_of_whole_items(string text, string markdown)
    {
        var post = ConvertFile(Message("Lists", $"{Prose}\n\n{text}")).Post!;

        Assert.Equal($"{Prose}\n\n{markdown}", post.Body);
    }

    [Theory]
    // Outlook's plain text: "•" or "-", a tab, and its sub-items' "o" (and "§" under those), indented or not.
    [InlineData("What changed:\n•\tWeekly sessions\no\tTuesdays in Leeds\no\tThursdays in York\n•\tA peer supporter in every group\n",
        "What changed:\n\n- Weekly sessions\n  - Tuesdays in Leeds\n  - Thursdays in York\n- A peer supporter in every group")]
    [InlineData("What changed:\n-\tWeekly sessions\n    o   Tuesdays in Leeds\n        §\tRoom 4, upstairs\n-\tA peer supporter\n",
        "What changed:\n\n- Weekly sessions\n  - Tuesdays in Leeds\n    - Room 4, upstairs\n- A peer supporter")]
    [InlineData("Our steps:\n1.\tAsk people what they need\no\tat the first appointment\n2.\tReview it monthly\n",
        "Our steps:\n\n1. Ask people what they need\n   - at the first appointment\n2. Review it monthly")]
    // A line starting "o " that follows no list item is prose (an old-fashioned exclamation, a poem).
    [InlineData("We sang together:\no for the wings of a dove\nfar away would I rove\n", "We sang together:\\\no for the wings of a dove\\\nfar away would I rove")]
    public void Outlooks_plain_text_sub_items_are_items_under_the_item_above(string text, string markdown)
    {
        var post = ConvertFile(Message("Lists", $"{Prose}\n\n{text}")).Post!;

        Assert.Equal($"{Prose}\n\n{markdown}", post.Body);
        if (markdown.Contains("- Tuesdays", StringComparison.Ordinal))
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Published(post.Body));
            Assert.Equal(["Tuesdays in Leeds"], html.QuerySelectorAll("ul > li > ul > li").Select(li => li.ChildNodes.OfType<AngleSharp.Dom.IText>().First().Data.Trim()).Take(1));
        }
    }

    [Theory]
    [InlineData("Sent from my Galaxy")]
    [InlineData("Sent from Mail for Windows")]
    [InlineData("Sent from Yahoo Mail on Android")]
    [InlineData("Sent from my BlackBerry 10 smartphone on the EE network.")]
    [InlineData("Sent from the Mail app for Android")]
    [InlineData("Sent from my Sony Xperia™ smartphone")]
    [InlineData("Sent from my Verizon, Samsung Galaxy smartphone")]
    [InlineData("Anfonwyd o fy iPhone")]
    [InlineData("Von meinem iPhone gesendet")]
    [InlineData("Envoyé de mon iPhone")]
    [InlineData("This email has been scanned by the Symantec Email Security.cloud service.\nFor more information please visit http://www.symanteccloud.com")]
    [InlineData("Scanned by MailMarshal - M86 Security's comprehensive email content security solution.")]
    public void A_phone_or_mail_apps_footer_is_removed(string footer)
    {
        var post = ConvertFile(Message("Footer", $"{Prose}\n\n{footer}\n")).Post!;

        Assert.Equal(Prose, post.Body);
    }

    [Theory]
    // Windows-1252 labelled ISO-8859-1, as Outlook labels it: curly quotes and dashes read as control characters.
    [InlineData("Si=E2n_O=92Neill", "What_we=92ve_learnt_=96_a_year_of_groups", "Siân O’Neill", "What we’ve learnt – a year of groups")]
    // UTF-8 labelled ISO-8859-1.
    [InlineData("Si=C3=A2n_O=E2=80=99Brien", "We=E2=80=99ve_learnt_caf=C3=A9_ideas", "Siân O’Brien", "We’ve learnt café ideas")]
    public void A_subject_and_name_labelled_iso_8859_1_are_read_as_written(string name, string subject, string author, string title)
    {
        var raw = $"From: =?iso-8859-1?Q?{name}?= <sian@nhs.net>\r\nTo: blog@example.org\r\nSubject: =?iso-8859-1?Q?{subject}?=\r\n" +
            $"Message-ID: <latin1@nhs.net>\r\nDate: Tue, 10 Nov 2026 09:30:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{Prose}\r\n";

        var post = ConvertFile(MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)))).Post!;

        Assert.Equal(title, post.FrontMatter.Title);
        Assert.Equal(author, post.FrontMatter.Author);
    }

    [Theory]
    [InlineData("P.S. The group handbook is on the PPN workspace.")]
    [InlineData("PS: the handbook is on the workspace.")]
    [InlineData("PS - the handbook is on the workspace.")]
    [InlineData("P.s. the handbook is on the workspace.")]
    [InlineData("PS I loved writing this.")]
    [InlineData("Postscript: the handbook is on the workspace.")]
    public void A_postscript_after_the_signature_is_kept_and_the_signature_between_removed(string postscript)
    {
        var post = ConvertFile(Message("P.S.", $"{Prose}\n\nKind regards,\nJane Smith\nMobile: 07700 900123\n\n{postscript}\n")).Post!;

        Assert.Equal($"{Prose}\n\n{MarkdownText.Escape(postscript)}", post.Body);
    }

    [Theory]
    // Signed again after the postscript.
    [InlineData("Kind regards,\nJane Smith\nMobile: 07700 900123\n\nP.S. The handbook is on the workspace.\n\nJane Smith | Clinical Psychologist\nMobile: 07700 900123\n",
        "P.S. The handbook is on the workspace.")]
    // A "PS" paragraph of the post, then the sign-off and signature.
    [InlineData("PS: the handbook is on the workspace.\n\nKind regards,\nJane Smith\nMobile: 07700 900123\n", "PS: the handbook is on the workspace.")]
    public void A_signature_after_a_postscript_is_removed_too(string ending, string postscript)
    {
        var post = ConvertFile(Message("P.S.", $"{Prose}\n\n{ending}")).Post!;

        Assert.Equal($"{Prose}\n\n{MarkdownText.Escape(postscript)}", post.Body);
        Assert.DoesNotContain("07700", post.Body);
    }

    [Fact]
    public void A_thank_you_followed_by_more_of_the_post_is_the_posts_own()
    {
        var html = $"<p>{Prose}</p><p>Thank you.</p><p>Useful links for anyone affected:</p><ul><li>Mind: https://www.mind.org.uk</li><li>Samaritans: call 116 123</li></ul>" +
            "<p>If you need urgent help call 111.</p>";

        var post = ConvertFile(Message("Helplines", "", html)).Post!;

        Assert.EndsWith("If you need urgent help call 111.", post.Body);
        Assert.Contains("Samaritans: call 116 123", post.Body);
    }
}
