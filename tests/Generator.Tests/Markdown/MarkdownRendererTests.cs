using PPNBlog.Generator.Markdown;

namespace PPNBlog.Generator.Tests.Markdown;

/// <summary>The build renders each body into its thread's reused buffer: it must give what a fresh render gives.</summary>
public sealed class MarkdownRendererTests
{
    [Fact]
    public void Rendering_into_the_threads_buffer_gives_the_same_html_and_links_body_after_body()
    {
        // A long body (its HTML outgrows the buffer's first size), then a short one: nothing of the first is left over.
        var sections = Enumerable.Range(1, 400).Select(i => $"## Part {i}\n\nText with [a link](https://example.org/{i}) and *emphasis* & \"quotes\".\n");
        string[] bodies = [string.Join('\n', sections), "Short *body*.", "", "| a | b |\n|---|---|\n| 1 | 2 |"];
        foreach (var body in bodies)
        {
            var fresh = MarkdownRenderer.Render(body);
            var reused = MarkdownRenderer.RenderForThread(body);
            Assert.Equal(fresh.Html.ToString(), reused.Html.ToString());
            Assert.Equal(fresh.Links, reused.Links);
            Assert.Equal(fresh.RawHtmlLine, reused.RawHtmlLine);
        }
        Assert.True(MarkdownRenderer.Render(bodies[0]).Html.Length > 16 * 1024, "the long body's HTML is longer than the buffer's first size");
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"")]
    [InlineData("https://vimeo.com/123456", "<iframe src=\"https://player.vimeo.com/video/123456\"")]
    // The addresses people share from phones and players.
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?start=42\"")]
    [InlineData("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"")]
    [InlineData("https://youtube.com/shorts/6BUptHVuvyI?feature=share", "<iframe src=\"https://www.youtube.com/embed/6BUptHVuvyI\"")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"")]
    [InlineData("https://player.vimeo.com/video/76979871", "<iframe src=\"https://player.vimeo.com/video/76979871\"")]
    [InlineData("https://www.vimeo.com/76979871", "<iframe src=\"https://player.vimeo.com/video/76979871\"")]
    // Not a video: a channel, a search.
    [InlineData("https://www.youtube.com/@nhsengland", "<img src=\"https://www.youtube.com/@nhsengland\"")]
    [InlineData("https://www.youtube.com/watch?v=<x>", "<img src=\"https://www.youtube.com/watch?v=%3Cx%3E\"")]
    // Markdig embeds these too by default: third-party players the site does not allow stay pictures' links.
    [InlineData("https://ok.ru/video/123456", "<img src=\"https://ok.ru/video/123456\"")]
    [InlineData("https://music.yandex.ru/album/1/track/2", "<img src=\"https://music.yandex.ru/album/1/track/2\"")]
    public void Only_youtube_and_vimeo_links_become_embedded_players(string url, string start)
    {
        var html = MarkdownRenderer.Render($"![The recording]({url})").Html.ToString();
        Assert.StartsWith("<p>" + start, html);
        Assert.Equal(start.StartsWith("<iframe", StringComparison.Ordinal) ? 1 : 0, html.Split("<iframe").Length - 1);
    }

    [Fact]
    public void A_recording_linked_elsewhere_is_its_alt_text_in_the_link_as_a_player_may_not_be_inside_a_link()
    {
        var html = MarkdownRenderer.Render("[![The talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ)](https://example.org/talk)").Html.ToString();

        Assert.Equal("<p><a href=\"https://example.org/talk\">The talk</a></p>\n", html);
    }

    [Theory]
    [InlineData("# Part one\n\n## Detail\n\n### Deeper\n\n# Part two", "<h2 id=\"part-one\">|<h3 id=\"detail\">|<h4 id=\"deeper\">|<h2 id=\"part-two\">")]
    [InlineData("Setext title\n===\n\nText\n\nSection\n---", "<h2 id=\"setext-title\">|<h3 id=\"section\">")]
    // No level skipped: each heading at most one below the one before it, the first under the page's title.
    [InlineData("### What we found\n\nText", "<h2 id=\"what-we-found\">")]
    [InlineData("## Part one\n\n#### Detail\n\n###### Deepest\n\n## Part two\n\n### Its detail", "<h2 id=\"part-one\">|<h3 id=\"detail\">|<h4 id=\"deepest\">|<h2 id=\"part-two\">|<h3 id=\"its-detail\">")]
    [InlineData("# Part one\n\n###### Deepest\n\n> #### Quoted", "<h2 id=\"part-one\">|<h3 id=\"deepest\">|<h4 id=\"quoted\">")]
    public void Body_headings_follow_the_pages_title_one_level_at_a_time(string markdown, string headings)
    {
        var html = MarkdownRenderer.Render(markdown).Html.ToString();
        Assert.Equal(headings.Split('|'), System.Text.RegularExpressions.Regex.Matches(html, "<h[1-6][^>]*>").Select(m => m.Value));
    }

    [Theory]
    // Hard-wrapped prose whose next line starts with an initial or "v.": the sentence goes on.
    [InlineData("Our thanks go to the keynote speaker, Professor\nA. N. Other, for an inspiring talk.", "<p>Our thanks go to the keynote speaker, Professor\nA. N. Other, for an inspiring talk.</p>\n")]
    [InlineData("The 1989 case of Gillick\nv. West Norfolk shaped consent.", "<p>The 1989 case of Gillick\nv. West Norfolk shaped consent.</p>\n")]
    [InlineData("The programme was led by Dr\nI. Patel and colleagues.", "<p>The programme was led by Dr\nI. Patel and colleagues.</p>\n")]
    // A list of letters or numerals after a blank line, its items going on one after another.
    [InlineData("Options:\n\na. Do nothing\nb. Hire staff", "<p>Options:</p>\n<ol type=\"a\">\n<li>Do nothing</li>\n<li>Hire staff</li>\n</ol>\n")]
    [InlineData("I. Background\nII. Methods", "<ol type=\"I\">\n<li>Background</li>\n<li>Methods</li>\n</ol>\n")]
    // A superscript as Pandoc and Quarto write it, with no space in it.
    [InlineData("The GP practice area^1^ and 10^6^ views; ^[1](#fn1)^.", "<p>The GP practice area<sup>1</sup> and 10<sup>6</sup> views; <sup><a href=\"#fn1\">1</a></sup>.</p>\n")]
    // Ordinary prose is not markup: only ~~two tildes~~ strike out.
    [InlineData("Groups of 5~10 people; 2^3 to 4^5 points; a==b; C++ and C++; ~~£40~~ now free.", "<p>Groups of 5~10 people; 2^3 to 4^5 points; a==b; C++ and C++; <del>£40</del> now free.</p>\n")]
    // A pipe escaped in a table cell's code is a pipe, as GitHub shows it; elsewhere code is as written.
    [InlineData("| Left | Code |\n|:--|:-:|\n| a | `x \\| y` |\n\n`a \\| b`", "<table>\n<thead>\n<tr>\n<th style=\"text-align: left;\">Left</th>\n<th style=\"text-align: center;\">Code</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left;\">a</td>\n<td style=\"text-align: center;\"><code>x | y</code></td>\n</tr>\n</tbody>\n</table>\n<p><code>a \\| b</code></p>\n")]
    // Words in brackets just before a footnote's reference stay, before its number.
    [InlineData("As earlier work showed [Smith et al., 2020][^1], outcomes improved.\n\n[^1]: A study.",
        "<p>As earlier work showed [Smith et al., 2020]<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a>, outcomes improved.</p>\n")]
    public void Prose_is_read_as_written_and_letter_lists_as_lists(string markdown, string html) =>
        Assert.StartsWith(html, MarkdownRenderer.Render(markdown).Html.ToString(), StringComparison.Ordinal);

    [Fact]
    public void A_link_whose_address_holds_a_space_is_told_where_it_is_shown_as_written()
    {
        var rendered = MarkdownRenderer.Render("Intro.\n\nPlease [call us](tel:+44 20 7946 0000) or read [the report](my report.pdf), [this](<my report.pdf>) and [ok](https://example.org/ \"A title\").");

        Assert.Equal(["2:7 PPN039 '[call us](tel:+44 20 7946 0000)' is shown as written, not as a link: its address holds a space",
                      "2:47 PPN039 '[the report](my report.pdf)' is shown as written, not as a link: its address holds a space"],
            rendered.Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id} {p.Message}"));
    }

    [Fact]
    public void A_player_closed_after_a_blank_line_hides_nothing_but_one_closed_after_words_is_told()
    {
        // YouTube's code pasted with an empty line in it: Markdown ends the block there, but the page holds only white space before "</iframe>".
        const string player = "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"Talk\">\n  \n</iframe>\n\nText after it.";
        var closed = MarkdownRenderer.Render(player);
        Assert.Empty(closed.Problems);
        Assert.Contains("Talk\">\n</iframe>\n<p>Text after it.</p>", closed.Html.ToString(), StringComparison.Ordinal);

        // Words between the blocks, or in the next one before its end tag, would be inside the player: still refused.
        foreach (var hiding in new[] { "<iframe src=\"x\">\n\nA paragraph.\n\n</iframe>", "<IFRAME src=\"x\">\n\n<p>Hello</p>\n</iframe>", "<iframe src=\"x\">\n\n</iframes>" })
            Assert.Equal(["0:0 PPN037"], MarkdownRenderer.Render(hiding).Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id}"));
    }

    [Fact]
    public void A_heading_with_a_no_break_space_pasted_from_word_is_named_as_its_words_read()
    {
        var html = MarkdownRenderer.Render("## Our\u00A0findings\n\n## Next\u2009steps\tahead\n\n## Our findings, again\n\nSee [our findings](#our-findings).").Html.ToString();
        Assert.Equal(["our-findings", "next-steps-ahead", "our-findings-again"],
            System.Text.RegularExpressions.Regex.Matches(html, "<h2 id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
    }
}
