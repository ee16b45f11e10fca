using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MimeKit;
using PPNBlog.Generator.Markdown;
using static PPNBlog.Submissions.Tests.Emails;

namespace PPNBlog.Submissions.Tests.Conversion;

/// <summary>
/// Text from an email that tries to end the Markdown construct it was put in (a code span, a fence, a link target), so
/// that what follows is read as Markdown or HTML. Each converted body is parsed with the generator's own pipeline.
/// </summary>
public class MarkupInjectionTests
{
    private const string Attack = "\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) ![p](https://tracker.example/p.gif)\n\n";

    public static TheoryData<string, string[]> Bodies() => new()
    {
        // A line break, blank or not, ended the code span.
        { $"<p>Run <code>{Html(Attack)}</code> today.</p>", [] },
        { $"<p><kbd>a{Html(Attack)}b</kbd></p>", [] },
        // A fence as long as one inside the code closed it.
        { $"<pre>````{Html(Attack)}````\n```{Html(Attack)}</pre>", [] },
        // A target with white space or a line break ended the link and the paragraph.
        { $"<p><a href=\"https://example.org/{Html(Attack)}\">our page</a></p>", ["https://example.org/%0A%0A%3Cscript%3Ealert(1)%3C/script%3E%0A%0A%3Cimg%20src=x%20onerror=alert(2)%3E%0A%0A[click](javascript:alert(3))%20![p](https://tracker.example/p.gif)"] },
        // An entity in the target was read as its character; "{{" as another generator's template tag, which fails the build.
        { "<p><a href=\"https://example.org/?a=1&amp;copy;=2&amp;t={{ site.x }}\">our page</a></p>", ["https://example.org/?a=1&copy;=2&t=%7B%7B%20site.x%20%7D%7D"] },
        // A backslash escaped the target's closing bracket.
        { "<p><a href=\"https://example.org/a\\&gt;b) [c](javascript:alert(1)) &lt;b&gt;x\">our page</a></p>", ["https://example.org/a%5C%3Eb)%20[c](javascript:alert(1))%20%3Cb%3Ex"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Email_html_cannot_escape_the_markdown_it_was_put_in(string html, string[] links)
    {
        var post = ConvertFile(Message("Injection", "", $"<p>{Prose}</p>{html}")).Post!;
        AssertOnlyTheEmailsOwnMarkup(post.Body, links);
    }

    [Fact]
    public void A_word_hyperlink_cannot_escape_its_target()
    {
        var document = WordDocuments.Package(WordDocuments.Paragraph(Prose)
            + """<w:p><w:hyperlink r:id="rId9"><w:r><w:t>our page</w:t></w:r></w:hyperlink></w:p>""",
            new Dictionary<string, string> { ["rId9"] = "https://example.org/\n\n[x](javascript:alert(1))\n\n<script>alert(2)</script>" });
        var body = new BodyBuilder { TextBody = "My post is attached." };
        body.Attachments.Add("Post.docx", document);
        var message = Message("Injection", "");
        message.Body = body.ToMessageBody();

        var post = ConvertFile(message).Post!;

        AssertOnlyTheEmailsOwnMarkup(post.Body, ["https://example.org/%0A%0A[x](javascript:alert(1))%0A%0A%3Cscript%3Ealert(2)%3C/script%3E"]);
    }

    [Fact]
    public void Code_keeps_its_backticks_and_its_words()
    {
        var post = ConvertFile(Message("Code", "", $"<p>{Prose}</p><p>Type <code>`a`</code> or <code>b ``` c\n d</code>.</p><pre>x\n````\ny</pre>")).Post!;
        var document = Markdig.Markdown.Parse(post.Body, MarkdownRenderer.Pipeline);
        Assert.Equal(["`a`", "b ``` c d"], document.Descendants<CodeInline>().Select(c => c.Content));
        Assert.Equal("x\n````\ny", Assert.Single(document.Descendants<FencedCodeBlock>()).Lines.ToString());
    }

    /// <summary>
    /// The body, as the generator parses it, holds no raw HTML and no link or image but <paramref name="links"/>: the
    /// email's text stayed text.
    /// </summary>
    private static void AssertOnlyTheEmailsOwnMarkup(string body, string[] links)
    {
        var document = Markdig.Markdown.Parse(body, MarkdownRenderer.Pipeline);
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Equal(links, document.Descendants<LinkInline>().Select(l => l.Url).ToArray());
        Assert.Empty(document.Descendants<AutolinkInline>());
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
