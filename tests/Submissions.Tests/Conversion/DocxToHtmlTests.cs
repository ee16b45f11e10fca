using System.IO.Compression;
using PPNBlog.Submissions.Conversion;

namespace PPNBlog.Submissions.Tests.Conversion;

public class DocxToHtmlTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void A_zip_bomb_is_refused_without_being_unpacked()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<w:document/>");
            using var bomb = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 120; i++) bomb.Write(zeros);
        }
        var bytes = buffer.ToArray();
        Assert.True(bytes.Length < 2 * 1024 * 1024);
        Assert.True(DocxToHtml.IsDocx(bytes));

        var (html, _, problem, _) = DocxToHtml.Convert(bytes, new());

        Assert.Null(html);
        Assert.Contains("too large", problem);
    }

    [Fact]
    public void A_zip_that_understates_its_unpacked_size_is_refused_without_being_unpacked()
    {
        var (html, _, _, _) = DocxToHtml.Convert(Package(spaceMegabytes: 1), new());
        Assert.Contains("<p>Text", html);

        // 400 MiB of document that compresses to under a megabyte, its headers patched to say 4 KiB.
        var bytes = Package(spaceMegabytes: 400);
        // The uncompressed size: at offset 22 of the local header ("PK\x03\x04"), 24 of the central one ("PK\x01\x02").
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.AsSpan().LastIndexOf("PK\u0003\u0004"u8) + 22), 4096);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8) + 24), 4096);
        Assert.True(DocxToHtml.IsDocx(bytes));

        (html, _, var problem, _) = DocxToHtml.Convert(bytes, new());

        Assert.Null(html);
        Assert.Equal("damaged, or not really a .docx", problem);
    }

    [Fact]
    public void Rows_and_cells_in_content_controls_tables_in_cells_older_text_boxes_and_links_written_as_fields_are_read()
    {
        static string Cell(string text) => $"<w:tc>{WordDocuments.Paragraph(text)}</w:tc>";
        static string Run(string inner) => $"<w:r>{inner}</w:r>";
        var body = "<w:tbl><w:tr>" + Cell("Month") + Cell("What happened") + "</w:tr>"
            + "<w:tr>" + Cell("January") + "<w:tc>" + WordDocuments.Paragraph("We trained staff.") + "<w:tbl><w:tr>" + Cell("12 sessions") + Cell("40 staff") + "</w:tr></w:tbl><w:p/></w:tc></w:tr>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"Repeating\"/></w:sdtPr><w:sdtContent><w:tr>" + Cell("February") + Cell("Families joined") + "</w:tr></w:sdtContent></w:sdt>"
            + "<w:tr><w:sdt><w:sdtPr/><w:sdtContent>" + Cell("March") + "</w:sdtContent></w:sdt>" + Cell("Review held") + "</w:tr></w:tbl>"
            + "<w:p>" + Run("<w:t xml:space=\"preserve\">Read </w:t>") + Run("<w:fldChar w:fldCharType=\"begin\"/>")
            + Run("<w:instrText xml:space=\"preserve\"> HYPERLINK \"https://www.england.nhs.uk/mental-health/\" \\o \"tip\" </w:instrText>") + Run("<w:fldChar w:fldCharType=\"separate\"/>")
            + Run("<w:t>the guidance</w:t>") + Run("<w:fldChar w:fldCharType=\"end\"/>") + Run("<w:t xml:space=\"preserve\"> and </w:t>")
            + "<w:fldSimple w:instr=\" HYPERLINK &quot;https://example.org/plan&quot; \">" + Run("<w:t>the plan</w:t>") + "</w:fldSimple>"
            + Run("<w:t xml:space=\"preserve\">, page </w:t>") + Run("<w:fldChar w:fldCharType=\"begin\"/>") + Run("<w:instrText> PAGE </w:instrText>")
            + Run("<w:fldChar w:fldCharType=\"separate\"/>") + Run("<w:t>3</w:t>") + Run("<w:fldChar w:fldCharType=\"end\"/>") + "</w:p>"
            + "<w:p>" + Run("<w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" id=\"box\"><v:textbox><w:txbxContent>" + WordDocuments.Paragraph("Being listened to mattered most.")
                + "</w:txbxContent></v:textbox></v:shape></w:pict>") + "</w:p>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body), new());

        Assert.Null(problem);
        Assert.Contains("<tr><td>January</td><td>We trained staff.<br><table><tr><td>12 sessions</td><td>40 staff</td></tr></table><br></td></tr>"
            + "<tr><td>February</td><td>Families joined</td></tr><tr><td>March</td><td>Review held</td></tr>", html);
        Assert.Contains("<p>Read <a href=\"https://www.england.nhs.uk/mental-health/\">the guidance</a> and <a href=\"https://example.org/plan\">the plan</a>, page 3</p>", html);
        Assert.Contains("<p><br>Being listened to mattered most.</p>", html);
    }

    [Fact]
    public void Tracked_insertions_content_controls_smart_tags_footnotes_and_numbered_lists_are_read()
    {
        var body = "<w:p><w:r><w:t xml:space=\"preserve\">We opened the hub in </w:t></w:r><w:ins w:id=\"1\" w:author=\"Jo\"><w:r><w:t>May and </w:t></w:r></w:ins>"
            + "<w:del w:id=\"2\" w:author=\"Jo\"><w:r><w:delText>June and </w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\">it now sees forty staff a week in </w:t></w:r>"
            + "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"City\"><w:r><w:t>Leeds</w:t></w:r></w:smartTag>"
            + "<w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"Summary\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Text in a template field.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>First step</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Second step</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>A bullet</w:t></w:r></w:p>";
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        var footnotes = $"<w:footnotes xmlns:w=\"{W}\"><w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Figures from the hub's own records.</w:t></w:r></w:p></w:footnote></w:footnotes>";
        var bytes = WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering, [("footnotes", "footnotes")] = footnotes });

        var (html, _, problem, _) = DocxToHtml.Convert(bytes, new());

        Assert.Null(problem);
        Assert.Contains("<p>We opened the hub in May and it now sees forty staff a week in Leeds.[1]</p>", html);
        Assert.Contains("<p>Text in a template field.</p>", html);
        Assert.Contains("<ol><li>First step</li><li>Second step</li></ol><ul><li>A bullet</li></ul>", html);
        Assert.Contains("<h2>Notes</h2><ol><li>Figures from the hub&#39;s own records.</li></ol>", html);
    }

    [Fact]
    public void Struck_raised_and_lowered_text_and_inserted_symbols_read_as_word_shows_them()
    {
        static string Run(string properties, string text) => $"<w:r><w:rPr>{properties}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>";
        var body = "<w:p>" + Run("", "The fee was ") + Run("<w:strike/>", "£40") + Run("", " ") + Run("<w:dstrike/>", "£30") + Run("", " and is now free in 40 m")
            + Run("<w:vertAlign w:val=\"superscript\"/>", "2") + Run("", " of H") + Run("<w:vertAlign w:val=\"subscript\"/>", "2") + Run("", "O at 20")
            + "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B0\"/></w:r>" + Run("", "C, ") + "<w:r><w:sym w:font=\"Symbol\" w:char=\"F061\"/></w:r>"
            + Run("", " waves ") + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r>" + Run("<w:strike w:val=\"0\"/>", " done")
            // A note's number, raised by the writer's own formatting as LibreOffice writes it, stays a plain [1].
            + "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
        var footnotes = $"<w:footnotes xmlns:w=\"{W}\"><w:footnote w:id=\"1\"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("footnotes", "footnotes")] = footnotes }), new());

        Assert.Null(problem);
        Assert.Contains("<p>The fee was <s>£40</s> <s>£30</s> and is now free in 40 m<sup>2</sup> of H<sub>2</sub>O at 20°C, α waves ✓ done[1]</p>", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void Nested_and_interrupted_lists_style_lists_endnotes_text_boxes_hidden_text_and_merged_cells_read_as_word_shows_them()
    {
        static string Item(int id, int level, string text) =>
            $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
        var body = Item(1, 0, "Step one") + Item(2, 1, "a detail") + Item(1, 0, "Step two") + WordDocuments.Paragraph("A paragraph between") + Item(1, 0, "Step three")
            + "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>Styled bullet</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">Our e</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">learning course</w:t></w:r>"
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r><w:r><w:t>.</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>"
            + "<w:p><w:r><w:t>Before the box.</w:t></w:r><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:v=\"urn:schemas-microsoft-com:vml\"><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            + "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>PULL QUOTE</w:t></w:r></w:p>"
            + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
            + "<w:p><w:r><w:t>PULL QUOTE</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Measure</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Before</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>After</w:t></w:r></w:p></w:tc></w:tr>"
            + "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>Total</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>24</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        var styles = $"<w:styles xmlns:w=\"{W}\"><w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>";
        var endnotes = $"<w:endnotes xmlns:w=\"{W}\"><w:endnote w:id=\"2\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>From the course's own survey.</w:t></w:r></w:p></w:endnote></w:endnotes>";
        var bytes = WordDocuments.Package(body, parts: new Dictionary<(string, string), string>
        {
            [("numbering", "numbering")] = numbering, [("styles", "styles")] = styles, [("endnotes", "endnotes")] = endnotes,
        });

        var (html, _, problem, _) = DocxToHtml.Convert(bytes, new());

        Assert.Null(problem);
        Assert.Contains("<ol><li>Step one<ul><li>a detail</li></ul></li><li>Step two</li></ol><p>A paragraph between</p><ol start=\"3\"><li>Step three</li></ol>", html);
        Assert.Contains("<ul><li>Styled bullet</li></ul>", html);
        Assert.Contains("<p>Our e-learning course.[1]</p>", html);
        Assert.Contains("<p>Before the box.<br>PULL QUOTE</p>", html);
        Assert.Contains("<tr><td colspan=\"2\">Total</td><td>24</td></tr>", html);
        Assert.Contains("<h2>Notes</h2><ol><li>From the course&#39;s own survey.</li></ol>", html);
        Assert.DoesNotContain("HIDDEN", html);
    }

    [Fact]
    public void A_chart_word_also_wrote_as_a_picture_is_that_picture_and_one_it_did_not_is_told()
    {
        const string Chart = "<w:drawing xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
            + "<wp:inline><wp:docPr id=\"1\" name=\"Chart\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            + "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"rIdChart\"/></a:graphicData></a:graphic></wp:inline></w:drawing>";
        static string Alternatives(string fallback) => "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
            + $"<mc:Choice Requires=\"c14\">{Chart}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>";
        var body = WordDocuments.Paragraph("Visits rose.") + Alternatives("<w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:imagedata r:id=\"rIdImg1\" o:title=\"Visits by month\" "
            + "xmlns:o=\"urn:schemas-microsoft-com:office:office\"/></v:shape></w:pict>") + Alternatives("");

        var (html, _, problem, warnings) = DocxToHtml.Convert(WordDocuments.Package(body, pictures: new Dictionary<string, byte[]> { ["rIdImg1"] = [1] }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><p>Visits rose.</p><p><img src=\"cid:docx-rIdImg1\" alt=\"Visits by month\"></p><p></p></body></html>", html);
        Assert.Equal(["The Word document's chart could not be published (after the paragraph starting 'Visits rose.'): ask the contributor for the chart as a picture."], warnings);
    }

    [Fact]
    public void Lists_keep_the_number_they_start_at_and_their_letters_or_roman_numerals()
    {
        // Numbers from 4; letters with Roman numerals under them; capitals restarted at C (Set Numbering Value) and a
        // list whose own level overrides its definition's: in its own numerals, it goes on counting the definition's
        // list (4, 5, then VI), as only a start override restarts it.
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{WordDocuments.NumberingLevel(0, "decimal", 4)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"1\">{WordDocuments.NumberingLevel(0, "lowerLetter", 1)}{WordDocuments.NumberingLevel(1, "lowerRoman", 1)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"2\">{WordDocuments.NumberingLevel(0, "upperLetter", 1)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/></w:lvlOverride></w:num>"
            + $"<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">{WordDocuments.NumberingLevel(0, "upperRoman", 1)}</w:lvlOverride></w:num></w:numbering>";
        var body = WordDocuments.ListItem(1, 0, "Book a room") + WordDocuments.ListItem(1, 0, "Invite families") + WordDocuments.ListItem(2, 0, "Ask patients") + WordDocuments.ListItem(2, 1, "in clinic") + WordDocuments.ListItem(2, 1, "online")
            + WordDocuments.ListItem(2, 0, "Train staff") + WordDocuments.Paragraph("Then:") + WordDocuments.ListItem(2, 0, "Review") + WordDocuments.ListItem(3, 0, "Report") + WordDocuments.ListItem(4, 0, "Background");

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><ol start=\"4\"><li>Book a room</li><li>Invite families</li></ol>"
            + "<ol type=\"a\"><li>Ask patients<ol type=\"i\"><li>in clinic</li><li>online</li></ol></li><li>Train staff</li></ol><p>Then:</p>"
            + "<ol start=\"3\" type=\"a\"><li>Review</li></ol><ol start=\"3\" type=\"A\"><li>Report</li></ol><ol start=\"6\" type=\"I\"><li>Background</li></ol></body></html>", html);
    }

    [Fact]
    public void A_list_interrupted_or_continued_by_another_of_its_numbering_goes_on_counting_as_word_does()
    {
        // Lists 1, 2 and 3 are made from one definition (Word's Continue Numbering writes another list over it), list 3
        // restarting it at 1 (Restart Numbering); list 4 is another definition's, its letters never restarting under an item.
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{WordDocuments.NumberingLevel(0, "decimal", 1)}{WordDocuments.NumberingLevel(1, "lowerLetter", 1)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"1\">{WordDocuments.NumberingLevel(0, "decimal", 1)}{WordDocuments.NumberingLevel(1, "lowerLetter", 1, restartAfter: 0)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
            + "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        var table = $"<w:tbl><w:tr><w:tc>{WordDocuments.Paragraph("Cost")}</w:tc></w:tr></w:tbl>";
        var body = WordDocuments.ListItem(1, 0, "Plan") + WordDocuments.ListItem(1, 1, "ask") + WordDocuments.ListItem(1, 1, "listen") + WordDocuments.Paragraph("A note")
            + WordDocuments.ListItem(1, 1, "write") + WordDocuments.Styled("Heading1", "Then") + WordDocuments.ListItem(1, 0, "Do") + WordDocuments.ListItem(1, 1, "try") + table
            + WordDocuments.ListItem(2, 0, "Review") + WordDocuments.Paragraph("Next year") + WordDocuments.ListItem(3, 0, "Begin again") + WordDocuments.Paragraph("Back to it")
            + WordDocuments.ListItem(1, 0, "Carry on") + WordDocuments.ListItem(4, 0, "Meet") + WordDocuments.ListItem(4, 1, "agenda") + WordDocuments.ListItem(4, 0, "Follow up")
            + WordDocuments.ListItem(4, 1, "minutes");

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><ol><li>Plan<ol type=\"a\"><li>ask</li><li>listen</li></ol></li></ol><p>A note</p>"
            + "<ol start=\"3\" type=\"a\"><li>write</li></ol><h1>Then</h1><ol start=\"2\"><li>Do<ol type=\"a\"><li>try</li></ol></li></ol>"
            + "<table><tr><td>Cost</td></tr></table><ol start=\"3\"><li>Review</li></ol><p>Next year</p><ol><li>Begin again</li></ol><p>Back to it</p>"
            + "<ol start=\"2\"><li>Carry on</li></ol><ol><li>Meet<ol type=\"a\"><li>agenda</li></ol></li><li>Follow up<ol start=\"2\" type=\"a\"><li>minutes</li></ol></li></ol></body></html>", html);
    }

    [Fact]
    public void A_list_style_a_single_level_list_items_in_table_cells_and_skipped_levels_are_numbered_as_word_numbers_them_in_valid_html()
    {
        // List 2 is made from a definition that only links to the list style "Our steps" (Define New List Style), whose
        // levels are in the definition of list 1, the style's own; list 3 has one level (its items' levels are ignored);
        // list 4's items skip a level; list 5's items count in table cells too.
        var numbering = $"<w:numbering xmlns:w=\"{W}\">"
            + $"<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/><w:styleLink w:val=\"OurSteps\"/>{WordDocuments.NumberingLevel(0, "decimal", 1)}{WordDocuments.NumberingLevel(1, "lowerLetter", 1)}</w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"multilevel\"/><w:numStyleLink w:val=\"OurSteps\"/></w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"2\"><w:multiLevelType w:val=\"singleLevel\"/>{WordDocuments.NumberingLevel(0, "upperRoman", 1)}{WordDocuments.NumberingLevel(1, "bullet", 1)}</w:abstractNum>"
            + $"<w:abstractNum w:abstractNumId=\"3\">{WordDocuments.NumberingLevel(0, "decimal", 1)}{WordDocuments.NumberingLevel(1, "lowerLetter", 1)}{WordDocuments.NumberingLevel(2, "lowerRoman", 1)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num><w:num w:numId=\"4\"><w:abstractNumId w:val=\"3\"/></w:num>"
            + "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num></w:numbering>";
        var styles = $"<w:styles xmlns:w=\"{W}\"><w:style w:type=\"numbering\" w:styleId=\"OurSteps\"><w:name w:val=\"Our steps\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";
        static string Cell(string content) => $"<w:tc>{content}</w:tc>";
        var body = WordDocuments.ListItem(2, 0, "Plan") + WordDocuments.ListItem(2, 1, "ask") + WordDocuments.ListItem(2, 0, "Do") + WordDocuments.Paragraph("Then")
            + WordDocuments.ListItem(3, 0, "One") + WordDocuments.ListItem(3, 1, "Two") + WordDocuments.ListItem(3, 2, "Three") + WordDocuments.Paragraph("And")
            + WordDocuments.ListItem(4, 0, "Top") + WordDocuments.ListItem(4, 2, "deep") + WordDocuments.ListItem(4, 1, "middle") + WordDocuments.Paragraph("So")
            + WordDocuments.ListItem(4, 1, "resumed") + WordDocuments.ListItem(4, 0, "Next")
            + "<w:tbl><w:tr>" + Cell(WordDocuments.Paragraph("Costs") + WordDocuments.ListItem(4, 0, "Rooms") + WordDocuments.ListItem(4, 1, "hired"))
            + Cell(WordDocuments.ListItem(4, 0, "Food") + WordDocuments.Paragraph("each day")) + "</w:tr></w:tbl>"
            + WordDocuments.ListItem(4, 0, "Travel");

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string>
        {
            [("numbering", "numbering")] = numbering, [("styles", "styles")] = styles,
        }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><ol><li>Plan<ol type=\"a\"><li>ask</li></ol></li><li>Do</li></ol><p>Then</p>"
            + "<ol type=\"I\"><li>One</li><li>Two</li><li>Three</li></ol><p>And</p>"
            + "<ol><li>Top<ol type=\"i\"><li>deep</li></ol><ol type=\"a\"><li>middle</li></ol></li></ol><p>So</p>"
            + "<ol start=\"2\" type=\"a\"><li>resumed</li></ol><ol start=\"2\"><li>Next</li></ol>"
            + "<table><tr><td>Costs<br><ol start=\"3\"><li>Rooms<ol type=\"a\"><li>hired</li></ol></li></ol></td><td><ol start=\"4\"><li>Food</li></ol><br>each day</td></tr></table>"
            + "<ol start=\"5\"><li>Travel</li></ol></body></html>", html);
        // A list is only ever inside an item, as HTML allows.
        Assert.DoesNotMatch("<(ol|ul)[^>]*><(ol|ul)", html);
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html!);
        Assert.All(parsed.QuerySelectorAll("ol, ul"), list => Assert.All(list.Children, child => Assert.Equal("li", child.LocalName)));
    }

    [Fact]
    public void A_heading_numbered_by_a_list_counts_in_it()
    {
        // Word's numbered headings with list items numbered under them: 1 Aims (a, b), 2 Methods (a), then item 3.
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\">{WordDocuments.NumberingLevel(0, "decimal", 1)}{WordDocuments.NumberingLevel(1, "lowerLetter", 1)}</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
        static string Heading(string text) => $"<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
        var body = Heading("Aims") + WordDocuments.ListItem(1, 1, "Listen") + WordDocuments.ListItem(1, 1, "Act") + Heading("Methods") + WordDocuments.ListItem(1, 1, "Survey")
            + WordDocuments.ListItem(1, 0, "Results");

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("numbering", "numbering")] = numbering }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><h2>Aims</h2><ol type=\"a\"><li>Listen</li><li>Act</li></ol><h2>Methods</h2>"
            + "<ol type=\"a\"><li>Survey</li></ol><ol start=\"3\"><li>Results</li></ol></body></html>", html);
    }

    [Fact]
    public void A_row_starting_or_ending_columns_in_has_empty_cells_there()
    {
        static string Cell(string text) => $"<w:tc>{WordDocuments.Paragraph(text)}</w:tc>";
        var body = "<w:tbl><w:tr>" + Cell("Quarter") + Cell("Referrals") + Cell("Seen") + "</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + Cell("216") + "</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>" + Cell("140") + "</w:tr></w:tbl>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><table><tr><td>Quarter</td><td>Referrals</td><td>Seen</td></tr><tr><td colspan=\"2\"></td><td>216</td></tr>"
            + "<tr><td></td><td>140</td><td></td></tr></table></body></html>", html);
    }

    [Fact]
    public void Hidden_text_and_emphasis_set_by_styles_read_as_word_shows_them()
    {
        static string Run(string properties, string text) => $"<w:r><w:rPr>{properties}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>";
        static string Style(string type, string id, string name, string inner) => $"<w:style w:type=\"{type}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{inner}</w:style>";
        var styles = $"<w:styles xmlns:w=\"{W}\">" + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + Style("character", "EditorNote", "Editor note", "<w:rPr><w:vanish/></w:rPr>") + Style("character", "Aside", "Aside", "<w:basedOn w:val=\"EditorNote\"/>")
            + Style("paragraph", "Guidance", "Guidance", "<w:basedOn w:val=\"Normal\"/><w:rPr><w:vanish/></w:rPr>") + Style("paragraph", "Instructions", "Instructions", "<w:basedOn w:val=\"Guidance\"/>")
            + Style("character", "Strong", "Strong", "<w:rPr><w:b/></w:rPr>") + Style("character", "Emphasis", "Emphasis", "<w:rPr><w:i/></w:rPr>")
            + Style("character", "IntenseEmphasis", "Intense Emphasis", "<w:basedOn w:val=\"Emphasis\"/><w:rPr><w:color w:val=\"0F4761\"/></w:rPr>")
            + Style("paragraph", "Quote", "Quote", "<w:basedOn w:val=\"Normal\"/><w:rPr><w:i/></w:rPr>") + Style("paragraph", "Heading1", "heading 1", "<w:rPr><w:b/></w:rPr>") + "</w:styles>";
        var body = "<w:p>" + Run("", "We saw 340 people.") + Run("<w:rStyle w:val=\"Aside\"/>", " [numbers not signed off]") + "</w:p>"
            + WordDocuments.Styled("Instructions", "TEMPLATE GUIDANCE: delete this.")
            + "<w:p><w:pPr><w:pStyle w:val=\"Instructions\"/></w:pPr>" + Run("<w:vanish w:val=\"0\"/>", "Shown on purpose.") + "</w:p>"
            + "<w:p>" + Run("", "The hub is ") + Run("<w:rStyle w:val=\"Strong\"/>", "closed on bank holidays") + Run("", " and ") + Run("<w:rStyle w:val=\"Emphasis\"/>", "never")
            + Run("", " advises; read ") + Run("<w:rStyle w:val=\"IntenseEmphasis\"/>", "Five Years Forward") + Run("<w:rStyle w:val=\"Strong\"/><w:b w:val=\"0\"/>", ".") + "</w:p>"
            + WordDocuments.Styled("Quote", "Being listened to mattered most.") + WordDocuments.Styled("Heading1", "Background");
        // Document defaults that hide everything, and a style that shows its paragraphs again.
        var hiddenByDefault = $"<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>"
            + Style("paragraph", "Shown", "Shown", "<w:rPr><w:vanish w:val=\"0\"/></w:rPr>") + "</w:styles>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("styles", "styles")] = styles }), new());
        var (defaults, _, _, _) = DocxToHtml.Convert(WordDocuments.Package(WordDocuments.Paragraph("Never shown.") + WordDocuments.Styled("Shown", "Shown."),
            parts: new Dictionary<(string, string), string> { [("styles", "styles")] = hiddenByDefault }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><p>We saw 340 people.</p><p></p><p>Shown on purpose.</p>"
            + "<p>The hub is <strong>closed on bank holidays</strong> and <em>never</em> advises; read <em>Five Years Forward</em>.</p>"
            + "<p><em>Being listened to mattered most.</em></p><h1>Background</h1></body></html>", html);
        Assert.Equal("<html><body><p></p><p>Shown.</p></body></html>", defaults);
    }

    [Fact]
    public void A_link_in_a_note_goes_where_the_notes_own_relationship_says_not_the_documents_of_the_same_id()
    {
        var body = "<w:p><w:r><w:t xml:space=\"preserve\">Read the </w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r><w:t>hub website</w:t></w:r></w:hyperlink>"
            + "<w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>";
        static string Note(string kind) => $"<w:{kind} w:id=\"1\"><w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r><w:t>the {kind}\u2019s source</w:t></w:r></w:hyperlink></w:p></w:{kind}>";
        var relationships = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
        var bytes = WordDocuments.Package(body, links: new Dictionary<string, string> { ["rId9"] = "https://hub.example.org/" },
            parts: new Dictionary<(string, string), string>
            {
                [("footnotes", "footnotes")] = $"<w:footnotes xmlns:w=\"{W}\" {relationships}>{Note("footnote")}</w:footnotes>",
                [("endnotes", "endnotes")] = $"<w:endnotes xmlns:w=\"{W}\" {relationships}>{Note("endnote")}</w:endnotes>",
            },
            partLinks: new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["footnotes"] = new Dictionary<string, string> { ["rId9"] = "https://survey.example.org/2024" },
                ["endnotes"] = new Dictionary<string, string> { ["rId9"] = "https://guidance.example.org/" },
            });

        var (html, _, problem, _) = DocxToHtml.Convert(bytes, new());

        Assert.Null(problem);
        Assert.Equal("<html><body><p>Read the <a href=\"https://hub.example.org/\">hub website</a>.[1][2]</p><h2>Notes</h2><ol>"
            + "<li>See <a href=\"https://survey.example.org/2024\">the footnote’s source</a></li><li>See <a href=\"https://guidance.example.org/\">the endnote’s source</a></li></ol></body></html>",
            System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void Content_controls_still_showing_their_prompt_are_left_out()
    {
        static string Control(string properties, string content) => $"<w:sdt><w:sdtPr><w:alias w:val=\"Field\"/>{properties}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>";
        static string Run(string text) => $"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>";
        var body = Control("<w:placeholder><w:docPart w:val=\"DefaultPlaceholder_-1854013440\"/></w:placeholder><w:showingPlcHdr/>", WordDocuments.Paragraph("Click or tap here to enter text."))
            + Control("", WordDocuments.Paragraph("An introduction written in the template."))
            + "<w:p>" + Run("Photo credit: ") + Control("<w:showingPlcHdr/>", Run("Click or tap here to enter text.")) + Run(". Taken by ")
            + Control("<w:showingPlcHdr w:val=\"0\"/>", Run("Sam")) + Run(".") + "</w:p>";

        var (html, _, problem, warnings) = DocxToHtml.Convert(WordDocuments.Package(body), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><p>An introduction written in the template.</p><p>Photo credit: . Taken by Sam.</p></body></html>", html);
        Assert.Equal(["The Word template's 'Photo credit' was left empty (its field still held the template's prompt, which is not published): ask the contributor what it should say, or take 'Photo credit:' out of the post."], warnings);
    }

    [Fact]
    public void Emoji_word_writes_for_newer_readers_are_read_from_the_text_it_writes_for_older_ones()
    {
        static string Emoji(string character, string fallback) => "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:w16se=\"http://schemas.microsoft.com/office/word/2015/wordml/symex\"><mc:Choice Requires=\"w16se\">"
            + $"<w16se:symEx w16se:font=\"Segoe UI Emoji\" w16se:char=\"{char.ConvertToUtf32(character, 0):X}\"/></mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>";
        // Inside a run, as Word writes an emoji, and between runs.
        var body = "<w:p><w:r><w:t xml:space=\"preserve\">Thank you </w:t></w:r><w:r>" + Emoji("😊", "<w:rPr><w:rFonts w:ascii=\"Segoe UI Emoji\"/></w:rPr><w:t>😊</w:t>")
            + "</w:r><w:r><w:t xml:space=\"preserve\"> and </w:t></w:r>" + Emoji("⭐", "<w:r><w:t>⭐</w:t></w:r>") + "</w:p>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><p>Thank you 😊 and ⭐</p></body></html>", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void Each_picture_of_a_group_is_published_with_its_own_description()
    {
        const string Drawing = "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\"";
        static string Picture(string id, string description) => $"<pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"Picture\" descr=\"{description}\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + $"<pic:blipFill><a:blip r:embed=\"{id}\"/></pic:blipFill><pic:spPr/></pic:pic>";
        static string Frame(string description, string uri, string graphic) => $"<w:p><w:r><w:drawing {Drawing}><wp:inline><wp:docPr id=\"10\" name=\"Frame\" descr=\"{description}\"/>"
            + $"<a:graphic><a:graphicData uri=\"{uri}\">{graphic}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
        // Two photos grouped to move together, and one on its own, described (as Word's Alt Text writes it) on its frame.
        var body = Frame("Opening day", "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
                "<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr/>" + Picture("rIdImg1", "Cutting the ribbon") + Picture("rIdImg2", "The volunteers&apos; garden") + "</wpg:wgp>")
            + Frame("The hub from the street", "http://schemas.openxmlformats.org/drawingml/2006/picture", Picture("rIdImg3", "Picture 3"));
        var pictures = new Dictionary<string, byte[]> { ["rIdImg1"] = [1], ["rIdImg2"] = [2], ["rIdImg3"] = [3] };

        var (html, images, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, pictures: pictures), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><p><img src=\"cid:docx-rIdImg1\" alt=\"Cutting the ribbon\"><img src=\"cid:docx-rIdImg2\" alt=\"The volunteers&#39; garden\"></p>"
            + "<p><img src=\"cid:docx-rIdImg3\" alt=\"The hub from the street\"></p></body></html>", html);
        Assert.Equal([2], images["rIdImg2"]);
    }

    [Fact]
    public void Words_table_of_contents_is_left_out()
    {
        static string Entry(string style, string text, string page) => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:hyperlink w:anchor=\"_Toc1\"><w:r><w:t>{text}</w:t></w:r>"
            + $"<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            + $"<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>";
        // As References › Table of Contents writes it, in a content control; as a TOC field alone, its lines in Word's
        // TOC styles (here under a German Word's ids, known by their names).
        var body = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
            + WordDocuments.Styled("TOCHeading", "Contents") + Entry("TOC1", "Background", "1") + "</w:sdtContent></w:sdt>"
            + WordDocuments.Styled("Inhaltsverzeichnisberschrift", "Inhalt") + Entry("Verzeichnis1", "Hintergrund", "1") + Entry("Verzeichnis2", "Was wir taten", "2")
            + WordDocuments.Styled("Heading1", "Background") + WordDocuments.Paragraph("We opened the hub.");
        var styles = $"<w:styles xmlns:w=\"{W}\"><w:style w:type=\"paragraph\" w:styleId=\"Inhaltsverzeichnisberschrift\"><w:name w:val=\"TOC Heading\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Verzeichnis1\"><w:name w:val=\"toc 1\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Verzeichnis2\"><w:name w:val=\"toc 2\"/></w:style></w:styles>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("styles", "styles")] = styles }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><h1>Background</h1><p>We opened the hub.</p></body></html>", html);
    }

    [Fact]
    public void Title_and_headings_are_known_by_their_styles_names_and_outline_levels_in_any_language()
    {
        static string Style(string id, string name, string inner = "") => $"<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Standard\"/>{inner}</w:style>";
        // A German Word's ids for its own styles, and a style of the writer's own at outline level 3.
        var styles = $"<w:styles xmlns:w=\"{W}\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style>"
            + Style("Titel", "Title") + Style("berschrift1", "heading 1", "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>") + Style("berschrift2", "heading 2")
            + Style("Zwischentitel", "Zwischentitel", "<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>") + Style("Textkrper", "Body Text", "<w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr>") + "</w:styles>";
        var body = WordDocuments.Styled("Titel", "Ein Jahr Peer-Support") + WordDocuments.Styled("berschrift1", "Hintergrund") + WordDocuments.Styled("berschrift2", "Die Schulung")
            + WordDocuments.Styled("Zwischentitel", "Erste Woche") + WordDocuments.Styled("Textkrper", "Wir haben zugehört.")
            + "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Was wir lernten</w:t></w:r></w:p>";

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string> { [("styles", "styles")] = styles }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><h1>Ein Jahr Peer-Support</h1><h2>Hintergrund</h2><h3>Die Schulung</h3><h4>Erste Woche</h4><p>Wir haben zugehört.</p><h3>Was wir lernten</h3></body></html>",
            System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void Headings_numbered_by_a_multilevel_list_stay_headings()
    {
        var numbering = $"<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
            + "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading1\"/><w:lvlText w:val=\"%1\"/></w:lvl>"
            + "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading2\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
        // Numbered by their styles, as Word's heading numbering sets up, and a heading numbered by hand.
        var styles = $"<w:styles xmlns:w=\"{W}\"><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Heading1\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style></w:styles>";
        static string Numbered(string style, int id, string text) => $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";
        var body = WordDocuments.Styled("Heading1", "Background") + WordDocuments.Styled("Heading2", "The first year") + Numbered("Normal", 2, "A step")
            + Numbered("Heading1", 2, "What we learned");

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body, parts: new Dictionary<(string, string), string>
        {
            [("numbering", "numbering")] = numbering, [("styles", "styles")] = styles,
        }), new());

        Assert.Null(problem);
        Assert.Equal("<html><body><h1>Background</h1><h2>The first year</h2><ol><li>A step</li></ol><h1>What we learned</h1></body></html>", html);
    }

    [Fact]
    public void Content_nested_thousands_deep_is_refused_at_once_not_read_for_minutes()
    {
        const int depth = 20_000;
        var body = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + WordDocuments.Paragraph("Deep") + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));

        var (html, _, problem, _) = DocxToHtml.Convert(WordDocuments.Package(body), new());

        Assert.Null(html);
        Assert.Equal($"nested too deeply to read (more than {DocxToHtml.MaxXmlDepth} elements one inside another, which no real document has)", problem);
    }

    /// <summary>A package Word would open, its document (written last) one paragraph of text and then spaces.</summary>
    private static byte[] Package(int spaceMegabytes) => WordDocuments.Package(WordDocuments.Paragraph("Text"), padding: spaceMegabytes * 1024L * 1024);

    [Fact]
    public void Broken_documents_give_a_reason_not_an_exception()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) writer.Write("<not xml");
        var (html, _, problem, _) = DocxToHtml.Convert(buffer.ToArray(), new());
        Assert.Null(html);
        Assert.NotNull(problem);
        Assert.False(DocxToHtml.IsDocx("PK\u0003\u0004 junk"u8.ToArray()));
    }
}
