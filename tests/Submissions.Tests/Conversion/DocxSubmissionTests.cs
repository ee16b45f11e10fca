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
