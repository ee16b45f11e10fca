using System.Text.Json;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>The search stage: Pagefind indexes post bodies as the build's last step, or the build warns and goes on.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void Posts_are_indexed_and_the_search_page_and_header_box_point_at_the_index()
    {
        using var site = new TestSite();
        site.WritePost("walking-groups", body: "Our walking groups meet every Thursday by the canal.", extra: "tags: [wellbeing]\n");
        var result = site.Build();

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id == "PPN022");
        using var entry = JsonDocument.Parse(site.ReadOutput("pagefind/pagefind-entry.json"));
        // Only post pages carry data-pagefind-body: one post, one indexed page.
        Assert.Equal(1, entry.RootElement.GetProperty("languages").EnumerateObject().Sum(l => l.Value.GetProperty("page_count").GetInt32()));
        Assert.True(site.OutputExists("pagefind/pagefind.js"));
        var search = site.ReadOutput("search/index.html");
        // The fixture site lives below /blog/.
        Assert.Contains("data-pagefind=\"/blog/pagefind/pagefind.js\" data-base-url=\"/blog/\"", search);
        Assert.Contains("<script type=\"module\" src=\"/blog/assets/search.js\"></script>", search);
        Assert.True(site.OutputExists("assets/search.js"));
        Assert.Contains("action=\"/blog/search/\"", site.ReadOutput("index.html"));
        var post = site.ReadOutput("posts/walking-groups/index.html");
        Assert.Contains("data-pagefind-body", post);
        Assert.Contains("data-pagefind-filter=\"commitment\"", post);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void When_pagefind_cannot_run_the_site_is_still_built_with_a_warning_that_says_how_to_fix_it()
    {
        using var site = new TestSite();
        site.WritePost("walking-groups");
        var theme = ThemeWithPagefind(site, "echo 'Error: could not read the site' >&2\nexit 1");

        var result = PPNBlog.Generator.Build.SiteBuilder.Build(site.Options() with { ThemeDirectory = theme });

        Assert.True(result.Succeeded, string.Join('\n', site.Lines(result)));
        Assert.Equal("theme/package.json:1:1: warning PPN022: search index not built: Pagefind failed (Error: could not read the site) (hint: Run 'npm ci' in theme/ (it installs Pagefind), then build again; the rest of the site is fine.)",
            Assert.Single(site.Lines(result)));
        Assert.True(site.OutputExists("posts/walking-groups/index.html"));
        Assert.False(site.OutputExists("pagefind/pagefind.js"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Cancelled_indexing_stops_pagefind_and_leaves_the_served_index_as_it_was()
    {
        using var site = new TestSite();
        site.WritePost("walking-groups");
        // A Pagefind that writes its bundle only after a long while: serve cancels it when a newer edit arrives.
        var theme = ThemeWithPagefind(site, "sleep 30\nmkdir -p \"$6\" && echo late > \"$6/pagefind.js\"");
        var index = Path.Combine(site.Output, "pagefind");
        Directory.CreateDirectory(index);
        File.WriteAllText(Path.Combine(index, "pagefind.js"), "the index before the edit");
        var diagnostics = new PPNBlog.Content.Diagnostics.DiagnosticList();
        using var newerEdit = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        PPNBlog.Generator.Output.SearchIndexer.Index(site.Output, theme, diagnostics, replace: true, newerEdit.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"indexing ran on for {clock.Elapsed} after it was cancelled");
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal("the index before the edit", File.ReadAllText(Path.Combine(index, "pagefind.js")));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, "_site.pagefind-*"));
    }

    /// <summary>A copy of the theme whose Pagefind is a shell script with <paramref name="body"/>.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string ThemeWithPagefind(TestSite site, string body)
    {
        var theme = Path.Combine(site.Root, "theme");
        foreach (var folder in new[] { "layouts", "templates", "partials", "assets" })
            Repository.CopyDirectory(Path.Combine(TestSite.RepositoryRoot, "theme", folder), Path.Combine(theme, folder));
        File.Copy(Path.Combine(TestSite.RepositoryRoot, "theme", "theme.yml"), Path.Combine(theme, "theme.yml"));
        Directory.CreateDirectory(Path.Combine(theme, "node_modules", ".bin"));
        Directory.CreateSymbolicLink(Path.Combine(theme, "node_modules", "nhsuk-frontend"), Path.Combine(TestSite.RepositoryRoot, "theme", "node_modules", "nhsuk-frontend"));
        var pagefind = Path.Combine(theme, "node_modules", ".bin", "pagefind");
        File.WriteAllText(pagefind, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(pagefind, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return theme;
    }
}
