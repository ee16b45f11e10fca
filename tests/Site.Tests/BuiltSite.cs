using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using PPNBlog.Generator.Build;
using PPNBlog.Generator.Serve;

namespace PPNBlog.Site.Tests;

/// <summary>
/// The real content of input/ plus enough generated posts to paginate an archive and a tag, built with the real
/// theme, served on 127.0.0.1, and a headless Debian Chromium driven by Playwright. Built once for all the tests.
/// </summary>
public sealed class BuiltSite : IAsyncLifetime
{
    /// <summary>A small PNG (40×30) for the post with an image.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAKUlEQVR4nO3NMQ0AAAgDsClFJ/ImA44m/ZvM3hCLxWKxWCwWi8Vi8d+4wMkXbD7lJQoAAAAASUVORK5CYII=";

    public const string Chromium = "/usr/bin/chromium";

    private WebApplication? _server;

    public static string RepositoryRoot => Repository.Root;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ppnblog-browser-" + Guid.NewGuid().ToString("N")[..12]);

    public string Output => Path.Combine(Root, "_site");

    public Uri BaseUrl { get; private set; } = null!;

    public BuildResult Build { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Phone and desktop viewports.</summary>
    public static readonly (string Name, int Width, int Height)[] Viewports = [("phone", 375, 812), ("desktop", 1280, 900)];

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"Chromium is not installed at {Chromium}: run ./test.sh as root, or apt-get install chromium");
        var input = Path.Combine(Root, "input");
        Repository.CopyDirectory(Path.Combine(RepositoryRoot, "input"), input);
        WriteGeneratedPosts(input);
        var port = Loopback.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        Build = SiteBuilder.Build(new BuildOptions(input, Path.Combine(RepositoryRoot, "theme"), Output, BaseUrl, Now: new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)));
        if (!Build.Succeeded) throw new InvalidOperationException("the test site did not build:\n" + string.Join('\n', Build.Diagnostics));
        // The site is built before the server starts: said to it, as serve says it after its first build.
        var reload = new LiveReload();
        reload.Built();
        _server = await DevServer.StartAsync(Output, port, reload);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh page at a viewport size.</summary>
    public async Task<IPage> NewPage(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    /// <summary>Where screenshots are kept for people to look at (tests/Site.Tests/screenshots/, ignored by git).</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryRoot, "tests", "Site.Tests", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    /// <summary>A title of one 120-letter word, the newest post's: on the home page, its archive, its tag and beside other posts.</summary>
    public static readonly string LongWordTitle = string.Concat(Enumerable.Repeat("Psychologicalprofessions", 5));

    /// <summary>The post with that title, whose body has a code line and a link too long for a phone.</summary>
    public const string LongWordPath = "posts/a-long-word/";

    /// <summary>
    /// Twelve more posts for "Put people first" (so its archive has two pages), one with an image, one whose headings are
    /// named like parts of the page, and one with words and a code line wider than a phone.
    /// </summary>
    private static void WriteGeneratedPosts(string input)
    {
        string[] places = ["Leeds", "Truro", "Carlisle", "Norwich", "Derby", "Exeter", "Hull", "Luton", "Bolton", "Crewe", "Dover", "Wigan"];
        for (var i = 0; i < places.Length; i++)
        {
            var slug = $"listening-clinic-{places[i].ToLowerInvariant()}";
            var text = $"""
                ---
                title: "What a listening clinic in {places[i]} taught us"
                date: 2022-{i + 1:00}-15
                author: Test Author {i + 1}
                role: Clinical psychologist, a community mental health team
                commitments: [put-people-first]
                tags: [co-production, listening]
                summary: "How a weekly listening clinic in {places[i]} changed the way the team plans its care."
                aliases: [/posts/{slug}-2022/]
                ---

                Every Tuesday afternoon the team in {places[i]} opens a listening clinic. People who use the service come
                to tell us what works and what does not, and a member of staff writes down what they hear.

                ## What changed

                After six months the team had changed its letters, its waiting room and the way it explains a first
                appointment. People said they felt heard, and staff said they understood the service better.

                ## What we would do again

                - Keep the clinic at the same time every week.
                - Share what changed, so people can see their words made a difference.
                """;
            File.WriteAllText(Path.Combine(input, "posts", "2021", slug + ".md"), text.Replace("\r\n", "\n"));
        }
        var bundle = Path.Combine(input, "posts", "2022", "a-garden-for-the-ward");
        Directory.CreateDirectory(bundle);
        File.WriteAllBytes(Path.Combine(bundle, "garden.png"), Convert.FromBase64String(Png));
        File.WriteAllText(Path.Combine(bundle, "index.md"), """
            ---
            title: "A garden for the ward"
            date: 2022-06-01
            author: Test Gardener
            commitments: [help-our-communities-to-thrive]
            tags: [outdoors]
            ---

            Patients and staff planted a small garden outside the ward together, with help from a local charity.

            ![Raised beds of herbs and flowers outside the ward](garden.png)

            The garden is now a quiet place to talk, and the people who planted it look after it.
            """);
        // Headings named like parts of every page (the search form, the menu button, the main content): their ids must
        // not repeat the theme's, which the HTML checker would refuse and which would send the skip link astray.
        File.WriteAllText(Path.Combine(input, "posts", "2022", "finding-the-evidence.md"), """
            ---
            title: "Finding the evidence"
            date: 2022-07-01
            author: Test Librarian
            commitments: [transform-and-innovate]
            ---

            ## Search

            We began with a search of the literature, then asked the team what they had read.

            ## Search field

            Each search field was agreed with the clinicians.

            ## Toggle menu

            The library's catalogue has a toggle menu for filters.

            ## maincontent

            A heading as odd as this one still gets an id of its own.
            """);
        var code = "const counts = [" + string.Join(", ", Enumerable.Range(1, 80)) + "];";
        File.WriteAllText(Path.Combine(input, "posts", "2022", "a-long-word.md"), $"""
            ---
            title: "{LongWordTitle}"
            date: 2023-01-10
            author: Test Typesetter
            commitments: [unite-and-increase-diversity]
            tags: [typesetting]
            summary: "{LongWordTitle} in a summary."
            ---

            A word as long as the title, {LongWordTitle}, and a link as long: <https://example.org/{LongWordTitle}>.

            ```
            {code}
            ```

            | Term | Profession | Setting |
            |---|---|---|
            | {LongWordTitle} | Clinical psychologist | Community mental health teams |
            """);
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "built site";
}
