using Microsoft.Playwright;

namespace PPNBlog.Site.Tests;

/// <summary>Reflow (WCAG 1.4.10): at 320 CSS pixels wide no page scrolls sideways, whatever words or code a post holds.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ReflowTests(BuiltSite site)
{
    /// <summary>Every page showing the post whose title is one 120-letter word: the post, home, its archives and tag, its neighbours and related posts.</summary>
    private List<string> PagesShowingTheLongWord() => Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(site.Output, f).StartsWith("pagefind", StringComparison.Ordinal))
        .Where(f => File.ReadAllText(f).Contains(BuiltSite.LongWordTitle, StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(site.Output, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
        .Select(p => p == "./" ? "" : p).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task No_page_showing_a_one_word_title_or_a_long_code_line_scrolls_sideways_at_320_pixels()
    {
        var paths = PagesShowingTheLongWord();
        Assert.Contains(BuiltSite.LongWordPath, paths);
        Assert.Contains("", paths);
        Assert.Contains("commitments/unite-and-increase-diversity/", paths);
        Assert.Contains("tags/typesetting/", paths);
        Assert.True(paths.Count >= 6, "the post, home, its archive and its blogs filter, its tag and a neighbour: " + string.Join(", ", paths));

        var page = await site.NewPage(320, 640);
        var overflowing = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(new Uri(site.BaseUrl, path).ToString());
            var (scroll, client) = await Widths(page, "document.documentElement");
            if (scroll > client) overflowing.Add($"/{path}: {scroll} px wide in a {client} px window");
        }
        Assert.True(overflowing.Count == 0, string.Join('\n', overflowing));

        // The post's code line scrolls inside its own block, and its title wraps, on the whole page in view.
        await page.GotoAsync(new Uri(site.BaseUrl, BuiltSite.LongWordPath).ToString());
        var (codeScroll, codeClient) = await Widths(page, "document.querySelector('main pre')");
        Assert.True(codeScroll > 2 * codeClient, $"the code line is {codeScroll} px in a {codeClient} px block: not the long line under test");
        Assert.Equal("auto", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main pre')).overflowX"));
        Assert.True(await page.EvaluateAsync<int>("document.querySelector('h1').getClientRects()[0].height") > 100, "the title is not wrapped onto several lines");
        await page.ScreenshotAsync(new() { Path = BuiltSite.ScreenshotPath("post-long-word-320"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Ordinary_words_are_not_broken_to_fit_a_table_or_a_heading_at_a_phone_or_a_desktop_width()
    {
        foreach (var width in new[] { 320, 800, 1280 })
        {
            var page = await site.NewPage(width, 900);
            await page.GotoAsync(new Uri(site.BaseUrl, BuiltSite.LongWordPath).ToString());
            // Each word, unbroken, measured in its own element: wider than the element's box means it was broken to fit.
            var broken = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main th, main td, main h2, main .nhsuk-card__heading')]
                  .filter(e => !e.textContent.includes('Psychologicalprofessions'))
                  .flatMap(e => e.textContent.trim().split(/\s+/).filter(word => {
                    const style = getComputedStyle(e);
                    const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    const probe = document.createElement('span');
                    probe.textContent = word;
                    probe.style.whiteSpace = 'nowrap';
                    e.append(probe);
                    const wide = probe.getBoundingClientRect().width > room + 0.5;
                    probe.remove();
                    return wide;
                  }).map(word => `${e.tagName}: "${word}"`))
                """);
            Assert.True(broken.Length == 0, $"at {width} px: " + string.Join(", ", broken));
            // The table too wide for the column scrolls in its own box instead.
            var (scroll, client) = await Widths(page, "document.querySelector('main .ppn-table-wrapper')");
            Assert.True(scroll > client, $"at {width} px the table with a 120-letter word fits its {client} px wrapper: were its words broken?");
            await page.Context.CloseAsync();
        }
    }

    private static async Task<(int Scroll, int Client)> Widths(IPage page, string element)
    {
        var widths = await page.EvaluateAsync<int[]>($"(() => {{ const e = {element}; return [e.scrollWidth, e.clientWidth]; }})()");
        return (widths[0], widths[1]);
    }
}
