using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Loading;
using SkiaSharp;

namespace PPNBlog.Generator.Tests.Build;

public class SiteBuildTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Page(TestSite site, string sitePath) =>
        new HtmlParser().ParseDocument(site.ReadOutput(sitePath));

    [Fact]
    public void A_frame_left_with_no_address_is_told_once_where_it_is_written()
    {
        using var site = new TestSite();
        site.WritePost("frames", body: "First paragraph.\n\n<iframe src=\"https://www.youtube.com/embed/abc123\"></iframe>\n\n" +
            "<iframe srcdoc=\"<p>hi</p>\"></iframe>\n\n<iframe title=\"Empty\"></iframe>");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/frames.md:13:9: warning PPN017: unsafe HTML removed: srcdoc=\"…\" on <iframe>",
                      "input/posts/2021/frames.md:15:1: warning PPN017: unsafe HTML removed: <iframe> with no address (src)"],
            site.Lines(result).Select(l => l.Split(" (hint:")[0]));
        Assert.Single(Page(site, "posts/frames/index.html").QuerySelectorAll("iframe"));
    }

    [Fact]
    public void A_link_with_nothing_to_announce_is_warned_where_it_is_written_and_one_with_a_name_is_not()
    {
        using var site = new TestSite();
        site.WritePost("links", body: "See [](https://example.org/) and [ ](/commitments/) and <a href=\"https://example.net/\"></a>.\n\n" +
            "[![](https://example.org/logo.png)](https://example.org/)\n\n" +
            "<p><a href=\"https://example.com/\"> </a> <a href=\"https://example.com/named\" aria-label=\"Our partner\"></a></p>\n\n" +
            "Named: [the report](https://example.org/r), [`code`](https://example.org/c), [![Logo](https://example.org/logo.png)](https://example.org/l), " +
            "<a href=\"https://example.org/t\" title=\"Team page\"></a> and <a href=\"https://example.org/w\">words</a>.");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/links.md:9:5: warning PPN034: link 'https://example.org/' has no text, so a screen reader announces nothing for it",
                      "input/posts/2021/links.md:9:34: warning PPN034: link '/commitments/' has no text, so a screen reader announces nothing for it",
                      "input/posts/2021/links.md:9:57: warning PPN034: link 'https://example.net/' has no text, so a screen reader announces nothing for it",
                      "input/posts/2021/links.md:11:1: warning PPN034: link 'https://example.org/' has no text, so a screen reader announces nothing for it",
                      "input/posts/2021/links.md:11:2: warning PPN018: image 'https://example.org/logo.png' has no alt text",
                      "input/posts/2021/links.md:13:4: warning PPN034: link 'https://example.com/' has no text, so a screen reader announces nothing for it"],
            site.Lines(result).Select(l => l.Split(" (hint:")[0]));
    }

    [Fact]
    public void A_link_to_a_section_its_page_lacks_is_warned_with_the_sections_there_are()
    {
        using var site = new TestSite();
        site.WritePost("report", title: "The report", body: "## Our findings\n\nText.[^1]\n\n## What next\n\nMore.\n\n[^1]: A note.");
        site.WritePost("sections", body: "[Below](#in-short), [raw](#raw-box), [top](#top), [skip](#MainContent), [encoded](#caf%C3%A9).\n\n" +
            "[Findings](report.md#our-findings), [by address](/posts/report/#what-next), [no slash](/posts/report#what-next).\n\n" +
            "[Case](#In-Short), [missing](#nowhere), [other](report.md#methods), [addressed](/posts/report/#Our-Findings).\n\n" +
            "## In short\n\n## Café\n\n<div id=\"raw-box\">A box.</div>\n\n[An archive](/commitments/put-people-first/#anything).");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/sections.md:13:1: warning PPN035: link '#In-Short' leads to no section of this page: the reader lands at the top " +
                      "(hint: Write '#in-short': a section's name is matched exactly, small letters and capitals too.)",
                      "input/posts/2021/sections.md:13:20: warning PPN035: link '#nowhere' leads to no section of this page: the reader lands at the top " +
                      "(hint: The page's sections: #in-short, #café, #raw-box.)",
                      "input/posts/2021/sections.md:13:41: warning PPN035: link 'report.md#methods' leads to no section of the page it links: the reader lands at the top " +
                      "(hint: The page's sections: #our-findings, #what-next.)",
                      "input/posts/2021/sections.md:13:69: warning PPN035: link '/posts/report/#Our-Findings' leads to no section of the page it links: the reader lands at the top " +
                      "(hint: Write '#our-findings': a section's name is matched exactly, small letters and capitals too.)",
                      "input/posts/2021/sections.md:21:1: warning PPN035: link '/commitments/put-people-first/#anything' leads to no section of the page it links: " +
                      "the reader lands at the top (hint: The page has no headings to link to: link the page itself, or add the heading (## Methods is #methods).)"],
            site.Lines(result), StringComparer.Ordinal);
    }

    [Fact]
    public void A_section_renamed_in_one_post_is_warned_in_the_post_linking_it_on_serves_next_build()
    {
        using var site = new TestSite();
        var report = site.WritePost("report", body: "## Our findings\n\nText.");
        site.WritePost("linking", body: "Read [the findings](report.md#our-findings).");
        var builder = new SiteBuilder(site.Options());
        Assert.DoesNotContain(builder.Build(ChangeSet.Everything).Diagnostics, d => d.Code == DiagnosticCode.MissingSection);

        File.WriteAllText(report, File.ReadAllText(report).Replace("## Our findings", "## What we found", StringComparison.Ordinal));
        var renamed = builder.Build(ChangeSet.Of([report]));

        Assert.True(renamed.Succeeded);
        Assert.Equal(["input/posts/2021/linking.md:9:6: warning PPN035: link 'report.md#our-findings' leads to no section of the page it links: the reader lands at the top"],
            site.Lines(renamed).Select(l => l.Split(" (hint:")[0]));
    }

    [Fact]
    public void A_link_of_only_spaces_invisible_characters_or_unnamed_markup_is_warned_too()
    {
        using var site = new TestSite();
        site.WritePost("invisible-links", body: "One [&nbsp;](https://example.org/1), two [&#8203;](https://example.org/2), three [\u200b](https://example.org/3), " +
            "four [<!-- c -->](https://example.org/4), five [<br>](https://example.org/5).\n\n" +
            "Six <a href=\"https://example.org/6\">&nbsp;</a>, seven <a href=\"https://example.org/7\"><span> </span></a>, " +
            "eight <a href=\"https://example.org/8\"><img src=\"https://example.org/i.png\"></a>.\n\n" +
            "Named: <a href=\"https://example.org/n1\"><img src=\"https://example.org/i.png\" alt=\"Our logo\"></a>, [&amp;](https://example.org/n2), [`&nbsp;`](https://example.org/n3).");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"https://example.org/{n}"),
            site.Lines(result).Where(l => l.Contains("PPN034", StringComparison.Ordinal)).Select(l => l.Split('\'')[1]));
    }

    [Fact]
    public void A_recordings_player_is_named_by_the_alt_text_written_for_it()
    {
        using var site = new TestSite();
        site.WritePost("recordings", body: "The keynote:\n\n![Keynote recording, day one](https://vimeo.com/76979871)\n\n" +
            "![Panel \"Ask us anything\"](https://www.youtube.com/watch?v=abc123XYZ_0)\n\n![](https://youtu.be/abc123XYZ_1)");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["Keynote recording, day one", "Panel “Ask us anything”", "Embedded video"],
            Page(site, "posts/recordings/index.html").QuerySelectorAll("iframe").Select(f => f.GetAttribute("title")));
    }

    [Fact]
    public void A_post_without_a_paragraph_is_summed_up_by_its_first_words_and_one_without_words_shows_no_empty_description()
    {
        using var site = new TestSite();
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Input, "site.yml")).Replace("language: en-GB", "language: cy"));
        site.WritePost("only-list", date: "2021-01-02", body: "- Weekly sessions in the community\n- A peer supporter in every group");
        site.WritePost("only-recording", date: "2021-01-01", body: "![The keynote](https://vimeo.com/76979871)");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var list = Page(site, "posts/only-list/index.html");
        Assert.Equal("Weekly sessions in the community A peer supporter in every group", list.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("cy_GB", list.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        var recording = Page(site, "posts/only-recording/index.html");
        Assert.Null(recording.QuerySelector("meta[name=description]"));
        Assert.Null(recording.QuerySelector("meta[property='og:description']"));
        var cards = Page(site, "index.html").QuerySelectorAll(".ppn-card");
        Assert.Equal(["Weekly sessions in the community A peer supporter in every group"],
            cards.SelectMany(c => c.QuerySelectorAll(".nhsuk-card__description")).Select(d => d.TextContent));
        // The feeds leave out a summary there is none of, as they may.
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(["Weekly sessions in the community A peer supporter in every group"],
            XDocument.Parse(site.ReadOutput("feed.xml")).Descendants(atom + "entry").Select(e => e.Element(atom + "summary")?.Value).OfType<string>());
        using var json = JsonDocument.Parse(site.ReadOutput("feed.json"));
        Assert.Equal([true, false], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.TryGetProperty("summary", out _)));
    }

    [Fact]
    public void A_raw_level_one_heading_in_a_body_is_a_section_under_the_pages_title()
    {
        using var site = new TestSite();
        site.WritePost("raw-heading", body: "Opening words.\n\n<h1 class=\"x\">Pasted <em>heading</em></h1>\n\nMore words.");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var page = Page(site, "posts/raw-heading/index.html");
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("<h2 class=\"x\">Pasted <em>heading</em></h2>", page.QuerySelector("h2.x")!.OuterHtml);
    }

    [Fact]
    public void A_header_image_at_a_web_address_is_published_encoded_as_a_body_picture_is()
    {
        using var site = new TestSite();
        site.WritePost("remote", extra: "image: \"https://example.org/our photos/café day.jpg?size=large view\"\nimage_alt: The team\n",
            body: "Words.\n\n![The team](<https://example.org/our photos/café day.jpg?size=large view>)");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var page = site.ReadOutput("posts/remote/index.html");
        const string encoded = "https://example.org/our%20photos/caf%C3%A9%20day.jpg?size=large%20view";
        Assert.Contains($"class=\"ppn-hero\" src=\"{encoded}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"{encoded}\">", page, StringComparison.Ordinal);
        Assert.Contains($"src=\"{encoded}\"", Page(site, "posts/remote/index.html").QuerySelector(".nhsuk-body, main")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_image_at_a_site_address_that_is_no_file_fails_the_build_at_its_line()
    {
        using var site = new TestSite();
        site.WritePost("hero", extra: "image: /assets/blog/missing.png\nimage_alt: A picture\n");
        site.WritePost("kept", extra: "image: /assets/nhsuk-frontend.min.css\nimage_alt: A file the site has\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(["input/posts/2021/hero.md:7:8: error PPN008: image '/assets/blog/missing.png' is not a file of the site (hint: Put the image in the post's own folder " +
            "(the post as a folder holding index.md) and give its name, e.g. image: photo.jpg.)"], site.Lines(result));
    }

    [Fact]
    public void Builds_every_page_type_with_head_metadata()
    {
        using var site = new TestSite();
        site.WritePost("first", date: "2021-01-01", extra: "tags: [Letters, ppn-week]\nsummary: \"The first post.\"\n");
        site.WritePost("second", date: "2021-02-01", commitments: "[transform-and-innovate, put-people-first]", kind: "keynote", extra: "tags: [letters]\n");
        site.Write("pages/contribute.md", "---\ntitle: Write for us\nsummary: How to send a post.\n---\n\nSend an email.\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        foreach (var path in new[] { "index.html", "posts/first/index.html", "posts/second/index.html", "commitments/index.html",
                     "commitments/put-people-first/index.html", "commitments/put-people-first/keynotes/index.html",
                     "commitments/put-people-first/blogs/index.html", "tags/index.html", "tags/letters/index.html", "tags/ppn-week/index.html",
                     "contribute/index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml", "robots.txt",
                     "commitments/put-people-first/feed.xml", "api/posts.json", "api/posts/first.json", "api/commitments.json",
                     "api/commitments/put-people-first.json", "assets/nhsuk-frontend.min.css" })
            Assert.True(site.OutputExists(path), path);

        var titles = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = new HtmlParser().ParseDocument(File.ReadAllText(file));
            Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
            Assert.True(titles.Add(document.Title!), $"duplicate title {document.Title} in {file}");
            Assert.NotEmpty(document.QuerySelector("meta[name=description]")!.GetAttribute("content")!);
            // The 404 page claims no address of its own (ThemePageTests).
            if (Path.GetFileName(file) != "404.html")
                Assert.StartsWith("https://example.org/blog/", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.NotNull(document.QuerySelector("meta[property='og:title']"));
            Assert.NotNull(document.QuerySelector("meta[property='og:image']"));
            Assert.Single(document.QuerySelectorAll("h1"));
        }

        var post = Page(site, "posts/second/index.html");
        Assert.Equal("https://example.org/blog/posts/second/", post.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("Post second", post.QuerySelector("h1")!.TextContent);
        Assert.NotNull(post.QuerySelector("time[datetime='2021-02-01']"));
        Assert.NotNull(post.QuerySelector("a[href='/blog/commitments/transform-and-innovate/']"));
        Assert.NotNull(post.QuerySelector("a[href='/blog/posts/first/']"));
        Assert.NotNull(post.QuerySelector("a[href='/blog/tags/letters/']"));
        Assert.Contains("Keynote", post.Body!.TextContent);
    }

    [Fact]
    public void Archives_are_newest_first_paginated_by_ten_and_filtered_by_kind()
    {
        using var site = new TestSite();
        for (var i = 1; i <= 23; i++)
            site.WritePost($"post-{i:00}", date: $"2021-01-{i:00}", kind: i % 5 == 0 ? "keynote" : "blog",
                commitments: i % 2 == 0 ? "[put-people-first, transform-and-innovate]" : "[put-people-first]");
        site.WritePost("draft", date: "2021-02-01", extra: "draft: true\n");
        site.WritePost("future", date: "2027-01-01");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        string[] Cards(string path) => Page(site, path).QuerySelectorAll("main .nhsuk-card a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(Enumerable.Range(14, 10).Reverse().Select(i => $"/blog/posts/post-{i:00}/"), Cards("commitments/put-people-first/index.html"));
        Assert.Equal(Enumerable.Range(4, 10).Reverse().Select(i => $"/blog/posts/post-{i:00}/"), Cards("commitments/put-people-first/page/2/index.html"));
        Assert.Equal(Enumerable.Range(1, 3).Reverse().Select(i => $"/blog/posts/post-{i:00}/"), Cards("commitments/put-people-first/page/3/index.html"));
        Assert.False(site.OutputExists("commitments/put-people-first/page/4/index.html"));
        Assert.Equal(11, Enumerable.Range(1, 2).Sum(p => Cards(p == 1 ? "commitments/transform-and-innovate/index.html" : "commitments/transform-and-innovate/page/2/index.html").Length));
        Assert.Equal(["/blog/posts/post-20/", "/blog/posts/post-15/", "/blog/posts/post-10/", "/blog/posts/post-05/"], Cards("commitments/put-people-first/keynotes/index.html"));
        Assert.Equal(9, Cards("commitments/put-people-first/blogs/page/2/index.html").Length);
        Assert.Equal(10, Cards("page/2/index.html").Count(c => c.Contains("/posts/")));
        Assert.Equal(["Fixture blog (page 2)", "Put people first (page 2) – Fixture blog"],
            new[] { Page(site, "page/2/index.html").Title!, Page(site, "commitments/put-people-first/page/2/index.html").Title! });
        Assert.False(site.OutputExists("posts/draft/index.html"));
        Assert.False(site.OutputExists("posts/future/index.html"));

        var next = Page(site, "commitments/put-people-first/index.html").QuerySelector("a[href='/blog/commitments/put-people-first/page/2/']");
        Assert.NotNull(next);

        site.Build(drafts: true);
        Assert.True(site.OutputExists("posts/draft/index.html"));
        Assert.True(site.OutputExists("posts/future/index.html"));
    }

    [Fact]
    public void A_post_dated_more_than_a_year_ahead_is_warned_of_as_a_slip_in_the_year_and_one_scheduled_weeks_ahead_is_not()
    {
        using var site = new TestSite();
        site.WritePost("typed-wrong", date: "2062-03-01");
        site.WritePost("next-month", date: "2026-12-24");
        site.WritePost("a-later-draft", date: "2062-03-01", extra: "draft: true\n");
        site.WritePost("today", date: "2026-11-24");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/typed-wrong.md:3:7: warning PPN031: the post is dated 1 March 2062, more than a year from now: it will not appear " +
            "on the site until then (hint: Check the year. A post appears on its date (the site is rebuilt daily); to publish it now, give today's date.)"],
            site.Lines(result));
        Assert.False(site.OutputExists("posts/typed-wrong/index.html"));
        Assert.True(site.OutputExists("posts/today/index.html"));
    }

    [Fact]
    public void A_picture_over_a_megabyte_in_a_body_or_as_the_header_is_warned_of_and_still_published()
    {
        using var site = new TestSite();
        site.Write("posts/2021/photos/index.md", "---\ntitle: Photos\ndate: 2021-03-01\nauthor: A\ncommitments: [put-people-first]\n" +
            "image: camera.png\nimage_alt: The team\n---\n\n![The ward garden](camera.png)\n\n![A chart](small.png)\n");
        // Noise does not compress: 800 × 800 pixels of it is a PNG of about 2.4 MB, as a camera's photo is several.
        var random = new Random(7);
        using (var noise = new SKBitmap(800, 800, SKColorType.Rgba8888, SKAlphaType.Opaque))
        {
            random.NextBytes(noise.GetPixelSpan());
            for (var i = 3; i < noise.GetPixelSpan().Length; i += 4) noise.GetPixelSpan()[i] = 255;
            using var data = noise.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "photos", "camera.png"), data.ToArray());
        }
        using (var small = new SKBitmap(300, 200))
        {
            small.Erase(SKColors.SteelBlue);
            using var data = small.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "photos", "small.png"), data.ToArray());
        }
        var megabytes = (new FileInfo(Path.Combine(site.Input, "posts", "2021", "photos", "camera.png")).Length / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        const string Why = " MB, which every reader downloads whole before it shows (a picture on a page needs 1 MB at most) (hint: Save it smaller: " +
            "1,600 pixels wide as a JPEG of quality about 80 is a few hundred KB and looks the same on the page.)";
        Assert.Equal([$"input/posts/2021/photos/index.md:6:8: warning PPN032: image 'camera.png' is {megabytes}{Why}",
                      $"input/posts/2021/photos/index.md:10:1: warning PPN032: image 'camera.png' is {megabytes}{Why}"], site.Lines(result));
        Assert.True(site.OutputExists("posts/photos/camera.png"));
    }

    [Fact]
    public void A_header_picture_beside_the_post_has_its_size_and_an_address_with_its_spaces_encoded()
    {
        using var site = new TestSite();
        site.Write("posts/2021/photos/index.md", "---\ntitle: Photos\ndate: 2021-03-01\nauthor: A\ncommitments: [put-people-first]\n" +
            "image: our team day.png\nimage_alt: The team\n---\n\nA day out.\n");
        using (var picture = new SKBitmap(300, 200))
        using (var data = picture.Encode(SKEncodedImageFormat.Png, 100))
            File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "photos", "our team day.png"), data.ToArray());

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var hero = Page(site, "posts/photos/index.html").QuerySelector("img.ppn-hero")!;
        Assert.Equal(("/blog/posts/photos/our%20team%20day.png", "300", "200"), (hero.GetAttribute("src"), hero.GetAttribute("width"), hero.GetAttribute("height")));
        Assert.True(site.OutputExists("posts/photos/our team day.png"));
    }

    [Fact]
    public void The_json_api_lists_the_pages_with_their_rendered_text()
    {
        using var site = new TestSite();
        site.WritePost("one");
        site.Write("pages/about.md", "---\ntitle: About the network\nsummary: Who we are.\n---\n\nWe are **practitioners** across England. Read [a post](/posts/one/).\n");
        site.Write("pages/join.md", "---\ntitle: Join us\n---\n\nEveryone in the psychological professions is welcome.\n");

        Assert.True(site.Build().Succeeded);

        using var index = JsonDocument.Parse(site.ReadOutput("api/pages.json"));
        var pages = index.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(["about", "join"], pages.Select(p => p.GetProperty("slug").GetString()));
        Assert.Equal("Who we are.", pages[0].GetProperty("summary").GetString());
        Assert.Equal("Everyone in the psychological professions is welcome.", pages[1].GetProperty("summary").GetString());
        Assert.Equal("https://example.org/blog/about/", pages[0].GetProperty("url").GetString());
        using var about = JsonDocument.Parse(site.ReadOutput("api/pages/about.json"));
        var html = about.RootElement.GetProperty("content_html").GetString()!;
        Assert.Contains("<strong>practitioners</strong>", html);
        Assert.Contains("href=\"/blog/posts/one/\"", html);
    }

    [Fact]
    public void A_posts_earlier_addresses_redirect_to_it_and_links_to_them_still_work()
    {
        using var site = new TestSite();
        site.WritePost("new-name", title: "A renamed post", extra: "aliases: [/posts/old-name, /2019/05/old-name.html]\n");
        site.WritePost("linking", body: "As [we wrote](/posts/old-name/) before, and [earlier](/2019/05/old-name.html).");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        foreach (var file in new[] { "posts/old-name/index.html", "2019/05/old-name.html" })
        {
            var redirect = Page(site, file);
            Assert.Equal("0; url=/blog/posts/new-name/", redirect.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
            Assert.Equal("https://example.org/blog/posts/new-name/", redirect.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
            Assert.Equal("/blog/posts/new-name/", redirect.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("A renamed post", redirect.Title);
        }
        Assert.DoesNotContain("old-name", site.ReadOutput("sitemap.xml"));
    }

    [Fact]
    public void An_alias_that_is_another_pages_address_or_not_an_address_of_the_site_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.WritePost("other");
        site.WritePost("taking", extra: "aliases: [/posts/other/, /pagefind/pagefind.js, /assets/ppnblog.css]\n");
        site.Write("posts/2021/with-photo/index.md", "---\ntitle: With a photo\ndate: 2021-02-01\nauthor: A\ncommitments: [put-people-first]\n" +
            "aliases: [/posts/with-photo/photo.png]\n---\n\n![A photo](photo.png)\n");
        using (var photo = new SKBitmap(4, 3))
        using (var data = photo.Encode(SKEncodedImageFormat.Png, 100))
            File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "with-photo", "photo.png"), data.ToArray());
        site.WritePost("bad", extra: "aliases: [old-name, /posts/../../etc/, \"/a b/\"]\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        var lines = site.Lines(result);
        Assert.Contains(lines, l => l.StartsWith("input/posts/2021/taking.md:7:11: error PPN007: alias '/posts/other/' is an address the site already uses", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("input/posts/2021/taking.md:7:26: error PPN007: alias '/pagefind/pagefind.js' is an address the site already uses", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("input/posts/2021/with-photo/index.md:6:11: error PPN007: alias '/posts/with-photo/photo.png'", StringComparison.Ordinal));
        // A theme asset's address is the alias's error alone: the theme is not blamed for it.
        Assert.Contains(lines, l => l.StartsWith("input/posts/2021/taking.md:7:49: error PPN007: alias '/assets/ppnblog.css' is an address the site already uses", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => l.StartsWith("input/posts/2021/bad.md:7:", StringComparison.Ordinal) && l.Contains("error PPN004: alias '", StringComparison.Ordinal)));
        Assert.Equal(7, lines.Count);
    }

    [Fact]
    public void Feeds_sitemap_and_json_api_describe_the_same_posts()
    {
        using var site = new TestSite();
        site.WritePost("alpha", date: "2021-03-01T09:30:00+00:00", extra: "summary: Alpha summary.\n", body: "Alpha body with a [link](/posts/beta/).");
        site.WritePost("beta", date: "2021-02-01", commitments: "[transform-and-innovate]", kind: "keynote");

        Assert.True(site.Build().Succeeded);

        using (var reader = XmlReader.Create(Path.Combine(site.Output, "feed.xml")))
        {
            var feed = SyndicationFeed.Load(reader);
            Assert.Equal(["Post alpha", "Post beta"], feed.Items.Select(i => i.Title.Text));
            Assert.Equal("https://example.org/blog/posts/alpha/", feed.Items.First().Links[0].Uri.AbsoluteUri);
            Assert.Contains("href=\"https://example.org/blog/posts/beta/\"", ((TextSyndicationContent)feed.Items.First().Content).Text);
        }
        using (var reader = XmlReader.Create(Path.Combine(site.Output, "commitments", "transform-and-innovate", "feed.xml")))
            Assert.Equal(["Post beta"], SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text));

        using var jsonFeed = JsonDocument.Parse(site.ReadOutput("feed.json"));
        Assert.Equal("https://jsonfeed.org/version/1.1", jsonFeed.RootElement.GetProperty("version").GetString());
        Assert.Equal("Alpha summary.", jsonFeed.RootElement.GetProperty("items")[0].GetProperty("summary").GetString());

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.org/blog/posts/alpha/", locations);
        Assert.Contains("https://example.org/blog/commitments/transform-and-innovate/", locations);
        Assert.DoesNotContain(locations, l => l.EndsWith("404.html", StringComparison.Ordinal));
        foreach (var location in locations)
        {
            var path = location["https://example.org/blog/".Length..];
            Assert.True(site.OutputExists(path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path), location);
        }
        Assert.Contains("Sitemap: https://example.org/blog/sitemap.xml", site.ReadOutput("robots.txt"));

        using var index = JsonDocument.Parse(site.ReadOutput("api/posts.json"));
        var posts = index.RootElement.GetProperty("posts");
        Assert.Equal(2, posts.GetArrayLength());
        Assert.Equal("alpha", posts[0].GetProperty("slug").GetString());
        Assert.Equal("2021-03-01T09:30:00+00:00", posts[0].GetProperty("date").GetString());
        Assert.Equal("keynote", posts[1].GetProperty("kind").GetString());
        using var detail = JsonDocument.Parse(site.ReadOutput("api/posts/alpha.json"));
        Assert.Contains("Alpha body", detail.RootElement.GetProperty("content_html").GetString());
        Assert.Equal("Post alpha", detail.RootElement.GetProperty("title").GetString());
        using var commitment = JsonDocument.Parse(site.ReadOutput("api/commitments/transform-and-innovate.json"));
        Assert.Equal(["beta"], commitment.RootElement.GetProperty("posts").EnumerateArray().Select(p => p.GetString()));
        using var commitments = JsonDocument.Parse(site.ReadOutput("api/commitments.json"));
        Assert.Equal(3, commitments.RootElement.GetProperty("commitments").GetArrayLength());
    }

    [Fact]
    public void A_feed_without_entries_is_dated_by_the_sites_newest_post_or_for_a_site_without_posts_by_the_build()
    {
        static DateTimeOffset Updated(TestSite site, string path)
        {
            using var reader = XmlReader.Create(Path.Combine(site.Output, path));
            return SyndicationFeed.Load(reader).LastUpdatedTime;
        }
        using var empty = new TestSite();
        Assert.True(empty.Build().Succeeded);
        Assert.Equal(TestSite.Now, Updated(empty, "feed.xml"));
        Assert.Equal(TestSite.Now, Updated(empty, "commitments/help-our-communities-to-thrive/feed.xml"));

        using var site = new TestSite();
        site.WritePost("older", date: "2021-02-01T10:00:00+00:00");
        site.WritePost("newest", date: "2021-03-01T09:30:00+00:00", commitments: "[transform-and-innovate]");
        Assert.True(site.Build().Succeeded);
        var newest = new DateTimeOffset(2021, 3, 1, 9, 30, 0, TimeSpan.Zero);
        Assert.Equal(newest, Updated(site, "commitments/help-our-communities-to-thrive/feed.xml"));
        Assert.Equal(new DateTimeOffset(2021, 2, 1, 10, 0, 0, TimeSpan.Zero), Updated(site, "commitments/put-people-first/feed.xml"));
        Assert.Equal(newest, Updated(site, "feed.xml"));
    }

    [Theory]
    [InlineData("markdown only", "![The team](https://img.example/team.png)\n\nWords after the picture, which open the post.")]
    [InlineData("with raw html", "<p><img src=\"https://img.example/team.png\" alt=\"The team\"></p>\n\nWords after the picture, which open the post.")]
    public void A_post_opening_with_a_picture_is_summed_up_by_its_first_words(string name, string body)
    {
        using var site = new TestSite();
        site.WritePost("pictured", body: body);

        var result = site.Build();

        Assert.True(result.Succeeded, name + "\n" + string.Join('\n', site.Lines(result)));
        Assert.Equal("Words after the picture, which open the post.", Page(site, "posts/pictured/index.html").QuerySelector("meta[name=description]")!.GetAttribute("content"));
        using var json = JsonDocument.Parse(site.ReadOutput("feed.json"));
        Assert.Equal("Words after the picture, which open the post.", json.RootElement.GetProperty("items")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public void Feeds_make_links_absolute_in_tags_only_and_in_page_links_lead_into_the_post()
    {
        using var site = new TestSite();
        site.WritePost("coded", body: """
            See [the commitment](/commitments/put-people-first/) and a note.[^1]

            ## Part two

            ```html
            <a href="/contribute/">Contribute</a> <img src="/logo.png" alt="">
            ```

            Inline `<a href="/x/">` too.

            [^1]: The note.
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        // A long line scrolls inside the code block, which keyboard users reach to scroll it.
        Assert.Equal("0", Page(site, "posts/coded/index.html").QuerySelector(".ppn-post-body pre")!.GetAttribute("tabindex"));
        // The summary reads as prose: the footnote's number is not part of it.
        Assert.Equal("See the commitment and a note.", Page(site, "posts/coded/index.html").QuerySelector("meta[name=description]")!.GetAttribute("content"));
        using var reader = XmlReader.Create(Path.Combine(site.Output, "feed.xml"));
        var atom = ((TextSyndicationContent)SyndicationFeed.Load(reader).Items.Single().Content).Text;
        using var json = JsonDocument.Parse(site.ReadOutput("feed.json"));
        foreach (var html in new[] { atom, json.RootElement.GetProperty("items")[0].GetProperty("content_html").GetString()! })
        {
            var body = new HtmlParser().ParseFragment(html, new HtmlParser().ParseDocument("").Body!).OfType<AngleSharp.Dom.IElement>().ToList();
            var links = body.SelectMany(e => e.QuerySelectorAll("a[href]").Prepend(e).Where(a => a.HasAttribute("href"))).Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains("https://example.org/blog/commitments/put-people-first/", links);
            Assert.Contains("https://example.org/blog/posts/coded/#part-two", links);
            Assert.Contains("https://example.org/blog/posts/coded/#fn:1", links);
            Assert.DoesNotContain(links, l => l.StartsWith('#') || l.StartsWith('/'));
            // The code samples read as the post shows them.
            var code = string.Join('\n', body.SelectMany(e => e.QuerySelectorAll("code").Prepend(e).Where(c => c.LocalName == "code")).Select(c => c.TextContent));
            Assert.Contains("<a href=\"/contribute/\">Contribute</a> <img src=\"/logo.png\" alt=\"\">", code);
            Assert.Contains("<a href=\"/x/\">", code);
        }
    }

    [Fact]
    public void Post_bodies_are_sanitised_and_never_run_as_templates()
    {
        using var site = new TestSite();
        site.WritePost("hostile", title: "<script>alert(1)</script> & {{ site.title }}", body: """
            {{ site.title }} and {% if true %}tags{% endif %} stay text.

            <script>alert('x')</script>
            <p onclick="steal()">Click</p>
            <a href="javascript:alert(1)">bad link</a>
            <iframe src="https://evil.example/embed"></iframe>
            <iframe src="https://www.youtube.com/embed/abc123" title="Keynote recording"></iframe>

            ![](https://www.youtube.com/watch?v=dQw4w9WgXcQ)

            <p style="text-align:center">Centred</p>

            <script>alert('y')</script> <script>alert('z')</script>
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var html = site.ReadOutput("posts/hostile/index.html");
        var body = Page(site, "posts/hostile/index.html").QuerySelector(".ppn-post-body")!;
        Assert.Contains("{{ site.title }}", body.TextContent);
        Assert.Contains("{% if true %}", body.TextContent);
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Null(body.QuerySelector("[onclick]"));
        Assert.DoesNotContain("javascript:", body.InnerHtml);
        Assert.DoesNotContain("evil.example", body.InnerHtml);
        Assert.Equal(2, body.QuerySelectorAll("iframe").Length);
        Assert.All(body.QuerySelectorAll("iframe"), f => Assert.Matches("^https://www.youtube(-nocookie)?.com/embed/", f.GetAttribute("src")!));
        Assert.DoesNotContain("alert('x')", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Equal("<script>alert(1)</script> & {{ site.title }}", Page(site, "posts/hostile/index.html").QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("<script>alert(1)", site.ReadOutput("feed.xml"));
        using var api = JsonDocument.Parse(site.ReadOutput("api/posts.json"));
        Assert.Equal("<script>alert(1)</script> & {{ site.title }}", api.RootElement.GetProperty("posts")[0].GetProperty("title").GetString());
        // Each where it is written (the body starts on line 9).
        Assert.Equal(["input/posts/2021/hostile.md:9:1: warning PPN027: '{{ site.title }}' is a template tag of another site generator: readers see it as written (and 2 more in this file)",
                      "input/posts/2021/hostile.md:11:1: warning PPN017: unsafe HTML removed: <script> (and 2 more in this file)",
                      "input/posts/2021/hostile.md:12:4: warning PPN017: unsafe HTML removed: onclick=\"…\" on <p>",
                      "input/posts/2021/hostile.md:13:10: warning PPN017: unsafe HTML removed: href=\"javascript:…\" on <a>",
                      "input/posts/2021/hostile.md:14:14: warning PPN017: unsafe HTML removed: <iframe src=\"https://evil.example/embed\">",
                      "input/posts/2021/hostile.md:17:1: warning PPN018: recording 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' has no alt text, which names its player (![Keynote, day one](https://www.youtube.com/watch?v=dQw4w9WgXcQ))",
                      "input/posts/2021/hostile.md:19:4: warning PPN017: unsafe HTML removed: style=\"…\" on <p>"],
            site.Lines(result).Select(l => l[..l.IndexOf(" (hint:", StringComparison.Ordinal)]));
        // A style is no address: its hint is the general one ("text-align:" reads like a scheme).
        Assert.EndsWith("(hint: Write the content in Markdown; only plain formatting HTML and YouTube/Vimeo embeds are kept.)", site.Lines(result)[^1]);
    }

    [Fact]
    public void Raw_html_is_held_to_what_markdown_is_and_words_in_angle_brackets_stay_words()
    {
        using var site = new TestSite();
        const string Kept = """
            Dear <name>, thank you for coming. Press <Ctrl> and <C> to copy.

            <p><img src="photo.png" alt="The team at work"></p>

            <form action="https://phish.example/login"><input type="password" name="pw"><button>Sign in</button></form>

            <svg onload="alert(1)"><circle r="1"/></svg>

            <iframe src="https://www.youtube.com/embed/ok" allow="autoplay"></iframe><iframe src="https://www.youtube.com/embed/abc" allow="autoplay; camera; microphone; geolocation" onload="alert(2)"></iframe>

            <iframe src="https://www.youtube.com/redirect?q=https://evil.example"></iframe>
            """;
        // A link and a picture in HTML that Markdown would not be allowed (the body starts on line 9).
        // What is removed whole, or is only text, publishes nothing: its addresses are not checked.
        site.WritePost("index", folder: "2021/raw", body: "<p><a href=\"missing.pdf\">notes</a> and <img src=\"../../../outside.png\" alt=\"x\"></p>\n\n"
            + "<p><image src=\"gone.png\" alt=\"y\"><textarea><img src=\"nothing.png\"></textarea><svg><a href=\"none.md\">z</a></svg></p>\n\n" + Kept);
        using (var photo = new SKBitmap(4, 3))
        using (var data = photo.Encode(SKEncodedImageFormat.Png, 100))
        {
            File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "raw", "photo.png"), data.ToArray());
            File.WriteAllBytes(Path.Combine(site.Input, "outside.png"), data.ToArray());
        }

        var failed = site.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal(["input/posts/2021/raw/index.md:9:4: error PPN009: link 'missing.pdf' does not exist in the post's folder",
                      "input/posts/2021/raw/index.md:9:40: error PPN008: image '../../../outside.png' is outside the post's folder",
                      "input/posts/2021/raw/index.md:11:4: error PPN008: image 'gone.png' does not exist in the post's folder"],
            site.Lines(failed).Where(l => l.Contains("error", StringComparison.Ordinal)).Select(l => l.Split(" (hint:")[0]));

        site.WritePost("index", folder: "2021/raw", body: Kept);
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var body = Page(site, "posts/raw/index.html").QuerySelector(".ppn-post-body")!;
        Assert.Equal("Dear <name>, thank you for coming. Press <Ctrl> and <C> to copy.", body.QuerySelector("p")!.TextContent);
        Assert.True(site.OutputExists("posts/raw/photo.png"), "a picture in HTML is published beside its page, as a Markdown one is");
        Assert.Equal(["4", "3"], [body.QuerySelector("img")!.GetAttribute("width")!, body.QuerySelector("img")!.GetAttribute("height")!]);
        Assert.Empty(body.QuerySelectorAll("form, input, button"));
        Assert.Equal(["autoplay", "autoplay"], body.QuerySelectorAll("iframe").Select(f => f.GetAttribute("allow")));
        // Each at its own element: the iframe's onload, not the svg's written before it (the body starts on line 9).
        Assert.Equal(["13:1: warning PPN017: unsafe HTML removed: <form>", "13:44: warning PPN017: unsafe HTML removed: <input>",
                      "13:77: warning PPN017: unsafe HTML removed: <button>", "15:1: warning PPN017: unsafe HTML removed: <svg>",
                      "17:139: warning PPN017: unsafe HTML removed: allow=\"…\" on <iframe>", "17:172: warning PPN017: unsafe HTML removed: onload=\"…\" on <iframe>",
                      "19:14: warning PPN017: unsafe HTML removed: <iframe src=\"https://www.youtube.com/redirect?q=https://evil.example\">"],
            site.Lines(result).Select(l => l.Split(".md:", 2)[1].Split(" (hint:")[0]));
    }

    [Fact]
    public void An_element_named_in_the_text_and_never_closed_is_shown_as_written_not_left_to_take_the_rest_of_the_post()
    {
        using var site = new TestSite();
        site.WritePost("named", body: "Give each page a name in the <title> element.\n\nUse headings like <H1> and <H2>, and <h2> again.\n\n" +
            "A <select> with an <option> in it.\n\n## Later\n\nThe <b>closed</b> tags, a <br> and a <p> stay, as does <a href=\"https://example.org/\">a link\n\nclosed later</a>.");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var body = Page(site, "posts/named/index.html").QuerySelector(".ppn-post-body")!;
        Assert.Equal(["Give each page a name in the <title> element.", "Use headings like <H1> and <H2>, and <h2> again.", "A <select> with an <option> in it."],
            body.QuerySelectorAll("p").Take(3).Select(p => p.TextContent));
        Assert.Equal(["Later"], body.QuerySelectorAll("h2, h3").Select(h => h.TextContent.TrimEnd('#', ' ')));
        Assert.Equal(["closed"], body.QuerySelectorAll("b").Select(b => b.TextContent));
        Assert.Single(body.QuerySelectorAll("br"));
        Assert.StartsWith("a link", body.QuerySelector("a[href='https://example.org/']")!.TextContent);
        // Told once per element, where it is first written (the body starts on line 9).
        Assert.Equal(["input/posts/2021/named.md:9:30: warning PPN036: '<title>' is shown as text: it is never closed (no '</title>' follows it), " +
                      "and as HTML it would hide, restyle or drop words of the post (hint: To show it, put it in backticks (`<title>`); to use the element, close it with </title> where it ends.)",
                      "input/posts/2021/named.md:11:19: warning PPN036: '<H1>' is shown as text: it is never closed (no '</H1>' follows it), " +
                      "and as HTML it would hide, restyle or drop words of the post (hint: To show it, put it in backticks (`<H1>`); to use the element, close it with </H1> where it ends.)",
                      "input/posts/2021/named.md:11:28: warning PPN036: '<H2>' is shown as text: it is never closed (no '</H2>' follows it), " +
                      "and as HTML it would hide, restyle or drop words of the post (and 1 more in this file) (hint: To show it, put it in backticks (`<H2>`); to use the element, close it with </H2> where it ends.)",
                      "input/posts/2021/named.md:13:3: warning PPN036: '<select>' is shown as text: it is never closed (no '</select>' follows it), " +
                      "and as HTML it would hide, restyle or drop words of the post (hint: To show it, put it in backticks (`<select>`); to use the element, close it with </select> where it ends.)",
                      "input/posts/2021/named.md:13:20: warning PPN036: '<option>' is shown as text: it is never closed (no '</option>' follows it), " +
                      "and as HTML it would hide, restyle or drop words of the post (hint: To show it, put it in backticks (`<option>`); to use the element, close it with </option> where it ends.)"],
            site.Lines(result), StringComparer.Ordinal);
    }

    [Fact]
    public void Only_raw_html_closes_an_element_and_a_heading_showing_a_tag_is_named_by_its_words()
    {
        using var site = new TestSite();
        // An end tag in code is text, and one closing a later element of the same name leaves the first open.
        site.WritePost("tags-in-code", body: "Every page needs the <title> element. For example:\n\n```html\n<title>My page</title>\n```\n\n" +
            "Press <b> to bold, as in <b>this</b>, or write `</b>`.\n\nRead [the section](#the-title-element).\n\n## The <title> element\n\nThe end.");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/tags-in-code.md:9:22: warning PPN036", "input/posts/2021/tags-in-code.md:15:7: warning PPN036"],
            site.Lines(result).Select(l => l[..l.IndexOf(':', l.IndexOf("PPN", StringComparison.Ordinal))]));
        var body = Page(site, "posts/tags-in-code/index.html").QuerySelector(".ppn-post-body")!;
        Assert.Equal(["this"], body.QuerySelectorAll("b").Select(b => b.TextContent));
        Assert.Equal("the-title-element", body.QuerySelector("h2")!.Id);
        Assert.EndsWith("The end.", body.TextContent.Trim());
    }

    [Fact]
    public void Raw_html_cannot_take_the_pages_own_names_or_ids()
    {
        using var site = new TestSite();
        site.WritePost("named", body: """
            <p id="intro">Opening words.</p>

            ## Intro

            A note.[^1] <img name="body" src="https://img.example/a.png" alt="a"> <img name="querySelectorAll" src="https://img.example/b.png" alt="b">

            <p id="MainContent">Skip here?</p> <span id="fn:1">Not the note.</span> <span id="own">Kept.</span> <span id="own">Twice.</span>

            [^1]: The note.
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var page = Page(site, "posts/named/index.html");
        // document.body must stay the body, or the NHS.UK scripts (the menu) fail on the page.
        Assert.Empty(page.QuerySelectorAll(".ppn-post-body [name]"));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal("H2", page.GetElementById("intro")!.TagName);
        Assert.Equal("MAIN", page.GetElementById("MainContent")!.TagName);
        Assert.Equal("LI", page.GetElementById("fn:1")!.TagName);
        Assert.Equal("Kept.", page.GetElementById("own")!.TextContent);
        Assert.Equal(["warning PPN017: unsafe HTML removed: id=\"intro\" on <p> (the page has that id already)",
                      "warning PPN017: unsafe HTML removed: name=\"…\" on <img> (and 1 more in this file)",
                      "warning PPN017: unsafe HTML removed: id=\"MainContent\" on <p> (the page has that id already)",
                      "warning PPN017: unsafe HTML removed: id=\"fn:1\" on <span> (the page has that id already)",
                      "warning PPN017: unsafe HTML removed: id=\"own\" on <span> (the page has that id already)"],
            site.Lines(result).Select(l => l.Split(": ", 2)[1].Split(" (hint:")[0]));
    }

    [Fact]
    public void Different_tags_that_share_a_page_are_told_and_one_tag_in_other_capitals_or_accents_is_not()
    {
        using var site = new TestSite();
        site.WritePost("first", extra: "tags: [\"C#\", Mental health, Unicode, \"Ünïcödé\"]\n");
        site.WritePost("second", extra: "tags: [\"C++\", mental-health, UNICODE]\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/second.md:7:8: warning PPN033: tag 'C++' shares the page /tags/c/ with tag 'C#' of input/posts/2021/first.md"],
            site.Lines(result).Select(l => l.Split(" (hint:")[0]));
        // A post with one tag in two spellings shows it once.
        Assert.Equal(["/blog/tags/c/", "/blog/tags/mental-health/", "/blog/tags/unicode/"],
            Page(site, "posts/first/index.html").QuerySelectorAll(".ppn-tags a").Select(a => a.GetAttribute("href")));
        using var api = JsonDocument.Parse(site.ReadOutput("api/posts/first.json"));
        Assert.Equal(["C#", "Mental health", "Unicode"], api.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        using var feed = JsonDocument.Parse(site.ReadOutput("feed.json"));
        Assert.Equal(["put-people-first", "C#", "Mental health", "Unicode"],
            feed.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith("/first/")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void A_tag_with_a_direction_override_or_an_invisible_character_is_refused()
    {
        using var site = new TestSite();
        site.WritePost("hidden", extra: "tags: [\"\u202Elive\", \"well\u200Bbeing\", \"care\uFE0F\", \"peer\u2800support\", \"\u2764\uFE0F\"]\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        const string Refused = "error PPN004: a tag holds invisible, control or direction-changing characters, which hide how it reads";
        Assert.Equal([$"input/posts/2021/hidden.md:7:8: {Refused} (hint: Write it as 'live'.)",
                      $"input/posts/2021/hidden.md:7:17: {Refused} (hint: Write it as 'wellbeing'.)",
                      $"input/posts/2021/hidden.md:7:31: {Refused} (hint: Write it as 'care'.)",
                      $"input/posts/2021/hidden.md:7:40: {Refused} (hint: Write it as 'peer support'.)"],
            site.Lines(result));
    }

    [Fact]
    public void The_ids_the_theme_gives_the_page_are_the_ones_raw_html_may_not_take()
    {
        var theme = Path.Combine(TestSite.RepositoryRoot, "theme");
        var written = Directory.EnumerateFiles(theme, "*.liquid", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\\bid=\"([^\"{]+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(written.Order(StringComparer.Ordinal), Generator.Html.DomRewriter.LayoutIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("markdown only", "")]
    [InlineData("with raw html", "<b>Raw HTML sends the body the DOM way.</b>\n\n")]
    public void Markdown_links_and_images_to_script_addresses_lose_them_and_say_where(string name, string rawHtml)
    {
        using var site = new TestSite();
        site.WritePost("scripted", body: rawHtml + """
            [one](javascript:alert(1)) [two]( JaVaScRiPt:alert(2)) [three](&#106;avascript:alert(3)) [four](java&#9;script:alert(4))
            <javascript:alert(5)> [six](vbscript:msgbox(6)) [seven](data:text/html;base64,PHNjcmlwdD4=) ![eight](javascript:alert(8))

            [nine][ref] [mail](mailto:team@example.org) [phone](tel:+441234567890) [web](https://example.org/a)

            [ref]: javascript:alert(9)
            """);

        var result = site.Build();

        Assert.True(result.Succeeded, name + ": " + string.Join('\n', site.Lines(result)));
        var body = Page(site, "posts/scripted/index.html").QuerySelector(".ppn-post-body")!;
        Assert.All(body.QuerySelectorAll("[href], [src]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).OfType<string>(),
            address => Assert.Matches("^(https|mailto|tel):", address));
        Assert.Equal(["one", "two", "three", "four", "javascript:alert(5)", "six", "seven", "nine"],
            body.QuerySelectorAll("a:not([href])").Select(a => a.TextContent));
        Assert.Null(body.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(["mailto:team@example.org", "tel:+441234567890", "https://example.org/a"], body.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
        using var api = JsonDocument.Parse(site.ReadOutput("api/posts/scripted.json"));
        Assert.DoesNotMatch("(href|src)=\"(?!https:|mailto:|tel:)", api.RootElement.GetProperty("content_html").GetString()!);
        // One warning for each kind, where it is first written, with how many more (the links start on line 9, or 11 after the raw HTML). Markdig
        // writes the tab as %09, which the Markdown does not hold: that one is placed at the body's (or its HTML's) start.
        var first = rawHtml.Length == 0 ? 9 : 11;
        const string Hint = " (hint: Only https:, http:, mailto:, tel: and the site's own addresses are published: link to a web page instead.)";
        Assert.Equal([
            $"input/posts/2021/scripted.md:{first - (rawHtml.Length == 0 ? 1 : 2)}:1: warning PPN017: unsafe HTML removed: href=\"java%09script:…\" on <a>" + Hint,
            $"input/posts/2021/scripted.md:{first}:7: warning PPN017: unsafe HTML removed: href=\"javascript:…\" on <a> (and 4 more in this file)" + Hint,
            $"input/posts/2021/scripted.md:{first}:7: warning PPN017: unsafe HTML removed: src=\"javascript:…\" on <img>" + Hint,
            $"input/posts/2021/scripted.md:{first + 1}:29: warning PPN017: unsafe HTML removed: href=\"vbscript:…\" on <a>" + Hint,
            $"input/posts/2021/scripted.md:{first + 1}:57: warning PPN017: unsafe HTML removed: href=\"data:…\" on <a>" + Hint,
        ], site.Lines(result));
    }

    [Fact]
    public void A_link_to_a_draft_or_a_post_dated_later_says_the_post_is_not_published_yet()
    {
        using var site = new TestSite();
        site.WritePost("draft-one", extra: "draft: true\n");
        site.WritePost("later", date: "2027-01-01");
        site.WritePost("linking", body: "See [the draft](/posts/draft-one/), [the next one](/posts/later) and [its file](later.md).");

        var result = site.Build();

        const string Hint = " (hint: Link it once it is published, or publish it first (remove 'draft: true', or give it today's date).)";
        Assert.Equal([
            "input/posts/2021/linking.md:9:5: error PPN009: link '/posts/draft-one/' points at a post that is not published (a draft, or dated in the future)" + Hint,
            "input/posts/2021/linking.md:9:37: error PPN009: link '/posts/later' points at a post that is not published (a draft, or dated in the future)" + Hint,
            "input/posts/2021/linking.md:9:70: error PPN009: link 'later.md' points at a post that is not published (a draft, or dated in the future)" + Hint,
        ], site.Lines(result));
        Assert.True(site.Build(drafts: true).Succeeded);
    }

    [Fact]
    public void A_first_heading_that_repeats_the_title_is_named_and_one_that_does_not_is_not()
    {
        using var site = new TestSite();
        site.WritePost("repeated", title: "Small acts: a year on", body: "# Small Acts — a Year On!\n\nThe text.");
        site.WritePost("distinct", title: "Small acts", body: "## Small acts in clinics\n\nThe text.");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/repeated.md:9:1: warning PPN029: the body's first heading repeats the title ('Small Acts — a Year On!'), so the page "
            + "shows it twice (hint: Delete the heading: the page shows the post's title above the body.)"], site.Lines(result));
    }

    [Fact]
    public void Headings_that_skip_a_level_are_published_one_level_below_the_one_before_with_their_ids_and_anchors()
    {
        using var site = new TestSite();
        site.WritePost("skipped", title: "Our service review", body: "### Our service review\n\nWe looked at three things.\n\n##### What we found\n\nText.\n\n" +
            "A [link to it](#what-we-found).");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/skipped.md:9:1: warning PPN029: the body's first heading repeats the title ('Our service review'), so the page "
            + "shows it twice (hint: Delete the heading: the page shows the post's title above the body.)"], site.Lines(result));
        var body = Page(site, "posts/skipped/index.html").QuerySelector(".ppn-post-body")!;
        Assert.Equal(["H2#our-service-review", "H3#what-we-found"], body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => $"{h.TagName}#{h.Id}"));
        Assert.NotNull(body.QuerySelector("h3#what-we-found a.ppn-heading-anchor[href='#what-we-found']"));
    }

    [Fact]
    public void A_footnote_left_out_or_a_reference_to_none_is_warned_where_it_is_written()
    {
        using var site = new TestSite();
        site.WritePost("notes", body: "First claim[^1]. Second claim[^1]. A claim never sourced[^2], and [^Shown].\n\n" +
            "Written, not referred: \\[^3] and `[^4]`; told once: [^2].\n\n[^1]: NHS Digital, 2023.\n[^1]: ONS, 2022.\n[^shown]: Its note.\n[^unused]: A note.");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal(["input/posts/2021/notes.md:9:57: warning PPN038: '[^2]' is shown as written: no footnote '[^2]' is defined (and 1 more in this file) " +
                      "(hint: Write its note on a line of its own after the text ([^2]: The source.), or remove the reference.)",
                      "input/posts/2021/notes.md:14:1: warning PPN038: footnote '[^1]' is defined a second time here: only the first is shown " +
                      "(hint: Give this note a label of its own and refer to it where it belongs, or delete it if it repeats the first.)",
                      "input/posts/2021/notes.md:16:1: warning PPN038: footnote '[^unused]' is never referred to, so it is not shown " +
                      "(hint: Refer to it where it belongs in the text ([^unused]), or delete it.)"],
            site.Lines(result), StringComparer.Ordinal);
        Assert.Equal(["NHS Digital, 2023.", "Its note."], Page(site, "posts/notes/index.html").QuerySelectorAll(".footnotes li").Select(li => li.TextContent.Trim().TrimEnd('↩')));
    }

    [Fact]
    public void A_footnote_written_inside_a_list_item_is_told_why_it_is_not_read()
    {
        using var site = new TestSite();
        site.WritePost("listed-note", body: "- A claim in a list[^2]\n\n  [^2]: Defined inside the list item.\n\nMore text.");

        var result = site.Build();

        Assert.Equal(["input/posts/2021/listed-note.md:9:20: warning PPN038: '[^2]' is shown as written: its note ('[^2]:') is not read as one, being inside a list item or a quote " +
                      "(hint: Move '[^2]: …' to the start of a line of its own, outside any list or quote.)"], site.Lines(result), StringComparer.Ordinal);
    }

    [Fact]
    public void A_link_in_a_heading_underlined_with_equals_or_hyphens_is_told_on_its_own_line()
    {
        using var site = new TestSite();
        site.WritePost("underlined", title: "Our plan", body: "Our plan for [the year](plan.md)\n===\n\nA heading on two lines with [a link](b.md)\nand [another](c.md)\n---\n\n" +
            "> Quoted [heading](d.md)\n> ---");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(["9:14: error PPN009: link 'plan.md' points at a file that does not exist", "12:29: error PPN009: link 'b.md' points at a file that does not exist",
                      "13:5: error PPN009: link 'c.md' points at a file that does not exist", "16:10: error PPN009: link 'd.md' points at a file that does not exist"],
            site.Lines(result).Select(l => l.Split(".md:", 2)[1].Split(" (hint:")[0]));
    }

    [Fact]
    public void Template_tags_of_other_generators_are_named_where_they_are_shown_as_text_or_break_a_link()
    {
        using var site = new TestSite();
        site.WritePost("migrated", body: """
            Read [the post]({{ "/2015/03/24/a-post/" | url }}) first, or {% image "assets/team.png" "The team" %}.

            `{{ in code }}` and {{< hugo-shortcode >}} and {% raw %}.

                {% in a code block %}

            [a link]({{site.baseurl}}/about/) and ![a picture]({{site.baseurl}}/team.png)
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal([
            "input/posts/2021/migrated.md:9:17: warning PPN027: '{{ \"/2015/03/24/a-post/\" | url }}' is a template tag of another site generator: readers see it "
                + "as written (and 3 more in this file) (hint: Write it in Markdown instead: a link as [this post](/posts/<slug>/), a picture as ![what it shows](photo.jpg); "
                + "delete tags that only set layout.)",
            "input/posts/2021/migrated.md:15:1: error PPN009: link '{{site.baseurl}}/about/' holds a template tag of another site generator, which posts never run "
                + "(hint: Write the address itself: a page of this site from /, e.g. /posts/<slug>/, or a file beside the post by its name.)",
            "input/posts/2021/migrated.md:15:39: error PPN008: image '{{site.baseurl}}/team.png' holds a template tag of another site generator, which posts never run "
                + "(hint: Write the address itself: a page of this site from /, e.g. /posts/<slug>/, or a file beside the post by its name.)",
        ], site.Lines(result));
    }

    [Fact]
    public void Markup_of_a_post_moved_over_from_quarto_is_not_shown_its_summary_is_prose_and_the_editor_is_told()
    {
        using var site = new TestSite();
        site.WritePost("quarto", body: """
            :::{.callout-tip collapse=false appearance='default' icon=true}
            ## Tip
            Use version control.
            :::

            The post starts here.

            ## Method {#sec-method .unnumbered}

            See [the method](#sec-method).

            A paragraph with an attribute.
            {: .lead}
            """);

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Equal([
            "input/posts/2021/quarto.md:9:1: warning PPN042: Quarto's callout ':::{.callout-tip collapse=false appearance='default' icon=true}' is not shown as a callout: "
                + "its text is shown as ordinary paragraphs (hint: Delete its ':::' lines (the text between them stays); to make a note stand out, start it with a heading or bold words.)",
            "input/posts/2021/quarto.md:16:11: warning PPN042: the heading's '{#sec-method .unnumbered}' is Pandoc's markup: its '#sec-method' names the section, and the rest, "
                + "which the site does not use, is left out (hint: Delete it, or keep only '{#name}' (letters, digits and hyphens), which names the section for links such as [the method](#name).)",
            "input/posts/2021/quarto.md:21:1: warning PPN042: '{: .lead}' is kramdown's markup, which the site does not use: the line is left out "
                + "(hint: Delete the line: the site shows every paragraph in its own style.)",
        ], site.Lines(result));
        using var post = JsonDocument.Parse(site.ReadOutput("api/posts/quarto.json"));
        Assert.Equal("The post starts here.", post.RootElement.GetProperty("summary").GetString());
        Assert.Equal("""
            <div class="ppn-fenced-div">
            <h2 id="tip">Tip<a class="ppn-heading-anchor" href="#tip" aria-hidden="true" tabindex="-1"></a></h2>
            <p>Use version control.</p>
            </div>
            <p>The post starts here.</p>
            <h2 id="sec-method">Method<a class="ppn-heading-anchor" href="#sec-method" aria-hidden="true" tabindex="-1"></a></h2>
            <p>See <a href="#sec-method">the method</a>.</p>
            <p>A paragraph with an attribute.</p>

            """.ReplaceLineEndings("\n"), post.RootElement.GetProperty("content_html").GetString());
        Assert.Contains("<meta name=\"description\" content=\"The post starts here.\">", site.ReadOutput("posts/quarto/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pandocs_raw_html_blocks_are_published_as_checked_raw_html_and_raw_blocks_for_other_outputs_are_left_out_with_a_warning()
    {
        using var site = new TestSite();
        site.WritePost("raw-blocks", body: """
            Before.

            ```{=html}
            <div class="note"><p>Written in <strong>HTML</strong>.</p></div>
            <script>alert(1)</script>
            ```

            ```{=latex}
            \newpage
            ```

            - An item.

              ```{=html}
              <!-- a comment Quarto writes -->
              ```

            ```{=openxml}
            <w:p/>
            ```

            ```{r}
            summary(cars)
            ```

            ```{=html}
            Never closed: shown as written, the rest with it.
            """);
        var linking = site.WritePost("raw-link", body: """
            ```{=html}
            <p><a href="/posts/nowhere/">A link</a></p>
            ```
            """);

        var result = site.Build();

        // The script is taken out and the link checked where written, as in any raw HTML.
        Assert.Equal([
            "input/posts/2021/raw-blocks.md:13:1: warning PPN017: unsafe HTML removed: <script> (hint: Write the content in Markdown; only plain formatting HTML and YouTube/Vimeo embeds are kept.)",
            "input/posts/2021/raw-blocks.md:16:1: warning PPN042: the '```{=latex}' block is Pandoc's raw markup for another output than a web page: it is left out "
                + "(and 1 more in this file) (hint: Delete the block, or write what it shows in Markdown (or in HTML, as a '```{=html}' block).)",
            "input/posts/2021/raw-link.md:10:4: error PPN009: link '/posts/nowhere/' points at no page of the site "
                + "(hint: Link to a page that exists, e.g. /posts/<slug>/ or /commitments/<slug>/, or to another post's .md file.)",
        ], site.Lines(result));
        File.Delete(linking);
        Assert.True(site.Build().Succeeded);
        using var post = JsonDocument.Parse(site.ReadOutput("api/posts/raw-blocks.json"));
        Assert.Equal("""
            <p>Before.</p>
            <div class="note"><p>Written in <strong>HTML</strong>.</p></div>

            <ul>
            <li><p>An item.</p>

            </li>
            </ul>
            <pre tabindex="0"><code class="language-r">summary(cars)
            </code></pre>
            <pre tabindex="0"><code class="language-{=html}">Never closed: shown as written, the rest with it.
            </code></pre>

            """.ReplaceLineEndings("\n"), post.RootElement.GetProperty("content_html").GetString());
    }

    [Fact]
    public void Pandoc_attributes_after_pictures_links_and_paragraphs_are_not_shown_a_picture_keeps_its_id_and_the_editor_is_told()
    {
        using var site = new TestSite();
        site.WritePost("figures", body: """
            The post starts here.

            ![Rates by region](https://example.org/chart.png){#fig-rates width=80%}

            See [the report](https://example.org/r){target="_blank"} and [the chart](#fig-rates).

            Some words.{.font-alt-xs}
            """);

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Equal([
            "input/posts/2021/figures.md:11:50: warning PPN042: '{#fig-rates width=80%}' after the picture is Pandoc's markup: its '#fig-rates' names the picture, "
                + "and the rest, which the site does not use, is left out (and 2 more in this file) (hint: Delete it: the site shows every post in its own style. "
                + "After a picture, '{#fig-name}' alone names it for links such as [the chart](#fig-name).)",
        ], site.Lines(result));
        using var post = JsonDocument.Parse(site.ReadOutput("api/posts/figures.json"));
        var html = post.RootElement.GetProperty("content_html").GetString()!;
        Assert.DoesNotContain("{", html, StringComparison.Ordinal);
        Assert.Contains("id=\"fig-rates\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>Some words.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("target", site.ReadOutput("posts/figures/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Quarto_cross_references_are_links_to_what_the_page_names_so_and_one_to_nothing_is_told_where_written()
    {
        using var site = new TestSite();
        site.WritePost("crossrefs", body: """
            As @fig-rates shows, the method (@sec-method) works; @tbl-results has the numbers.

            ![Rates by region](https://example.org/chart.png){#fig-rates}

            ## Method {#sec-method}

            Write to jo@sec-method.org or @nhsengland.
            """);

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Equal([
            "input/posts/2021/crossrefs.md:9:54: warning PPN043: '@tbl-results' is Quarto's cross-reference, but nothing on this page is named 'tbl-results': it is shown as written "
                + "(hint: Write '{#tbl-results}' after the heading or picture it refers to (## Method {#sec-method}, ![Rates by region](chart.png){#fig-rates}), or write words and a link instead: [the method](#sec-method).)",
        ], site.Lines(result));
        using var post = JsonDocument.Parse(site.ReadOutput("api/posts/crossrefs.json"));
        var html = post.RootElement.GetProperty("content_html").GetString()!;
        Assert.Contains("<p>As <a href=\"#fig-rates\">Rates by region</a> shows, the method (<a href=\"#sec-method\">Method</a>) works; @tbl-results has the numbers.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Write to jo@sec-method.org or @nhsengland.</p>", html, StringComparison.Ordinal);
    }

        [Fact]
    public void Html_is_post_processed_links_resolved_and_images_published()
    {
        using var site = new TestSite();
        site.Write("posts/2021/bundle/index.md", """
            ---
            title: Bundle
            date: 2021-01-01
            author: A
            commitments: [put-people-first]
            image: header.png
            image_alt: The team
            ---

            First paragraph of the bundle, which becomes the excerpt.

            ## A section

            ![A photo of the room](photos/room.png) and [a sibling post](../other.md), [external](https://nhs.uk/x).

            | a | b |
            |---|---|
            | 1 | 2 |
            """);
        site.Write("posts/2021/bundle/header.png", "png");
        site.Write("posts/2021/bundle/photos/room.png", "png");
        site.WritePost("other");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var body = Page(site, "posts/bundle/index.html").QuerySelector(".ppn-post-body")!;
        var image = body.QuerySelector("img")!;
        Assert.Equal("/blog/posts/bundle/photos/room.png", image.GetAttribute("src"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.True(site.OutputExists("posts/bundle/photos/room.png"));
        Assert.True(site.OutputExists("posts/bundle/header.png"));
        Assert.NotNull(body.QuerySelector("a[href='/blog/posts/other/']"));
        Assert.Equal("external noopener", body.QuerySelector("a[href='https://nhs.uk/x']")!.GetAttribute("rel"));
        // Hidden from screen readers and the tab order: inside the heading, it would be read as part of its name.
        Assert.NotNull(body.QuerySelector("h2#a-section a.ppn-heading-anchor[href='#a-section'][aria-hidden=true][tabindex='-1']"));
        Assert.NotNull(body.QuerySelector("table.nhsuk-table"));
        using var api = JsonDocument.Parse(site.ReadOutput("api/posts.json"));
        Assert.Equal("First paragraph of the bundle, which becomes the excerpt.", api.RootElement.GetProperty("posts")[0].GetProperty("summary").GetString());
        Assert.Equal("https://example.org/blog/posts/bundle/header.png",
            Page(site, "posts/bundle/index.html").QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public void A_link_to_a_commitments_or_a_pages_file_leads_to_its_page_in_a_build_and_in_serves_quick_rebuild()
    {
        using var site = new TestSite();
        site.Write("pages/about.md", "---\ntitle: About\n---\n\nAbout the blog.\n");
        var post = site.WritePost("linking", body: "See [the commitment](../../commitments/put-people-first.md) and [about](../../pages/about.md#team).");
        var builder = new SiteBuilder(site.Options());

        var first = builder.Build(ChangeSet.Everything);
        Assert.True(first.Succeeded, string.Join('\n', site.Lines(first)));
        File.WriteAllText(post, File.ReadAllText(post).Replace("title: \"Post linking\"", "title: \"Post linking, edited\"", StringComparison.Ordinal));
        var edited = builder.Build(ChangeSet.Of([post]));

        Assert.True(edited.Succeeded, string.Join('\n', site.Lines(edited)));
        Assert.True(edited.EditedInPlace);
        var body = Page(site, "posts/linking/index.html");
        Assert.Equal("Post linking, edited", body.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(["/blog/commitments/put-people-first/", "/blog/about/#team"],
            body.QuerySelectorAll(".ppn-post-body a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Tags_in_scripts_beyond_latin_each_get_a_page_of_their_own()
    {
        using var site = new TestSite();
        site.WritePost("mind", title: "Mind", extra: "tags: [\"心理\"]\n");
        site.WritePost("health", title: "Health", extra: "tags: [\"健康\", \"Café\"]\n");
        site.WritePost("cafe", title: "Cafe", extra: "tags: [\"cafe\"]\n");
        Assert.True(site.Build().Succeeded);

        // Both used to be /tags/untitled/: one page, titled with one tag, that both posts linked to.
        string TagLink(string post, string tag) => Page(site, $"posts/{post}/index.html").QuerySelectorAll("a").Single(a => a.TextContent.Trim() == tag).GetAttribute("href")!;
        var mind = TagLink("mind", "心理");
        var health = TagLink("health", "健康");
        Assert.Matches("^/blog/tags/tag-[0-9a-f]{8}/$", mind);
        Assert.Matches("^/blog/tags/tag-[0-9a-f]{8}/$", health);
        Assert.NotEqual(mind, health);
        Assert.Equal("Posts tagged “心理”", Page(site, mind["/blog/".Length..] + "index.html").QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Posts tagged “健康”", Page(site, health["/blog/".Length..] + "index.html").QuerySelector("h1")!.TextContent.Trim());
        // Accents are only dropped: Café and cafe are one tag, as they always were.
        Assert.Equal("/blog/tags/cafe/", TagLink("health", "Café"));
        Assert.Equal("/blog/tags/cafe/", TagLink("cafe", "cafe"));
    }

    [Fact]
    public void Posts_named_in_scripts_beyond_latin_each_get_an_address_of_their_own()
    {
        using var site = new TestSite();
        site.Write("posts/2021/психология.md", "---\ntitle: Психология\ndate: 2021-01-01\nauthor: A\ncommitments: [put-people-first]\nkind: blog\n---\n\nТекст.\n");
        site.Write("posts/2021/心理学.md", "---\ntitle: 心理学\ndate: 2021-01-02\nauthor: A\ncommitments: [put-people-first]\nkind: blog\n---\n\n文本。\n");

        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        var posts = Directory.GetDirectories(Path.Combine(site.Output, "posts")).Select(Path.GetFileName).ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, slug => Assert.Matches("^post-[0-9a-f]{8}$", slug));
    }

    [Fact]
    public void A_more_marker_ends_the_excerpt()
    {
        using var site = new TestSite();
        site.WritePost("marked", body: "Opening line one.\n\nOpening line two.\n\n<!-- more -->\n\nThe rest of the post.");
        Assert.True(site.Build().Succeeded);
        using var api = JsonDocument.Parse(site.ReadOutput("api/posts.json"));
        Assert.Equal("Opening line one. Opening line two.", api.RootElement.GetProperty("posts")[0].GetProperty("summary").GetString());
        Assert.DoesNotContain("<!--", site.ReadOutput("posts/marked/index.html").Split("ppn-post-body")[1]);
    }

    [Fact]
    public void The_excerpt_before_a_more_marker_is_only_what_readers_see()
    {
        using var site = new TestSite();
        // An editor's comment, a script and a style sheet (removed from the page) and a footnote's number are no words of the summary.
        site.WritePost("marked", body: "<!-- Editor note: check the name (Jane Doe) -->\n\nOpening line with a note[^1].\n\n<script>trackVisitor(\"abc\")</script>\n\n" +
            "<style>.nhsuk-header { display: none }</style>\n\n<!-- more -->\n\nThe rest.\n\n[^1]: The note.");

        var result = site.Build();

        using var api = JsonDocument.Parse(site.ReadOutput("api/posts.json"));
        Assert.Equal("Opening line with a note.", api.RootElement.GetProperty("posts")[0].GetProperty("summary").GetString());
        Assert.DoesNotContain("Jane Doe", string.Concat(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
        Assert.Equal(2, site.Lines(result).Count(l => l.Contains("PPN017", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_post_folders_own_picture_written_as_its_site_address_is_the_file_beside_it()
    {
        using var site = new TestSite();
        site.WritePost("index", folder: "2021/ab", body: "![Our garden](/posts/ab/photo.png) and [the picture](/posts/ab/photo.png); not [this](/posts/ab/gone.png).");
        using (var photo = new SKBitmap(4, 3))
        using (var data = photo.Encode(SKEncodedImageFormat.Png, 100))
            File.WriteAllBytes(Path.Combine(site.Input, "posts", "2021", "ab", "photo.png"), data.ToArray());

        var result = site.Build();

        Assert.Equal(["input/posts/2021/ab/index.md:9:80: error PPN009: link '/posts/ab/gone.png' does not exist in the post's folder"],
            site.Lines(result).Select(l => l.Split(" (hint:")[0]));
        site.WritePost("index", folder: "2021/ab", body: "![Our garden](/posts/ab/photo.png) and [the picture](/posts/ab/photo.png).");
        Assert.True(site.Build().Succeeded);
        Assert.True(site.OutputExists("posts/ab/photo.png"));
    }

    [Fact]
    public void Feeds_and_the_api_show_headings_as_their_words_alone()
    {
        using var site = new TestSite();
        site.WritePost("sections", body: "Intro.\n\n## Results\n\nText.\n\n### <em>Raw</em> heading\n\n<p>Raw HTML too.</p>");

        Assert.True(site.Build().Succeeded);

        // The page's hover link holds no text: its "#" is the stylesheet's, which feeds and API clients do not load.
        using var api = JsonDocument.Parse(site.ReadOutput("api/posts/sections.json"));
        var body = new HtmlParser().ParseDocument(api.RootElement.GetProperty("content_html").GetString()!).Body!;
        Assert.Equal(["Results", "Raw heading"], body.QuerySelectorAll("h2, h3").Select(h => h.TextContent));
        Assert.Equal(2, body.QuerySelectorAll("h2 a.ppn-heading-anchor, h3 a.ppn-heading-anchor").Length);
        Assert.Contains(".ppn-heading-anchor::after{content:\"#\"}", site.ReadOutput("assets/ppnblog.css").Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_players_embed_code_as_youtube_gives_it_is_kept_without_a_warning()
    {
        using var site = new TestSite();
        site.WritePost("video", body: "Intro.\n\n<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc\" title=\"YouTube video player\" frameborder=\"0\" " +
            "allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share\" referrerpolicy=\"strict-origin-when-cross-origin\" allowfullscreen></iframe>");

        var result = site.Build();

        Assert.True(result.Succeeded);
        Assert.Empty(site.Lines(result));
        var frame = Page(site, "posts/video/index.html").QuerySelector(".ppn-post-body iframe")!;
        Assert.Equal("https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc", frame.GetAttribute("src"));
        Assert.False(frame.HasAttribute("referrerpolicy"));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var site = new TestSite();
        site.WritePost("good");
        Assert.True(site.Build().Succeeded);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToList();

        site.WritePost("bad", commitments: "[nope]");
        site.WritePost("good", title: "Changed title");
        var failed = site.Build();

        Assert.False(failed.Succeeded);
        Assert.Equal(before, Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f))).ToList());
        Assert.DoesNotContain(Directory.GetDirectories(site.Root), d => Path.GetFileName(d).StartsWith("_site.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_theme_syntax_error_names_the_template_line()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var theme = Path.Combine(site.Root, "theme");
        Repository.CopyDirectory(Path.Combine(TestSite.RepositoryRoot, "theme", "layouts"), Path.Combine(theme, "layouts"));
        Repository.CopyDirectory(Path.Combine(TestSite.RepositoryRoot, "theme", "templates"), Path.Combine(theme, "templates"));
        File.WriteAllText(Path.Combine(theme, "templates", "tag.liquid"), "<h1>ok</h1>\n{% if x %}\nunclosed\n");
        File.Copy(Path.Combine(TestSite.RepositoryRoot, "theme", "theme.yml"), Path.Combine(theme, "theme.yml"));

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code.Id == "PPN016" && d.Location.File.EndsWith("templates/tag.liquid", StringComparison.Ordinal));
    }

    private const string TooManySteps = "the page ran more than 10,000,000 Liquid steps or nested includes 100 deep";
    private const string TooLongARange = "the range (1..100000000) has more numbers than the 10,000,000 Liquid steps a page may run";

    [Theory]
    [InlineData("templates/home.liquid", "{% for i in (1..100000) %}{% for j in (1..100000) %}{{ j }}{% endfor %}{% endfor %}", TooManySteps)]
    [InlineData("partials/card.liquid", "{% render 'card' %}", TooManySteps)]
    // Fluid lists a range's numbers before the loop's first step: these stop before that, in a template or a partial.
    [InlineData("templates/home.liquid", "{% for i in (1..100000000) %}{% endfor %}", TooLongARange)]
    [InlineData("partials/card.liquid", "{% assign last = 100000000 %}{% for i in (1..last) %}{{ i }}{% endfor %}", TooLongARange)]
    public void A_runaway_template_stops_the_build_with_a_clear_error(string file, string liquid, string message)
    {
        using var site = new TestSite();
        site.WritePost("one");
        var theme = site.CopyTheme();
        File.WriteAllText(Path.Combine(theme, file), liquid);

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("PPN016", error.Code.Id);
        Assert.Contains(message, error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_theme_asset_published_over_a_page_fails_the_build_instead_of_replacing_the_page()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var theme = Path.Combine(site.Root, "theme");
        foreach (var folder in new[] { "layouts", "templates", "partials", "assets" })
            Repository.CopyDirectory(Path.Combine(TestSite.RepositoryRoot, "theme", folder), Path.Combine(theme, folder));
        var entries = PPNBlog.Generator.Rendering.ThemeAssets.RequiredNames.Select(n => $"  - name: {n}\n    from: assets/css/ppnblog.css\n    to: assets/{n}.css\n");
        File.WriteAllText(Path.Combine(theme, "theme.yml"), "assets:\n" + string.Concat(entries) + "  - name: home\n    from: assets/css/ppnblog.css\n    to: index.html\n");

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("PPN016", 3 * PPNBlog.Generator.Rendering.ThemeAssets.RequiredNames.Count + 4), (error.Code.Id, error.Location.Line));
        Assert.Equal("theme asset path 'index.html' is a file the site makes itself", error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_missing_partial_is_named_at_each_tag_that_renders_it_before_any_page_is_written()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var theme = site.CopyTheme();
        File.Delete(Path.Combine(theme, "partials", "pagination.liquid"));

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.False(result.Succeeded);
        var errors = result.Diagnostics.Where(d => d.Code.Id == "PPN016").ToList();
        Assert.Equal(["commitment.liquid", "home.liquid", "tag.liquid"], errors.Select(e => Path.GetFileName(e.Location.File)).Order());
        Assert.All(errors, e => Assert.Equal("the partial 'pagination' does not exist: there is no theme/partials/pagination.liquid", e.Message));
        var home = errors.Single(e => e.Location.File.EndsWith("home.liquid", StringComparison.Ordinal));
        Assert.Contains("{% render 'pagination'", File.ReadAllLines(Path.Combine(theme, "templates", "home.liquid"))[home.Location.Line - 1][(home.Location.Column - 1)..]);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_partial_syntax_error_names_the_partial_and_its_line_before_any_page_is_written()
    {
        using var site = new TestSite();
        site.WritePost("one");
        var theme = Path.Combine(site.Root, "theme");
        foreach (var folder in new[] { "layouts", "templates", "partials" })
            Repository.CopyDirectory(Path.Combine(TestSite.RepositoryRoot, "theme", folder), Path.Combine(theme, folder));
        File.Copy(Path.Combine(TestSite.RepositoryRoot, "theme", "theme.yml"), Path.Combine(theme, "theme.yml"));
        File.WriteAllText(Path.Combine(theme, "partials", "card.liquid"), "<div>\n<p>{{ post.title }</p>\n");

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code.Id == "PPN016" && d.Location.File.EndsWith("partials/card.liquid", StringComparison.Ordinal));
        Assert.Equal((2, 17), (error.Location.Line, error.Location.Column));
        // On one line, without Fluid's repeat of the position and the source.
        Assert.Equal("Liquid syntax error: End of tag '}}' was expected", error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_layout_may_use_content_as_any_string_not_only_raw()
    {
        // The layout's content is kept in a builder and copied into the page by raw; every other use must see the string.
        using var site = new TestSite();
        site.WritePost("one", title: "Contents & more");
        var theme = site.CopyTheme();
        File.WriteAllText(Path.Combine(theme, "layouts", "base.liquid"),
            "<main>{{ content | raw }}</main>\n<pre id=\"encoded\">{{ content }}</pre>\n<p id=\"size\">{{ content | size }}</p>\n" +
            "{% if content contains \"Contents &amp; more\" %}<p id=\"contains\">yes</p>{% endif %}\n<p id=\"upcase\">{{ content | upcase | raw | size }}</p>\n" +
            "{% assign copy = content %}<div id=\"copy\">{{ copy | raw }}</div><!-- copy -->\n");

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var page = site.ReadOutput("posts/one/index.html");
        var content = Between(page, "<main>", "</main>");
        Assert.Contains("Contents &amp; more", content, StringComparison.Ordinal);
        Assert.Equal(content, System.Net.WebUtility.HtmlDecode(Between(page, "<pre id=\"encoded\">", "</pre>")));
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Between(page, "<p id=\"size\">", "</p>"));
        Assert.Contains("<p id=\"contains\">yes</p>", page, StringComparison.Ordinal);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Between(page, "<p id=\"upcase\">", "</p>"));
        Assert.Equal(content, Between(page, "<div id=\"copy\">", "</div><!-- copy -->"));

        static string Between(string text, string start, string end)
        {
            var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
            return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
        }
    }
}
