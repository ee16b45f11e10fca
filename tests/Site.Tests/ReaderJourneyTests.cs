using Microsoft.Playwright;

namespace PPNBlog.Site.Tests;

/// <summary>What a reader does, in Chromium: keyboard use, browsing by commitment, breadcrumbs and search.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ReaderJourneyTests(BuiltSite site)
{
    private string Url(string path) => new Uri(site.BaseUrl, path).ToString();

    [Theory]
    [InlineData(375, 812)]
    [InlineData(1280, 900)]
    public async Task The_skip_link_comes_first_shows_focus_and_moves_focus_to_the_main_content(int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(Url("commitments/put-people-first/"));

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(".nhsuk-skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.True(await skip.IsVisibleAsync());
        Assert.True(await HasVisibleFocus(page), "the focused skip link shows no focus indicator");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("MainContent", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375, 812)]
    [InlineData(1280, 900)]
    public async Task The_menu_and_pagination_are_reached_by_tab_and_every_stop_shows_focus(int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(Url("commitments/put-people-first/"));
        var reached = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement === document.body ? '' : (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || '').trim().replace(/\\s+/g, ' ')");
            if (focused.Length == 0) continue;
            Assert.True(await HasVisibleFocus(page), $"no visible focus on '{focused}'");
            reached.Add(focused);
        }

        Assert.Contains("Commitments", reached);
        Assert.Contains("Tags", reached);
        Assert.Contains(reached, r => r.StartsWith("Next", StringComparison.Ordinal));
        Assert.Contains("Page 2", reached);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reader_browses_from_home_to_an_archive_its_second_page_a_post_and_back_by_breadcrumbs()
    {
        var page = await site.NewPage(1280, 900);
        await page.GotoAsync(Url(""));

        await page.GetByRole(AriaRole.Link, new() { Name = "Put people first", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Put people first");

        await page.Locator("nav.nhsuk-pagination").GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("commitments/put-people-first/page/2/"));

        var firstPost = page.Locator("main .nhsuk-card__link").First;
        var title = (await firstPost.TextContentAsync())!.Trim();
        await firstPost.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);

        await page.Locator("nav.nhsuk-breadcrumb").GetByRole(AriaRole.Link, new() { Name = "Put people first" }).Last.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Url("commitments/put-people-first/"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_from_the_header_finds_a_post_by_a_word_of_its_body()
    {
        var page = await site.NewPage(1280, 900);
        await page.GotoAsync(Url("posts/small-acts-that-make-a-difference/"));

        // "planted" is a word of one post's body only.
        await page.Locator("#HeaderSearchField").FillAsync("planted");
        await page.Locator("#HeaderSearchField").PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(Url("search/?q=planted"));
        var result = page.Locator(".ppn-search-result a").First;
        await Assertions.Expect(result).ToHaveTextAsync("A garden for the ward");
        await Assertions.Expect(page.Locator("[data-ppn-search-status]")).ToHaveTextAsync("1 post match “planted”.");
        await Assertions.Expect(page.Locator(".ppn-search-result .ppn-meta").First).ToContainTextAsync("Help our communities to thrive");
        await result.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("A garden for the ward");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typing_a_search_shows_the_clear_button_and_every_file_a_page_asks_of_the_site_is_there()
    {
        var page = await site.NewPage(1280, 900);
        var answers = new List<(string Url, int Status)>();
        page.Response += (_, response) => answers.Add((response.Url, response.Status));
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);
        await page.GotoAsync(Url("posts/small-acts-that-make-a-difference/"));

        // The clear button's icon is asked for once the box holds text.
        await page.Locator("#HeaderSearchField").FillAsync("letters");
        await Assertions.Expect(page.Locator("#HeaderSearchField")).ToHaveValueAsync("letters");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var ours = answers.Where(a => a.Url.StartsWith(site.BaseUrl.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, a => a.Url.EndsWith("/assets/images/nhsuk-icon-cross.svg", StringComparison.Ordinal));
        Assert.Equal([], ours.Where(a => a.Status >= 400).Select(a => $"{a.Status} {a.Url}"));
        Assert.Equal([], failed.Where(u => u.StartsWith(site.BaseUrl.ToString(), StringComparison.Ordinal)));
        await page.Context.CloseAsync();
    }

    /// <summary>Whether the focused element is visibly marked: an outline, a box shadow, or a changed background.</summary>
    private static Task<bool> HasVisibleFocus(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const e = document.activeElement;
          const focused = getComputedStyle(e);
          const visible = (focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0)
            || (focused.boxShadow && focused.boxShadow !== 'none')
            || focused.backgroundColor === 'rgb(255, 235, 59)';
          return visible && e.getBoundingClientRect().width > 0;
        }
        """);
}
