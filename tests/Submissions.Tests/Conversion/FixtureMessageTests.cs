using AngleSharp.Html.Parser;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>Real .eml files in the shapes Outlook (NHSmail), Gmail and Apple Mail send, plus hostile and rejected ones.</summary>
public class FixtureMessageTests
{
    public static TheoryData<string> Accepted() =>
        new("outlook-html-inline-image.eml", "gmail-alternative-attachment.eml", "apple-plain-text.eml", "windows-1252.eml", "hostile.eml",
            "covering-note-with-docx.eml", "personal-data.eml");

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Every_accepted_fixture_builds_with_the_generator_and_renders_no_script(string fixture)
    {
        var post = Emails.Convert(fixture).Post!;
        var (result, root) = Emails.BuildWith(post);
        try
        {
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            var page = File.ReadAllText(Path.Combine(root, "_site", "posts", post.Slug, "index.html"));
            var body = new HtmlParser().ParseDocument(page).QuerySelector(".ppn-post-body")!;
            Assert.Empty(body.QuerySelectorAll("script, iframe, [onclick], [onerror]"));
            Assert.All(body.QuerySelectorAll("[href], [src]"), e =>
                Assert.Matches("^(https?:|mailto:|/|#)", e.GetAttribute("href") ?? e.GetAttribute("src")));
            Assert.All(post.Images, i => Assert.True(File.Exists(Path.Combine(root, "_site", "posts", post.Slug, i.FileName)), i.FileName));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void Outlook_html_becomes_clean_markdown_with_its_inline_image_and_metadata()
    {
        var post = Emails.Convert("outlook-html-inline-image.eml").Post!;

        Assert.Equal("Rewriting our appointment letters", post.FrontMatter.Title);
        Assert.Equal("Sam Patel", post.FrontMatter.Author);
        Assert.Equal("Clinical Psychologist, PPN South East", post.FrontMatter.Role);
        Assert.Equal(["letters", "co-production"], post.FrontMatter.Tags);
        Assert.Equal([new CommitmentChoice("put-people-first", "hashtag")], post.Commitments);
        Assert.Equal("2026-11-10", post.FrontMatter.Date.ToIsoString());
        Assert.StartsWith("## Why we started\n\nOur team in the South East", post.Body);
        Assert.Contains("**What changed:** the *tone*, the layout and [the links](<https://www.england.nhs.uk/>).", post.Body);
        Assert.Contains("- Warm opening line\n- A named contact", post.Body);
        Assert.Contains("![Our new letter on a desk](image-1.png)", post.Body);
        Assert.Contains("| Rebooked | 41% | 63% |", post.Body);
        foreach (var noise in new[] { "mso", "o:p", "MsoNormal", "Kind regards", "01234 567890", "confidential", "****", "Role:", "Tags:" })
            Assert.DoesNotContain(noise, post.Body);
        var image = Assert.Single(post.Images);
        Assert.Equal(("image-1.png", "Our new letter on a desk", 40, 30), (image.FileName, image.AltText, image.Width, image.Height));
        Assert.Equal("input/posts/2026/rewriting-our-appointment-letters", post.BundlePath);
    }

    [Fact]
    public void Gmail_reply_quotes_are_cut_and_attachments_sorted()
    {
        var post = Emails.Convert("gmail-alternative-attachment.eml").Post!;

        Assert.Equal([new CommitmentChoice("help-our-communities-to-thrive", "stated")], post.Commitments);
        Assert.DoesNotContain("Please send your post", post.Body);
        Assert.DoesNotContain("wrote:", post.Body);
        Assert.DoesNotContain("Counselling Psychologist", post.Body);
        Assert.DoesNotContain("Commitment:", post.Body);
        Assert.EndsWith("![](image-1.png)", post.Body);
        Assert.Null(Assert.Single(post.Images).AltText);
        Assert.Contains(post.Warnings, w => w.StartsWith("image-1.png: alt text needed", StringComparison.Ordinal));
        Assert.Equal(["leaflet.pdf"], post.IgnoredAttachments);
    }

    [Fact]
    public void Apple_mail_plain_text_keeps_paragraphs_and_takes_the_hashtag()
    {
        var post = Emails.Convert("apple-plain-text.eml").Post!;

        Assert.Equal([new CommitmentChoice("transform-and-innovate", "hashtag")], post.Commitments);
        Assert.Equal(2, post.Body.Split("\n\n").Length);
        Assert.DoesNotContain("Sent from my iPhone", post.Body);
    }

    [Fact]
    public void A_word_document_is_the_post_when_the_email_is_a_covering_note()
    {
        var post = Emails.Convert("covering-note-with-docx.eml").Post!;

        Assert.Equal("Peer support for new parents", post.FrontMatter.Title);
        Assert.Equal("Perinatal Psychologist, PPN London", post.FrontMatter.Role);
        Assert.Equal(["perinatal", "peer-support"], post.FrontMatter.Tags);
        Assert.Equal([new CommitmentChoice("help-our-communities-to-thrive", "stated")], post.Commitments);
        Assert.StartsWith("## How it started\n\nOur perinatal team", post.Body);
        Assert.Contains("**What parents said:** it was *warm*.", post.Body);
        Assert.Contains("- Weekly sessions\n- A named contact", post.Body);
        Assert.Contains("![A red banner saying welcome](image-1.png)", post.Body);
        Assert.Contains("[national vision](<https://www.england.nhs.uk/>)", post.Body);
        Assert.Contains("| Parents | 8 |", post.Body);
        Assert.DoesNotContain("please find my blog attached", post.Body);
        Assert.Empty(post.IgnoredAttachments);
    }

    [Fact]
    public void Legacy_charsets_are_decoded()
    {
        var post = Emails.Convert("windows-1252.eml").Post!;

        Assert.Equal("Café conversations", post.FrontMatter.Title);
        Assert.Equal("cafe-conversations", post.Slug);
        Assert.Equal("Renée O’Neil", post.FrontMatter.Author);
        Assert.Contains("“coffee and chat”", post.Body);
        Assert.Equal([new CommitmentChoice("unite-and-increase-diversity", "stated")], post.Commitments);
    }

    [Fact]
    public void Hostile_content_stays_text_and_names_from_the_email_are_never_used()
    {
        var post = Emails.Convert("hostile.eml").Post!;

        Assert.Equal("--- title: pwned: *x !!python/object & #1 \"quoted\" {{ site.title }}", post.FrontMatter.Title);
        Assert.Contains("Click {{ site.title }} {% include x %}", post.Body);
        Assert.Contains("\\<script\\>alert(3)\\</script\\>", post.Body);
        Assert.DoesNotMatch(@"(?<!\\)\]\((<)?(javascript|data):", post.Body);
        Assert.Contains("\\[click\\](javascript:alert(2))", post.Body);
        Assert.DoesNotContain("tracker.example", post.Body);
        Assert.DoesNotContain("evil.example", post.Body);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"image-{i}.png"), post.Images.Select(i => i.FileName));
        var ignored = Assert.Single(post.IgnoredAttachments);
        Assert.DoesNotContain('\u202e', ignored);
        Assert.DoesNotContain('/', ignored);
        Assert.Contains(post.Warnings, w => w.Contains("remote image", StringComparison.Ordinal));

        var written = SubmissionWriter.PostText(post);
        Assert.StartsWith("---\ntitle: '--- title: pwned", written);
    }

