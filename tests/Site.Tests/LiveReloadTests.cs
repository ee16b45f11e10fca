using System.Diagnostics;
using Microsoft.Playwright;

namespace PPNBlog.Site.Tests;

/// <summary><c>ppnblog serve</c> as an editor uses it: saving a post updates the open page, with no manual refresh.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class LiveReloadTests(BuiltSite site)
{
    [Fact]
    public async Task Editing_a_post_while_serve_runs_updates_the_open_page()
    {
        var root = Path.Combine(Path.GetTempPath(), "ppnblog-serve-" + Guid.NewGuid().ToString("N")[..12]);
        var input = Path.Combine(root, "input");
        Repository.CopyDirectory(Path.Combine(BuiltSite.RepositoryRoot, "input"), input);
        var port = Loopback.FreePort();
        using var serve = Ppnblog.Start(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--input", input, "--theme", Path.Combine(BuiltSite.RepositoryRoot, "theme"), "--output", Path.Combine(root, "_site")]);
        try
        {
            var ready = new TaskCompletionSource();
            serve.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("Serving ", StringComparison.Ordinal) == true) ready.TrySetResult(); };
            serve.BeginOutputReadLine();
            serve.BeginErrorReadLine();
            await ready.Task.WaitAsync(TimeSpan.FromMinutes(2));

            var page = await site.NewPage(1280, 900);
            await page.GotoAsync($"http://127.0.0.1:{port}/posts/small-acts-that-make-a-difference/");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Small acts that make a difference");
            // An editor's other tabs on the preview: each listens for reloads, and a seventh and eighth still load (a
            // browser gives a site six HTTP connections; a live-reload stream per tab once took them all).
            var tabs = new List<IPage>();
            for (var i = 0; i < 7; i++)
            {
                var tab = await page.Context.NewPageAsync();
                await tab.GotoAsync($"http://127.0.0.1:{port}/", new() { Timeout = 15_000 });
                await Assertions.Expect(tab.Locator("h1")).ToBeVisibleAsync();
                tabs.Add(tab);
            }
            // A marker that goes when a page reloads: nothing here reloads it, so only the live-reload script can.
            foreach (var open in tabs.Prepend(page)) await open.EvaluateAsync("() => window.__beforeTheEdit = true");

            var post = Path.Combine(input, "posts", "2021", "small-acts-that-make-a-difference.md");
            await File.WriteAllTextAsync(post, (await File.ReadAllTextAsync(post)).Replace("title: \"Small acts that make a difference\"", "title: \"Small acts that make a big difference\"", StringComparison.Ordinal));

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Small acts that make a big difference", new() { Timeout = 30_000 });
            Assert.False(await page.EvaluateAsync<bool>("() => window.__beforeTheEdit === true"));
            // The home page lists the post: the last tab opened reloaded too.
            await Assertions.Expect(tabs[^1].GetByText("Small acts that make a big difference").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.False(await tabs[^1].EvaluateAsync<bool>("() => window.__beforeTheEdit === true"));

            // A slip while editing: the open page shows the error where the editor is looking, then the post again once fixed.
            var edited = await File.ReadAllTextAsync(post);
            await File.WriteAllTextAsync(post, edited.Replace("commitments:", "comitments:", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The site did not build", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("pre")).ToContainTextAsync("small-acts-that-make-a-difference.md", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("pre")).ToContainTextAsync("error PPN003: required field 'commitments' is missing");
            await File.WriteAllTextAsync(post, edited);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Small acts that make a big difference", new() { Timeout = 30_000 });
            await page.Context.CloseAsync();
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
