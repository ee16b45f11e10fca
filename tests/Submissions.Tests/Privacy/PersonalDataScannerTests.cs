using PPNBlog.Submissions.Privacy;

namespace PPNBlog.Submissions.Tests.Privacy;

public class PersonalDataScannerTests
{
    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("943 476 5919", true)]
    [InlineData("943-476-5918", false)]
    [InlineData("1111111111", false)]
    [InlineData("123456789", false)]
    public void Nhs_numbers_pass_the_modulus_11_check(string text, bool valid) => Assert.Equal(valid, PersonalDataScanner.IsValidNhsNumber(text));

    [Fact]
    public void Findings_name_the_line_and_kind_but_never_the_value()
    {
        var post = "---\ntitle: T\n---\n\nOur clinic saw 120 people in 2023.\nPatient 943 476 5919 was referred.\nCall 01234 567890 or 07700 900123.\n" +
                   "Write to jo.evans@example.org.\nThe clinic is at SW1A 1AA.\n![a photo](image-1234567890.png)\n";
        var findings = PersonalDataScanner.Scan(post);
        Assert.Equal([new(6, "NHS number"), new(7, "phone number"), new(8, "email address"), new(9, "postcode")], findings);
    }

    [Fact]
    public void Phone_numbers_written_other_ways_dates_of_birth_hospital_numbers_and_small_letter_postcodes_are_found()
    {
        var post = "---\ntitle: T\n---\n\nCall +44-7700-900-123, 0044 7700 900123 or 07700.900.123.\n[Message me on WhatsApp](<https://wa.me/447700900123>) or [ring](<tel:07700900123>).\n" +
                   "Patient: Sarah Jones, DOB: 14.02.1990.\nHospital no. RR8 1234567.\nWe met at 12 Oak Road, Leeds ls9 7tf.\nOur 3 groups met 14 times in 2024, at 10:30 on 14 February.\n";
        Assert.Equal([new(5, "phone number"), new(6, "phone number"), new(7, "date of birth"), new(8, "hospital number"), new(9, "postcode")], PersonalDataScanner.Scan(post));
    }

    [Theory]
    [InlineData("Patient: Sarah Jones, DOB 14 February 1990.")]
    [InlineData("Sarah (D.O.B: 3rd March 1985) joined the group.")]
    [InlineData("Sarah was born on 3 March 1985 in Leeds.")]
    [InlineData("Date of birth: March 3, 1985.")]
    [InlineData("date of birth is the 3rd of March 1985")]
    [InlineData("DOB: 14-Feb-90")]
    [InlineData("D.O.B. Sept. 14th 1990")]
    [InlineData("Born 31 december 2001, she…")]
    public void Dates_of_birth_written_with_the_months_name_are_found(string line) =>
        Assert.Equal([new(5, "date of birth")], PersonalDataScanner.Scan($"---\ntitle: T\n---\n\n{line}\n"));

    [Theory]
    // Dates without a cue, and a cue without a date, are an event's.
    [InlineData("We met on 14 February 1990 and again on March 3, 1985.")]
    [InlineData("The service was born on a cold day, 3 March 1985, in Leeds.")]
    [InlineData("Our date of birth certificates project starts in May 2026.")]
    [InlineData("The network was born in March 2019.")]
    public void Dates_without_a_birth_cue_are_not_dates_of_birth(string line) =>
        Assert.Empty(PersonalDataScanner.Scan($"---\ntitle: T\n---\n\n{line}\n"));

    [Fact]
    public void Front_matter_values_and_addresses_in_link_targets_are_scanned()
    {
        var post = "---\ntitle: Call 07700 900123\ndate: 2026-11-24\n---\n\nSee [the form](<https://forms.example/?email=jo.evans%40example.org>).\n" +
                   "Or [write](<mailto:jo@example.org>), or read [the report](<https://example.org/reports/9434765919/SW1A1AA>).\n";
        Assert.Equal([new(2, "phone number"), new(6, "email address"), new(7, "email address")], PersonalDataScanner.Scan(post));
    }

    [Theory]
    [InlineData("jo.evans@nhs.net")]
    [InlineData("jo_evans+blog@nhs.net")]
    public void The_senders_own_address_is_never_published_in_any_form(string address)
    {
        var upper = address.ToUpperInvariant();
        var html = $"<p>Role: Psychologist ({address})</p><p>Summary: Written by {upper}</p><p>{Emails.Prose}</p>" +
                   $"<p>Write to <a href=\"mailto:{upper}\">me</a>, fill in <a href=\"https://forms.example/?email={Uri.EscapeDataString(address)}&amp;x=1\">the form</a>, " +
                   $"or write to {address} today. Not <a href=\"mailto:x{address}\">a longer address</a>.</p>";
        var message = Emails.Message($"A post by {address}", "", html);
        message.From.Clear();
        message.From.Add(new MimeKit.MailboxAddress("Jo Evans", address));

        var post = Emails.ConvertFile(message).Post!;
        var text = SubmissionWriter.PostText(post);

        var local = address[..address.IndexOf('@')];
        foreach (var written in new[] { local, local.Replace("_", "\\_"), Uri.EscapeDataString(local) })
            Assert.DoesNotContain(written, text.Replace("x" + local, ""), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("A post by (email address removed)", post.FrontMatter.Title);
        Assert.Equal("Psychologist ((email address removed))", post.FrontMatter.Role);
        Assert.Contains("Write to me, fill in the form, or write to (email address removed) today.", text);
        Assert.Contains("Your own email address was taken out wherever it appeared (6 times)", string.Join('\n', post.Warnings));
        // Another address, even one ending in the sender's, is someone else's: kept, and flagged for the editor.
        Assert.Contains($"[a longer address](<mailto:x{address}>)", text);
        Assert.Contains(post.PersonalData, f => f.Kind == "email address");
    }

    [Theory]
    [InlineData("Programme notes jo.evans@nhs.net.pdf", "Programme notes (email address removed).pdf")]
    [InlineData("jo.evans@nhs.net_notes.docx", "(email address removed)_notes.docx")]
    [InlineData("jo.evans@nhs.netball.org and xjo.evans@nhs.net", "jo.evans@nhs.netball.org and xjo.evans@nhs.net")]
    [InlineData("%7Cjo.evans%40nhs.net%7C", "%7C(email address removed)%7C")]
    // OneDrive's name for the sender's own site, in a link to a document they share; another person's stays.
    [InlineData("https://nhs-my.sharepoint.com/:w:/r/personal/jo_evans_nhs_net/Documents/Walks.docx?d=w1", "https://nhs-my.sharepoint.com/:w:/r/personal/(email address removed)/Documents/Walks.docx?d=w1")]
    [InlineData("https://nhs-my.sharepoint.com/personal/sam_jo_evans_nhs_net/Documents", "https://nhs-my.sharepoint.com/personal/sam_jo_evans_nhs_net/Documents")]
    public void The_senders_address_is_taken_out_of_a_file_name_but_another_address_is_kept(string text, string published)
    {
        var message = Emails.Message("A post", Emails.Prose);
        message.From.Clear();
        message.From.Add(new MimeKit.MailboxAddress("Jo Evans", "jo.evans@nhs.net"));
        Assert.Equal(published, new SenderAddress(message).FromText(text));
    }

    [Fact]
    public void Searching_for_an_address_made_to_be_slow_takes_time_in_proportion_to_the_text()
    {
        // With backtracking, 64 a's before the @ and 200 KB of "a a a …" took more than the search's second.
        var message = Emails.Message("A post", Emails.Prose);
        message.From.Clear();
        message.From.Add(new MimeKit.MailboxAddress("Ann Able", new string('a', 64) + "@aa.org"));
        var text = string.Concat(Enumerable.Repeat("a ", 100_000)) + new string('a', 64) + "@aa.org";

        Assert.EndsWith("a (email address removed)", new SenderAddress(message).FromText(text));
    }

    [Fact]
    public void The_senders_address_is_found_split_by_formatting_and_the_text_around_its_links_is_left_alone()
    {
        // Sent from a +tag address; the body writes the mailbox itself, broken up by bold, a soft hyphen and a line break.
        var html = $"<p>As the report says [1], and [<a href=\"https://example.org/\">the guide</a>] agrees.</p><p>{Emails.Prose}</p>" +
                   "<p>Mail jane.<b>smith</b>@nhs.net or jane.smi\u00ADth@nhs.net or jane.smith@<br>nhs.net, or <a href=\"mailto:jane.smith@nhs.net\">me</a>" +
                   " (<a href=\"mailto:jane.smith@nhs.net\">jane.smith@<br>nhs.net</a>).</p>";
        var message = Emails.Message("Reports", "", html);
        message.From.Clear();
        message.From.Add(new MimeKit.MailboxAddress("Jane Smith", "jane.smith+blog@nhs.net"));

        var post = Emails.ConvertFile(message).Post!;
        var text = SubmissionWriter.PostText(post);

        Assert.DoesNotContain("smith", text.Replace("author: Jane Smith", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("As the report says \\[1\\], and \\[[the guide](<https://example.org/>)\\] agrees.", text);
        Assert.Contains("Mail (email address removed) or (email address removed) or (email address removed), or me ((email address removed)).", text);
    }

    [Fact]
    public void The_senders_address_is_found_with_its_local_part_quoted_or_spaced_out()
    {
        var html = $"<p>{Emails.Prose}</p><p>Write to \"sam.patel\"@nhs.net, sam.patel @ nhs.net or sam.patel@\tnhs.net.</p>";
        var message = Emails.Message("Notes from \"sam.patel\"@nhs.net and sam.patel@\tnhs.net", "", html);
        message.From.Clear();
        message.From.Add(new MimeKit.MailboxAddress("Sam Patel", "sam.patel@nhs.net"));

        var post = Emails.ConvertFile(message).Post!;
        var text = SubmissionWriter.PostText(post);

        Assert.Equal("Notes from (email address removed) and (email address removed)", post.FrontMatter.Title);
        Assert.Contains("Write to (email address removed), (email address removed) or (email address removed).", text);
        Assert.DoesNotContain("sam.patel", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_converted_email_reports_personal_data_as_warnings()
    {
        var post = Emails.Convert("personal-data.eml").Post!;
        Assert.Contains(post.PersonalData, f => f.Kind == "NHS number");
        Assert.Contains(post.PersonalData, f => f.Kind == "phone number");
        Assert.Contains(post.Warnings, w => w.Contains("looks like an NHS number", StringComparison.Ordinal));
        Assert.DoesNotContain(post.Warnings, w => w.Contains("5919", StringComparison.Ordinal));

        var other = Emails.ConvertFile(Emails.Message("Contacts", Emails.Prose + "\n\nWrite to priya.patel@nhs.net or call 0113 496 0999.")).Post!;
        Assert.Contains(other.Warnings, w => w.EndsWith("looks like an email address. Remove it unless it is meant to be published.", StringComparison.Ordinal));
        Assert.Contains(other.Warnings, w => w.EndsWith("looks like a phone number. Remove it unless it is meant to be published.", StringComparison.Ordinal));
    }
}
