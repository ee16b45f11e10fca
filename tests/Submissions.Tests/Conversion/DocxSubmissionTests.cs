using PPNBlog.Generator.Markdown;
using static PPNBlog.Submissions.Tests.Emails;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>
/// Word documents emailed as posts, through the whole conversion (an .eml with the document attached): the post's
/// index.md as the site's own Markdown pipeline shows it, and what the pull request tells the editor.
/// </summary>
public class DocxSubmissionTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The post converted from an email from Jo Evans whose covering note attaches <paramref name="document"/>.</summary>
    private static ConvertedPost Submitted(byte[] document)
    {
        var message = Message("Our year of groups", "");
        var body = new MimeKit.BodyBuilder { TextBody = "My post is attached. Jo (jo.evans@nhs.net)" };
        body.Attachments.Add("Our year.docx", document);
        message.Body = body.ToMessageBody();
        return ConvertFile(message).Post!;
    }

    [Fact]
    public void A_list_keeps_its_first_number_and_its_letters_or_roman_numerals_on_the_page()
    {
        static string Item(int id, int level, string text) =>
            $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
        static string Level(int level, string format, int start) => $"<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/></w:lvl>";
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{Level(0, "decimal", 4)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"1\">{Level(0, "lowerLetter", 1)}{Level(1, "lowerRoman", 1)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"2\">{Level(0, "upperRoman", 1)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"12\"/></w:lvlOverride></w:num></w:numbering>";
        var body = WordDocuments.Paragraph(Prose) + Item(1, 0, "Book a room") + Item(1, 0, "Invite families") + WordDocuments.Paragraph("Then we chose:")
            + Item(2, 0, "Ask patients") + Item(2, 1, "in clinic") + Item(2, 1, "online") + Item(2, 0, "Train staff") + WordDocuments.Paragraph("Appendices:")
            + Item(3, 0, "Costs") + Item(3, 0, "Feedback");

        var post = Submitted(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering }));

        Assert.Equal($"{Prose}\n\n4. Book a room\n5. Invite families\n\nThen we chose:\n\na. Ask patients\n\n   i. in clinic\n   ii. online\n\nb. Train staff"
            + "\n\nAppendices:\n\nXII. Costs\nXIII. Feedback", post.Body);
        var page = MarkdownRenderer.Render(post.Body).Html.ToString();
        Assert.Equal(["<ol start=\"4\">", "<ol type=\"a\">", "<ol type=\"i\">", "<ol type=\"I\" start=\"12\">"],
            System.Text.RegularExpressions.Regex.Matches(page, "<ol[^>]*>").Select(m => m.Value));
    }

    [Fact]
    public void A_table_row_starting_or_ending_columns_in_keeps_each_cell_under_its_column()
    {
        static string Cell(string text) => $"<w:tc>{WordDocuments.Paragraph(text)}</w:tc>";
        static string Row(string properties, params string[] cells) => $"<w:tr>{properties}{string.Concat(cells.Select(Cell))}</w:tr>";
        var table = "<w:tbl>" + Row("", "Quarter", "Referrals", "Seen") + Row("", "Q1", "120", "96")
            + Row("<w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>", "216") + Row("<w:trPr><w:gridAfter w:val=\"1\"/></w:trPr>", "Q2", "140") + "</w:tbl>";

        var post = Submitted(WordDocuments.Package(WordDocuments.Paragraph(Prose) + table));

        Assert.Equal($"{Prose}\n\n| Quarter | Referrals | Seen |\n| --- | --- | --- |\n| Q1 | 120 | 96 |\n|  |  | 216 |\n| Q2 | 140 |  |", post.Body);
    }
}