    [Theory]
    [InlineData("auto-reply.eml", "automatic reply")]
    [InlineData("nhsmail-secure.eml", "[secure]")]
    [InlineData("covering-note-only.eml", "almost no text")]
    [InlineData("no-subject-no-name.eml", "no subject")]
    public void Rejections_give_a_reason_the_contributor_can_act_on(string fixture, string reason)
    {
        var result = Emails.Convert(fixture);
        Assert.Null(result.Post);
        Assert.Contains(result.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_over_the_size_limit_is_rejected()
    {
        var result = Emails.Convert("outlook-html-inline-image.eml", new SubmissionSettings { MaxMessageBytes = 1000 });
        Assert.Contains("; the limit is 1 KB.", Assert.Single(result.Reasons));
    }

    [Fact]
    public void The_same_message_gives_the_same_idempotency_key()
    {
        var first = Emails.Convert("gmail-alternative-attachment.eml").Post!;
        var second = Emails.Convert("gmail-alternative-attachment.eml").Post!;
        Assert.Equal(first.IdempotencyKey, second.IdempotencyKey);
        Assert.NotEqual(first.IdempotencyKey, Emails.Convert("apple-plain-text.eml").Post!.IdempotencyKey);
        Assert.Equal(SubmissionConverter.IdempotencyKey("<a@b>", "Some  text\n"), SubmissionConverter.IdempotencyKey("<a@b>", "some text"));
    }

    [Theory]
    [InlineData("RE: FW: [External] Our post #PPNWeek", "Our post")]
    [InlineData("Fwd: Re: AW: Title: part two", "Title: part two")]
    // A gateway's mark for mail from outside, however it writes it; words of the title in capitals stay.
    [InlineData("EXTERNAL: My walk in the park", "My walk in the park")]
    [InlineData("*EXTERNAL* My walk in the park", "My walk in the park")]
    [InlineData("RE: ** EXT ** : (EXTERNAL) My walk", "My walk")]
    [InlineData("External: lessons from the ward", "External: lessons from the ward")]
    [InlineData("EXTERNALLY funded posts", "EXTERNALLY funded posts")]
    [InlineData("  many   spaces\tand\ttabs ", "many spaces and tabs")]
    [InlineData("[PPN] [Blog] #TransformAndInnovate", "")]
    [InlineData("Celebrating #PsychologicalProfessionsWeek: what we learned #PutPeopleFirst, #TransformAndInnovate", "Celebrating #PsychologicalProfessionsWeek: what we learned")]
    // What the email is, before or after the title, is not part of it; words that only look like a label stay.
    [InlineData("Blog submission: What our team learned", "What our team learned")]
    [InlineData("RE: Guest blog – Finding my voice #PutPeopleFirst", "Finding my voice")]
    [InlineData("PPN blog post | Supervision that works", "Supervision that works")]
    [InlineData("Supervision that works - Blog submission for the PPN website", "Supervision that works")]
    [InlineData("Supervision that works [Blog post]", "Supervision that works")]
    [InlineData("Blogging: a beginner's guide", "Blogging: a beginner's guide")]
    [InlineData("Post-traumatic growth in staff teams", "Post-traumatic growth in staff teams")]
    [InlineData("How I started a blog", "How I started a blog")]
    [InlineData("Blog submission", "Blog submission")]
    // A label with no words beside it is all the title there is.
    [InlineData("Blog: ???", "Blog: ???")]
    [InlineData("--- (blog post)", "--- (blog post)")]
    public void Subjects_become_titles(string subject, string title) => Assert.Equal(title, SubmissionConverter.CleanSubject(subject));

    [Fact]
    public void A_subject_of_a_hundred_thousand_words_and_dashes_loses_its_label_in_one_pass()
    {
        // Looking back over the whole subject from each space for a word before the label made this quadratic.
        var words = string.Concat(Enumerable.Repeat("a - ", 50_000)) + "end";

        Assert.Equal(words, SubmissionConverter.CleanSubject(words + " - blog post"));
        Assert.Equal("-" + string.Concat(Enumerable.Repeat(" -", 50_000)) + " (blog post)", SubmissionConverter.CleanSubject(string.Concat(Enumerable.Repeat("- ", 50_001)) + "(blog post)"));
    }
}
