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
        var body = new MimeKit.BodyBuilder { TextBody = "My post is attached. Jo" };
        body.Attachments.Add("Our year.docx", document);
        message.Body = body.ToMessageBody();
        return ConvertFile(message).Post!;
    }

    [Fact]
    public void Charts_smartart_equations_linked_pictures_and_embedded_objects_are_told_to_the_editor_with_where_they_were()
    {
        const string Drawing = "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";
        static string Graphic(string uri, string data) => $"<w:r><w:drawing {Drawing}><wp:inline><wp:docPr id=\"1\" name=\"Graphic\"/><a:graphic><a:graphicData uri=\"{uri}\">{data}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
        static string Run(string text) => $"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>";
        const string Math = "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";
        static string Equation(string text) => $"<m:oMath {Math}><m:r><m:t>{text}</m:t></m:r></m:oMath>";
        static string Embedded(string program) => "<w:r><w:object><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" id=\"_x0000_i1025\"><v:imagedata r:id=\"rIdPreview\" o:title=\"\"/></v:shape>"
            + $"<o:OLEObject xmlns:o=\"urn:schemas-microsoft-com:office:office\" Type=\"Embed\" ProgID=\"{program}\" ShapeID=\"_x0000_i1025\" ObjectID=\"_1\" r:id=\"rIdObject\"/></w:object></w:r>";
        var chart = Graphic("http://schemas.openxmlformats.org/drawingml/2006/chart", "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"rIdChart\"/>");
        var smartArt = Graphic("http://schemas.openxmlformats.org/drawingml/2006/diagram",
            "<dgm:relIds xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\" r:dm=\"rIdData\" r:lo=\"rIdLayout\" r:qs=\"rIdStyle\" r:cs=\"rIdColours\"/>");
        var linked = Graphic("http://schemas.openxmlformats.org/drawingml/2006/picture", "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"2\" name=\"Garden\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:link=\"rIdLinked\"/></pic:blipFill><pic:spPr/></pic:pic>");
        var olderLinked = "<w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:imagedata r:id=\"rIdOlderLinked\"/></v:shape></w:pict></w:r>";
        var body = WordDocuments.Paragraph(Prose) + WordDocuments.Styled("Heading1", "What we found")
            + WordDocuments.Paragraph("We counted the visits each week and the numbers rose steadily.") + $"<w:p>{chart}</w:p>"
            + $"<w:p>{Run("Our model of care: ")}{smartArt}</w:p>"
            + $"<w:p>{Run("The rate fell to ")}{Equation("x/2")}{Run(" a week and ")}{Equation("y/4")}{Run(" a month.")}</w:p>"
            + $"<w:p><m:oMathPara {Math}>{Equation("a+b")}</m:oMathPara></w:p>"
            + WordDocuments.Styled("Heading1", "Photos") + $"<w:p>{linked}</w:p>"
            + $"<w:p>{Run("Our garden in spring, sent by jo.evans@nhs.net.")}{olderLinked}</w:p>"
            + $"<w:tbl><w:tr><w:tc>{WordDocuments.Paragraph("Costs")}</w:tc><w:tc><w:p>{Embedded("Excel.Sheet.12")}</w:p></w:tc></w:tr></w:tbl>"
            + $"<w:p>{Run("Our formula: ")}{Embedded("Equation.3")}</w:p>";
        var document = WordDocuments.Package(body, linkedPictures: new Dictionary<string, string>
        {
            ["rIdLinked"] = "file:///C:/Users/jo.evans/Pictures/garden.jpg", ["rIdOlderLinked"] = "file:///C:/Users/jo.evans/Pictures/spring.jpg",
        });

        var post = Submitted(document);

        Assert.Equal([
            "The post was taken from the attached Word document 'Our year.docx'.",
            "The Word document's chart could not be published (under the heading 'What we found', after the paragraph starting 'We counted the visits each week and the…'): ask the contributor for the chart as a picture.",
            "The Word document's SmartArt graphic could not be published (under the heading 'What we found', in the paragraph starting 'Our model of care:'): ask the contributor for it as a picture, or for its words.",
            "The Word document's 2 equations could not be published (under the heading 'What we found', in the paragraph starting 'The rate fell to a week and a…'): ask the contributor for it as a picture, or written out in words.",
            "The Word document's equation could not be published (under the heading 'What we found', after the paragraph starting 'The rate fell to a week and a…'): ask the contributor for it as a picture, or written out in words.",
            "The Word document's linked picture (its file is on the writer's computer, not in the document) could not be published (under the heading 'Photos'): ask the contributor to send the picture itself.",
            "The Word document's linked picture (its file is on the writer's computer, not in the document) could not be published (under the heading 'Photos', in the paragraph starting 'Our garden in spring, sent by (email address removed).'): ask the contributor to send the picture itself.",
            "The Word document's embedded object (a spreadsheet, another document) could not be published (under the heading 'Photos', in a table, after the paragraph starting 'Our garden in spring, sent by (email address removed).'): ask the contributor for its content as a picture or as text.",
            "The Word document's equation could not be published (under the heading 'Photos', in the paragraph starting 'Our formula:'): ask the contributor for it as a picture, or written out in words.",
            "Your own email address was taken out wherever it appeared (3 times): links to it keep their words, and elsewhere it reads '(email address removed)'. It is never published.",
        ], post.Warnings);
    }

    [Fact]
    public void Text_in_a_symbol_font_reads_as_what_it_shows_and_a_symbol_with_no_character_is_left_out_and_told()
    {
        // Wingdings set on the run (AutoCorrect's smiley), by a character style, and only as the font of characters
        // outside ASCII (hAnsi: a tick typed as "ü"); Insert › Symbol's w:sym; and a w:sym with no character (a mouse).
        static string Run(string properties, string text) => $"<w:r><w:rPr>{properties}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>";
        const string Wingdings = "<w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/>";
        var styles = $"<w:styles xmlns:w=\"{W}\"><w:style w:type=\"character\" w:styleId=\"Ticks\"><w:name w:val=\"Ticks\"/><w:rPr><w:rFonts w:ascii=\"Wingdings 2\" w:hAnsi=\"Wingdings 2\"/></w:rPr></w:style></w:styles>";
        var body = WordDocuments.Paragraph(Prose)
            + "<w:p>" + Run("", "It went well ") + Run(Wingdings, "J") + Run("", " and all came ") + Run("<w:rStyle w:val=\"Ticks\"/>", "P")
            + Run("<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Wingdings\"/>", " Jo ü") + Run("", " then ") + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0E0\"/></w:r>"
            + Run("", " home ") + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F04C\"/></w:r>" + Run("", ", click ") + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F038\"/></w:r>"
            + Run("", " here.") + "</w:p>";
        var document = WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("styles", "styles")] = styles });

        var post = Submitted(document);

        Assert.Equal($"{Prose}\n\nIt went well ☺ and all came ✓ Jo ✓ then → home ☹, click here.", post.Body);
        Assert.Equal([
            "The post was taken from the attached Word document 'Our year.docx'.",
            "A symbol in the Wingdings font (Outlook and Word draw smileys, ticks and arrows with it) has no character on the web, so it was left out, "
                + "after '…✓ then → home ☹, click'. Ask the contributor what it showed, if it matters.",
        ], post.Warnings);
    }

    [Fact]
    public void A_template_label_whose_field_still_shows_its_prompt_is_told_to_the_editor_as_left_empty()
    {
        static string Prompt(string content) => $"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>";
        const string Run = "<w:r><w:t>Click or tap here to enter text.</w:t></w:r>";
        static string Cell(string content) => $"<w:tc>{content}</w:tc>";
        // A field after its label in the paragraph, in a paragraph of its own under the label, and in the cell beside
        // it; and fields filled in, or followed by the writer's own words, which are not empty.
        var body = WordDocuments.Paragraph(Prose)
            + $"<w:p><w:r><w:t xml:space=\"preserve\">Taken at the hub in May. Photo credit: </w:t></w:r>{Prompt(Run)}</w:p>"
            + WordDocuments.Paragraph("Key messages:") + Prompt(WordDocuments.Paragraph("Click or tap here to enter text."))
            + $"<w:tbl><w:tr>{Cell(WordDocuments.Paragraph("Author role:"))}{Cell($"<w:p>{Prompt(Run)}</w:p>")}</w:tr>"
            + $"<w:tr>{Cell(WordDocuments.Paragraph("Team:"))}{Cell(WordDocuments.Paragraph("Peer support"))}</w:tr></w:tbl>"
            + $"<w:p><w:r><w:t xml:space=\"preserve\">Venue: </w:t></w:r>{Prompt(Run)}<w:r><w:t xml:space=\"preserve\"> the hub</w:t></w:r></w:p>";

        var post = Submitted(WordDocuments.Package(body));

        Assert.Equal($"{Prose}\n\nTaken at the hub in May. Photo credit:\n\nKey messages:\n\n| Author role: |  |\n| --- | --- |\n| Team: | Peer support |\n\nVenue: the hub", post.Body);
        Assert.Equal([
            "The post was taken from the attached Word document 'Our year.docx'.",
            "The Word template's 'Photo credit' was left empty (its field still held the template's prompt, which is not published): ask the contributor what it should say, or take 'Photo credit:' out of the post.",
            "The Word template's 'Key messages' was left empty (its field still held the template's prompt, which is not published): ask the contributor what it should say, or take 'Key messages:' out of the post.",
            "The Word template's 'Author role' was left empty (its field still held the template's prompt, which is not published): ask the contributor what it should say, or take 'Author role:' out of the post.",
        ], post.Warnings);
    }

    [Fact]
    public void A_list_keeps_its_first_number_and_its_letters_or_roman_numerals_on_the_page()
    {
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{WordDocuments.NumberingLevel(0, "decimal", 4)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"1\">{WordDocuments.NumberingLevel(0, "lowerLetter", 1)}{WordDocuments.NumberingLevel(1, "lowerRoman", 1)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"2\">{WordDocuments.NumberingLevel(0, "upperRoman", 1)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"12\"/></w:lvlOverride></w:num></w:numbering>";
        var body = WordDocuments.Paragraph(Prose) + WordDocuments.ListItem(1, 0, "Book a room") + WordDocuments.ListItem(1, 0, "Invite families") + WordDocuments.Paragraph("Then we chose:")
            + WordDocuments.ListItem(2, 0, "Ask patients") + WordDocuments.ListItem(2, 1, "in clinic") + WordDocuments.ListItem(2, 1, "online") + WordDocuments.ListItem(2, 0, "Train staff") + WordDocuments.Paragraph("Appendices:")
            + WordDocuments.ListItem(3, 0, "Costs") + WordDocuments.ListItem(3, 0, "Feedback");

        var post = Submitted(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering }));

        Assert.Equal($"{Prose}\n\n4. Book a room\n5. Invite families\n\nThen we chose:\n\na. Ask patients\n\n   i. in clinic\n   ii. online\n\nb. Train staff"
            + "\n\nAppendices:\n\nXII. Costs\nXIII. Feedback", post.Body);
        var page = MarkdownRenderer.Render(post.Body).Html.ToString();
        Assert.Equal(["<ol start=\"4\">", "<ol type=\"a\">", "<ol type=\"i\">", "<ol type=\"I\" start=\"12\">"],
            System.Text.RegularExpressions.Regex.Matches(page, "<ol[^>]*>").Select(m => m.Value));
    }

    [Fact]
    public void A_list_continued_after_an_interruption_keeps_its_numbers_on_the_page()
    {
        // List 2 is Word's Continue Numbering of list 1 (another list over the same definition); list 3 restarts it at
        // 10 (Set Numbering Value); list 4's letters start again under each of its items.
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{WordDocuments.NumberingLevel(0, "decimal", 1)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"1\">{WordDocuments.NumberingLevel(0, "decimal", 1)}{WordDocuments.NumberingLevel(1, "lowerLetter", 1)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>"
            + "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        var body = WordDocuments.Paragraph(Prose) + WordDocuments.Paragraph("Our top reasons people came back:") + WordDocuments.ListItem(1, 0, "Someone who had been there")
            + WordDocuments.ListItem(1, 0, "No waiting list") + WordDocuments.Paragraph("And, continuing that list after a note from a parent:")
            + WordDocuments.ListItem(2, 0, "Free parking") + WordDocuments.ListItem(2, 0, "Tea and biscuits") + WordDocuments.Styled("Heading2", "Our plan")
            + WordDocuments.ListItem(1, 0, "Open on Saturdays") + WordDocuments.Paragraph("From point ten:") + WordDocuments.ListItem(3, 0, "Evaluate")
            + WordDocuments.Paragraph("Each meeting:") + WordDocuments.ListItem(4, 0, "Welcome") + WordDocuments.ListItem(4, 1, "names") + WordDocuments.Paragraph("Then")
            + WordDocuments.ListItem(4, 0, "Share") + WordDocuments.ListItem(4, 1, "news");

        var post = Submitted(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering }));

        Assert.Equal($"{Prose}\n\nOur top reasons people came back:\n\n1. Someone who had been there\n2. No waiting list\n\nAnd, continuing that list after a note from a parent:"
            + "\n\n3. Free parking\n4. Tea and biscuits\n\n## Our plan\n\n5. Open on Saturdays\n\nFrom point ten:\n\n10. Evaluate\n\nEach meeting:\n\n1. Welcome\n\n   a. names"
            + "\n\nThen\n\n2. Share\n\n   a. news", post.Body);
        var page = MarkdownRenderer.Render(post.Body).Html.ToString();
        Assert.Equal(["<ol>", "<ol start=\"3\">", "<ol start=\"5\">", "<ol start=\"10\">", "<ol>", "<ol type=\"a\">", "<ol start=\"2\">", "<ol type=\"a\">"],
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
