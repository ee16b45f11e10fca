using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace PPNBlog.Site.Tests;

/// <summary>axe-core on every page type, at a phone width and a desktop width: no WCAG 2.2 AA violations.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class AccessibilityTests(BuiltSite site)
{
    /// <summary>One page of each type.</summary>
    public static TheoryData<string, string> PageTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, path) in new[]
        {
            ("home", ""), ("post", "posts/small-acts-that-make-a-difference/"), ("post-with-image", "posts/a-garden-for-the-ward/"),
            ("post-with-long-words-and-code", BuiltSite.LongWordPath),
            ("commitment", "commitments/put-people-first/"), ("commitment-page-2", "commitments/put-people-first/page/2/"),
            ("commitments", "commitments/"), ("tag", "tags/co-production/"), ("tags", "tags/"), ("page", "contribute/"),
            ("search", "search/?q=listening"), ("404", "no-such-page/"),
        })
        {
            foreach (var viewport in BuiltSite.Viewports) data.Add(name + "-" + viewport.Name, path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_page_type_has_no_wcag_22_aa_violations(string name, string path)
    {
        var viewport = BuiltSite.Viewports.Single(v => name.EndsWith("-" + v.Name, StringComparison.Ordinal));
        var page = await site.NewPage(viewport.Width, viewport.Height);
        var response = await page.GotoAsync(new Uri(site.BaseUrl, path).ToString(), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        Assert.Equal(name.StartsWith("404", StringComparison.Ordinal) ? 404 : 200, response!.Status);
        if (name.StartsWith("search", StringComparison.Ordinal))
            await page.WaitForSelectorAsync(".ppn-search-result");
        await page.ScreenshotAsync(new() { Path = BuiltSite.ScreenshotPath(name), FullPage = true });

        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        Assert.True(results.Violations.Length == 0, string.Join('\n', results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(' ', n.Target)))}")));
        Assert.NotEmpty(results.Passes);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_section_heading_is_named_by_its_words_alone()
    {
        // Its "#" link, inside it, would otherwise be read as part of its name: every heading twice, moving by headings.
        var page = await site.NewPage(BuiltSite.Viewports[0].Width, BuiltSite.Viewports[0].Height);
        await page.GotoAsync(new Uri(site.BaseUrl, "posts/day-one-a-vision-for-the-psychological-professions/").ToString());
        var heading = page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "The five commitments", Exact = true });
        Assert.Equal(1, await heading.CountAsync());
        Assert.Equal("the-five-commitments", await heading.GetAttributeAsync("id"));
        await page.Context.CloseAsync();
    }
}
