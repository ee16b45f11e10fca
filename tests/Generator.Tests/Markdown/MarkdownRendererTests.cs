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
            var reused = MarkdownRenderer.Parse(body);
            Assert.Equal(fresh.Html.ToString(), MarkdownRenderer.HtmlForThread(reused.Document!).ToString());
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

    [Theory]
    // Headings with the same words are numbered in the order they are written, whichever space they hold.
    [InlineData("## Our\u00A0findings\n\n## Our findings\n\n## Our\u00A0findings", "our-findings our-findings-1 our-findings-2")]
    [InlineData("## Our findings\n\n## Our\u00A0findings\n\n## Our findings", "our-findings our-findings-1 our-findings-2")]
    [InlineData("## Step\n\n## Next\u00A0step\n\n## Step\n\n## Step 1", "step next-step step-1 step-1-1")]
    [InlineData("## The <title> element\n\n## The title element", "the-title-element the-title-element-1")]
    [InlineData("## Method {#method}\n\n## Method\n\n## Our\u00A0method\n\n## Our method", "method method-1 our-method our-method-1")]
    public void Headings_named_again_are_numbered_in_the_order_written(string markdown, string ids) =>
        Assert.Equal(ids, string.Join(' ', System.Text.RegularExpressions.Regex.Matches(MarkdownRenderer.Render(markdown).Html.ToString(), "<h2 id=\"([^\"]+)\"").Select(m => m.Groups[1].Value)));

    [Theory]
    // Quarto's callout: its blocks are shown in a plain div, its fence lines and attributes nowhere.
    [InlineData(":::{.callout-tip collapse=false appearance='default' icon=true}\n## Tip\nUse version control.\n:::\n\nThe post starts here.",
        "<div class=\"ppn-fenced-div\">\n<h2 id=\"tip\">Tip</h2>\n<p>Use version control.</p>\n</div>\n<p>The post starts here.</p>\n")]
    // Its title, when its attributes give one, is shown as bold words before its text.
    [InlineData("::: {.callout-note title=\"Read <this> first\"}\nText.\n:::", "<div class=\"ppn-fenced-div\">\n<p><strong>Read &lt;this&gt; first</strong></p>\n<p>Text.</p>\n</div>\n")]
    // Columns nested in a div of more colons, and a div named by one word.
    [InlineData(":::: {.columns}\n::: {.column width=\"50%\"}\nLeft\n:::\n::: column\nRight\n:::\n::::",
        "<div class=\"ppn-fenced-div\">\n<div class=\"ppn-fenced-div\">\n<p>Left</p>\n</div>\n<div class=\"ppn-fenced-div\">\n<p>Right</p>\n</div>\n</div>\n")]
    // No attribute of a fence reaches the page.
    [InlineData("::: {#box .nhsuk-u-visually-hidden onclick=\"alert(1)\" style=\"display:none\"}\nShown.\n:::", "<div class=\"ppn-fenced-div\">\n<p>Shown.</p>\n</div>\n")]
    // Colons alone, or before a sentence, open no div (Pandoc's opens with attributes or one word); in code they are code.
    [InlineData(":::\n\nText.", "<p>:::</p>\n<p>Text.</p>\n")]
    [InlineData("::: this is a sentence\n\nText.", "<p>::: this is a sentence</p>\n<p>Text.</p>\n")]
    [InlineData("```\n::: {#refs} :::\n```", "<pre><code>::: {#refs} :::\n</code></pre>\n")]
    public void A_fenced_div_is_shown_as_its_blocks_without_its_markup(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.Render(markdown).Html.ToString());

    [Fact]
    public void A_fenced_div_is_told_once_a_file_where_first_written()
    {
        var rendered = MarkdownRenderer.Render("Intro.\n\n:::{.callout-tip collapse=false}\nTip.\n:::\n\n::: aside\nAside.\n:::");

        Assert.Equal(["2:0 PPN042 Quarto's callout ':::{.callout-tip collapse=false}' is not shown as a callout: its text is shown as ordinary paragraphs (and 1 more in this file) "
                      + "(hint: Delete its ':::' lines (the text between them stays); to make a note stand out, start it with a heading or bold words.)"],
            rendered.Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id} {p.Message} (hint: {p.Hint})"));
        Assert.Equal(["0:0 PPN042 the fenced div '::: aside' (Pandoc's and Quarto's markup for a styled block) is left out: its text is shown as ordinary paragraphs"],
            MarkdownRenderer.Render("::: aside\nAside.\n:::").Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id} {p.Message}"));
    }

    [Theory]
    // A written id is the heading's: links name the section so. Nothing else written there reaches the page.
    [InlineData("## Method {#sec-method}", "<h2 id=\"sec-method\">Method</h2>\n", "")]
    [InlineData("## References {.unnumbered}", "<h2 id=\"references\">References</h2>\n",
        "0:14 PPN042 the heading's '{.unnumbered}' is Pandoc's markup, which the site does not use: it is left out")]
    [InlineData("## Results {#results .appendix onclick=\"alert(1)\" style=\"color:red\"}", "<h2 id=\"results\">Results</h2>\n",
        "0:11 PPN042 the heading's '{#results .appendix onclick=\"alert(1)\" style=\"color:red\"}' is Pandoc's markup: its '#results' names the section, and the rest, which the site does not use, is left out")]
    // An id a link could not name as written (a footnote's ':', a quote) is left out: the heading keeps the one its words make.
    [InlineData("## Figure {#fig:one}", "<h2 id=\"figure\">Figure</h2>\n", "0:10 PPN042 the heading's '{#fig:one}' is Pandoc's markup, which the site does not use: it is left out")]
    // Braces that are no attribute list are words, as in a sentence: numbers, a package's name (a bare word is no attribute in Pandoc).
    [InlineData("## Sets {1, 2}", "<h2 id=\"sets-1-2\">Sets {1, 2}</h2>\n", "")]
    [InlineData("## Using {dplyr}", "<h2 id=\"using-dplyr\">Using {dplyr}</h2>\n", "")]
    [InlineData("## Braces {#x}in the middle", "<h2 id=\"braces-xin-the-middle\">Braces {#x}in the middle</h2>\n", "")]
    // kramdown's attribute list on a line of its own, after a paragraph's words or before them, or alone: the line is left out.
    [InlineData("A paragraph with a style.\n{: .lead}\n\nNext.", "<p>A paragraph with a style.</p>\n<p>Next.</p>\n", "1:0 PPN042 '{: .lead}' is kramdown's markup, which the site does not use: the line is left out")]
    [InlineData("{:.note}\nThe words.", "<p>The words.</p>\n", "0:0 PPN042 '{:.note}' is kramdown's markup, which the site does not use: the line is left out")]
    [InlineData("- One\n- Two\n{:toc}\n\nText.\n\n{: style=\"color: red\"}", "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>Text.</p>\n", "2:0 PPN042 '{:toc}' is kramdown's markup, which the site does not use: the line is left out (and 1 more in this file)")]
    // Not a line of its own, or kramdown's extensions ({::comment}): shown as written.
    [InlineData("Braces {: in a sentence} stay.\n\n{::comment}\nA note.\n{:/comment}", "<p>Braces {: in a sentence} stay.</p>\n<p>{::comment}\nA note.\n{:/comment}</p>\n", "")]
    public void Pandoc_and_kramdown_attributes_are_left_out_and_told_a_written_heading_id_kept(string markdown, string html, string problem)
    {
        var rendered = MarkdownRenderer.Render(markdown);

        Assert.Equal(html, rendered.Html.ToString());
        Assert.Equal(problem, string.Join('\n', rendered.Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id} {p.Message}")));
    }

    [Theory]
    // After a picture: its id names it (no warning when that is all), the rest is left out.
    [InlineData("![Figure 1](chart.png){#fig-chart width=80%} and more.", "<p><img src=\"chart.png\" id=\"fig-chart\" alt=\"Figure 1\" /> and more.</p>\n",
        "0:22 PPN042 '{#fig-chart width=80%}' after the picture is Pandoc's markup: its '#fig-chart' names the picture, and the rest, which the site does not use, is left out")]
    [InlineData("![Rates](chart.png){#fig-rates}", "<p><img src=\"chart.png\" id=\"fig-rates\" alt=\"Rates\" /></p>\n", "")]
    [InlineData("![Rates by region](chart.png){fig-alt=\"A bar chart: {rates} by region\" .lightbox}",
        "<p><img src=\"chart.png\" alt=\"Rates by region\" /></p>\n",
        "0:29 PPN042 '{fig-alt=\"A bar chart: {rates} by region\" .lightbox}' after the picture is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out")]
    // A picture written without words takes Quarto's fig-alt (or an alt) as its alt text; one with words keeps them.
    [InlineData("![](chart.png){fig-alt=\"A bar chart of rates\" width=80%}", "<p><img src=\"chart.png\" alt=\"A bar chart of rates\" /></p>\n",
        "0:14 PPN042 '{fig-alt=\"A bar chart of rates\" width=80%}' after the picture is Pandoc's markup: its alt text is the picture's words for screen readers, and the rest, which the site does not use, is left out")]
    [InlineData("![](chart.png){#fig-a alt='Rates' fig-alt=\"Rates by region\"}", "<p><img src=\"chart.png\" id=\"fig-a\" alt=\"Rates by region\" /></p>\n",
        "0:14 PPN042 '{#fig-a alt='Rates' fig-alt=\"Rates by region\"}' after the picture is Pandoc's markup: its '#fig-a' names the picture and its alt text is the picture's words for screen readers, and the rest, which the site does not use, is left out")]
    [InlineData("![](smile.svg){alt=\"🙂\"}", "<p><img src=\"smile.svg\" alt=\"🙂\" /></p>\n", "")]
    // After a link, code, emphasis; a bracketed span loses its brackets too.
    [InlineData("See [the report](https://x.org){target=\"_blank\" rel='noopener'} now.", "<p>See <a href=\"https://x.org\">the report</a> now.</p>\n",
        "0:31 PPN042 '{target=\"_blank\" rel='noopener'}' after the link is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out")]
    [InlineData("Run `lm()`{.r}, read [these words]{.mark} and **this**{#x}.", "<p>Run <code>lm()</code>, read these words and <strong>this</strong>.</p>\n",
        "0:10 PPN042 '{.r}' after the code is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out (and 2 more in this file)")]
    [InlineData("A [marked]{.mark} word.", "<p>A marked word.</p>\n",
        "0:10 PPN042 '{.mark}' after the words in brackets (Pandoc's span) is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out, with the brackets")]
    // At the end of a paragraph, after its words or on a line of its own (in a quote too), and a paragraph that is only one.
    [InlineData("Some words.{.font-alt-xs}", "<p>Some words.</p>\n",
        "0:11 PPN042 '{.font-alt-xs}' at the end of the paragraph is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out")]
    [InlineData("> Some words\n> more words {#quote .lead}\n\n{style=\"color: red\"}\n\nNext.", "<blockquote>\n<p>Some words\nmore words</p>\n</blockquote>\n<p>Next.</p>\n",
        "1:13 PPN042 '{#quote .lead}' at the end of the paragraph is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out (and 1 more in this file)")]
    [InlineData("Some words.\n{.lead}", "<p>Some words.</p>\n",
        "1:0 PPN042 '{.lead}' at the end of the paragraph is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out")]
    [InlineData("$$ E = mc^2 $$ {#eq-energy}", "<p>$$ E = mc^2 $$</p>\n",
        "0:15 PPN042 '{#eq-energy}' at the end of the paragraph is markup of Pandoc, Quarto or markdown-it, which the site does not use: it is left out")]
    // Braces in prose, math and code are words: no attribute list, not after an inline, a key=value that may end a sentence, LaTeX.
    [InlineData("The sample {n = 12}, {dplyr}, {1, 2}, a {.x} mid-sentence and $\\frac{a}{b}$ then $x_{i=1}$ and {n=12}",
        "<p>The sample {n = 12}, {dplyr}, {1, 2}, a {.x} mid-sentence and $\\frac{a}{b}$ then $x_{i=1}$ and {n=12}</p>\n", "")]
    [InlineData("Math $a {#b}$ and \\textbf{#c}", "<p>Math $a {#b}$ and \\textbf{#c}</p>\n", "")]
    [InlineData("A [link](x.md) {.spaced} word and `code {.x}`{=html}", "<p>A <a href=\"x.md\">link</a> {.spaced} word and <code>code {.x}</code>{=html}</p>\n", "")]
    [InlineData("```\n![x](y.png){#a}\n```", "<pre><code>![x](y.png){#a}\n</code></pre>\n", "")]
    // A ']' before the list closes no bracket of its own: not a span.
    [InlineData("See [1] and x]{.y} here", "<p>See [1] and x]{.y} here</p>\n", "")]
    public void Pandoc_attributes_after_an_inline_or_a_paragraph_are_left_out_and_told_a_picture_id_kept(string markdown, string html, string problem)
    {
        var rendered = MarkdownRenderer.Render(markdown);

        Assert.Equal(html, rendered.Html.ToString());
        Assert.Equal(problem, string.Join('\n', rendered.Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id} {p.Message}")));
    }

    [Theory]
    [InlineData("```{r}\nsummary(cars)\n```", "r")]
    [InlineData("```{r pressure, echo=FALSE}\nplot(pressure)\n```", "r")]
    [InlineData("```{python, fig.cap=\"Rates {by} month\"}\nx = 1\n```", "python")]
    [InlineData("``` {R}\nx <- 1\n```", "r")]
    [InlineData("```{.python .numberLines}\nx = 1\n```", "python")]
    [InlineData("```{#lst-setup .r}\nx <- 1\n```", "r")]
    [InlineData("```{#lst-setup}\nx <- 1\n```", null)]
    [InlineData("```{r}\nnever closed", "r")]
    [InlineData("```r\nx <- 1\n```", "r")]
    public void A_code_chunk_of_r_markdown_or_quarto_is_marked_with_its_language_not_its_opening(string markdown, string? language)
    {
        var rendered = MarkdownRenderer.Render(markdown);

        var code = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html.ToString()).QuerySelector("pre > code");
        Assert.NotNull(code);
        Assert.Equal(language is null ? null : "language-" + language, code.GetAttribute("class"));
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public void A_picture_given_its_alt_text_by_fig_alt_is_checked_with_it()
    {
        var rendered = MarkdownRenderer.Render("Words.\n\n![](chart.png){fig-alt=\"Waiting times by month\"}\n\n![](other.png){width=50%}");

        Assert.Equal([("chart.png", "Waiting times by month"), ("other.png", "")], rendered.Links.Select(l => (l.Url, l.AltText)));
    }

    [Theory]
    // To a heading or picture named so: a link showing its words (a picture's alt text), wherever it is on the page.
    [InlineData("See @sec-method for details.\n\n## Method {#sec-method}", "<p>See <a href=\"#sec-method\">Method</a> for details.</p>\n<h2 id=\"sec-method\">Method</h2>\n", "")]
    [InlineData("![Rates by region](chart.png){#fig-rates}\n\n@Fig-rates shows it; so does (@fig-rates).",
        "<p><img src=\"chart.png\" id=\"fig-rates\" alt=\"Rates by region\" /></p>\n<p><a href=\"#fig-rates\">Rates by region</a> shows it; so does (<a href=\"#fig-rates\">Rates by region</a>).</p>\n", "")]
    [InlineData("## Our method {#sec-our_method}\n\n## Again {#sec-our_method}\n\nSee *@sec-our_method*.",
        "<h2 id=\"sec-our_method\">Our method</h2>\n<h2 id=\"sec-our_method-1\">Again</h2>\n<p>See <em><a href=\"#sec-our_method\">Our method</a></em>.</p>\n", "")]
    // Pandoc's citation brackets and its '-' before the '@' (Quarto's number without "Figure") are markup: they go. A group
    // holding more than words and references, or a reference to nothing, keeps its brackets.
    [InlineData("## Method {#sec-method}\n\nAs [@sec-method] and [-@sec-method] say, [see @sec-method; @sec-method]. [See *the* @sec-method]; [a link](x) [@sec-none].",
        "<h2 id=\"sec-method\">Method</h2>\n<p>As <a href=\"#sec-method\">Method</a> and <a href=\"#sec-method\">Method</a> say, see <a href=\"#sec-method\">Method</a>; "
        + "<a href=\"#sec-method\">Method</a>. [See <em>the</em> <a href=\"#sec-method\">Method</a>]; <a href=\"x\">a link</a> [@sec-none].</p>\n",
        "2:111 PPN043 '@sec-none' is Quarto's cross-reference, but nothing on this page is named 'sec-none': it is shown as written")]
    // In a link, its words alone.
    [InlineData("## Method {#sec-method}\n\n[See @sec-method](https://x.org)", "<h2 id=\"sec-method\">Method</h2>\n<p><a href=\"https://x.org\">See Method</a></p>\n", "")]
    // To nothing the page names so (a heading's id made from its words is none, a table's or an equation's label is left out): shown as written and told, once for each.
    [InlineData("## Results\n\n> Text\n> and @tbl-results, @sec-results and @tbl-results again, @eq-x and @tbl-results.",
        "<h2 id=\"results\">Results</h2>\n<blockquote>\n<p>Text\nand @tbl-results, @sec-results and @tbl-results again, @eq-x and @tbl-results.</p>\n</blockquote>\n",
        "3:6 PPN043 '@tbl-results' is Quarto's cross-reference, but nothing on this page is named 'tbl-results': it is shown as written (and 2 more times in this file)\n"
        + "3:20 PPN043 '@sec-results' is Quarto's cross-reference, but nothing on this page is named 'sec-results': it is shown as written\n"
        + "3:57 PPN043 '@eq-x' is Quarto's cross-reference, but nothing on this page is named 'eq-x': it is shown as written")]
    // An email address, a web address, an @mention, an unknown kind and code are no cross-references.
    [InlineData("## Method {#sec-method}\n\nMail jo@sec-method.org or sec@sec-method, follow @nhsengland, read medium.com/@sec-method, @sec-method.org, @team-method and `@sec-method`.",
        "<h2 id=\"sec-method\">Method</h2>\n<p>Mail jo@sec-method.org or sec@sec-method, follow @nhsengland, read medium.com/@sec-method, @sec-method.org, @team-method and <code>@sec-method</code>.</p>\n", "")]
    public void Quarto_cross_references_lead_to_what_the_page_names_so_and_the_rest_are_told(string markdown, string html, string problems)
    {
        var rendered = MarkdownRenderer.Render(markdown);

        Assert.Equal(html, rendered.Html.ToString());
        Assert.Equal(problems, string.Join('\n', rendered.Problems.Select(p => $"{p.Line}:{p.Column} {p.Code.Id} {p.Message}")));
    }

    [Fact]
    public void A_paragraph_of_thousands_of_cross_references_becomes_as_many_links()
    {
        // Each reference is read in place, not by copying the rest of the paragraph: 30,000 took 2.5 s that way.
        var rendered = MarkdownRenderer.Render("## A {#sec-a}\n\n" + string.Concat(Enumerable.Repeat("@sec-a [see @sec-a; -@sec-a] ", 10_000)));

        var html = rendered.Html.ToString();
        Assert.Equal(30_000, html.Split("<a href=\"#sec-a\">A</a>").Length - 1);
        Assert.DoesNotContain("[", html, StringComparison.Ordinal);
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public void Thousands_of_pictures_named_alike_are_numbered_in_order()
    {
        // Each takes the next number, not the first free one found by trying from 1 again: 30,000 took 40 s that way.
        var html = MarkdownRenderer.Render(string.Concat(Enumerable.Repeat("![Chart](a.png){#fig-x} ", 30_000))).Html.ToString();

        var ids = System.Text.RegularExpressions.Regex.Matches(html, "id=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["fig-x", .. Enumerable.Range(1, 29_999).Select(n => $"fig-x-{n}")], ids);
    }

    [Fact]
    public void A_picture_id_is_unique_on_the_page_with_the_headings()
    {
        var html = MarkdownRenderer.Render("## Chart {#fig-chart}\n\n![One](a.png){#fig-chart}\n\n## Fig chart\n\n![Two](b.png){#MainContent}").Html.ToString();

        Assert.Equal(["fig-chart", "fig-chart-1", "fig-chart-2", "MainContent-1"], System.Text.RegularExpressions.Regex.Matches(html, "id=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Written_heading_ids_are_unique_on_the_page_and_taken_before_those_made_from_words()
    {
        var html = MarkdownRenderer.Render("## Intro\n\n## First {#same}\n\n## Second {#same}\n\n## Opening {#intro}\n\n## Main {#MainContent}\n\n## Same").Html.ToString();

        Assert.Equal(["intro-1", "same", "same-1", "intro", "MainContent-1", "same-2"], System.Text.RegularExpressions.Regex.Matches(html, "id=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void A_long_template_tag_is_quoted_by_its_start_and_end()
    {
        var tag = MarkdownRenderer.Render("Read [this]({{ \"/2014/11/17/taking-control-of-our-website-with-jekyll-and-webhooks/\" | url }}) and {{ x }}.").TemplateTag!;
        Assert.Equal(("{{ \"/2014/11/17/taking-control-of-our-website-with-jekyll-an … hooks/\" | url }}", 2), (tag.Text, tag.Count));
    }
}
