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
    public void A_converted_email_reports_personal_data_as_warnings()
    {
        var post = Emails.Convert("personal-data.eml").Post!;
        Assert.Contains(post.PersonalData, f => f.Kind == "NHS number");
        Assert.Contains(post.PersonalData, f => f.Kind == "phone number");
        Assert.Contains(post.Warnings, w => w.Contains("looks like an NHS number", StringComparison.Ordinal));
        Assert.DoesNotContain(post.Warnings, w => w.Contains("5919", StringComparison.Ordinal));
    }
}
