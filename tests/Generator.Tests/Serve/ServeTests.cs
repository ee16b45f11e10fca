using System.Diagnostics;
using System.Net;

namespace PPNBlog.Generator.Tests.Serve;

/// <summary>Runs the real <c>ppnblog serve</c> process and talks to it over HTTP on 127.0.0.1.</summary>
public class ServeTests
{
    // Signals straight from libc: no dependence on a kill program being installed.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Serve_rebuilds_on_an_edit_and_tells_open_tabs_to_reload()
    {
        using var site = new TestSite();
        var post = site.WritePost("one", title: "First title");
        // "other" is neither a neighbour of "one" by date nor related to it: its page never shows "one".
        site.WritePost("middle", date: "2020-06-01", title: "A post between");
        site.WritePost("other", date: "2020-01-01", commitments: "[transform-and-innovate]", title: "Another post");
        var port = Loopback.FreePort();
        using var server = Ppnblog.Start(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilServing(http, server);

            var page = await http.GetStringAsync("posts/one/");
            Assert.Contains("First title", page);
            Assert.Contains("/__livereload", page);
            Assert.DoesNotContain("/__livereload", site.ReadOutput("posts/one/index.html"));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("no/such/page/")).StatusCode);
            // An encoded ".." reaches no file beside the site folder: it is not found, as any other missing page.
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(site.Output)!, "secret.txt"), "not for the web");
            using var escape = await http.GetAsync("..%2fsecret.txt");
            Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
            Assert.DoesNotContain("not for the web", await escape.Content.ReadAsStringAsync());
            using var css = await http.GetAsync("assets/nhsuk-frontend.min.css");
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

            using var tab = await ListenForReload(port);

            var otherWritten = File.GetLastWriteTimeUtc(Path.Combine(site.Output, "posts", "other", "index.html"));
            var entry = Path.Combine(site.Output, "pagefind", "pagefind-entry.json");
            var indexed = File.GetLastWriteTimeUtc(entry);
            File.WriteAllText(post, File.ReadAllText(post).Replace("First title", "Second title"));
            await NextReload(tab);

            Assert.Contains("Second title", await http.GetStringAsync("posts/one/"));
            Assert.Contains("Second title", await http.GetStringAsync(""));
            // No page, feed or API file anywhere still holds the old title; a page that never showed the post was not
            // rewritten; the search index was rebuilt whole.
            var stale = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}pagefind{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(f => File.ReadAllText(f).Contains("First title", StringComparison.Ordinal)).ToList();
            Assert.Empty(stale);
            Assert.Equal(otherWritten, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "posts", "other", "index.html")));
            // The search index follows the reload: made beside the site and swapped in whole.
            var waited = Stopwatch.StartNew();
            while (!(File.Exists(entry) && File.GetLastWriteTimeUtc(entry) > indexed) && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
            Assert.True(File.GetLastWriteTimeUtc(entry) > indexed, "the search index was not made again after the edit");
            Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind.js")));
            // The index it replaced is deleted just after the swap.
            var parent = Path.GetDirectoryName(site.Output)!;
            while (Directory.EnumerateDirectories(parent, "_site.pagefind-*").Any() && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
            Assert.Empty(Directory.EnumerateDirectories(parent, "_site.pagefind-*"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task While_a_build_has_failed_every_page_shows_its_errors_until_a_save_fixes_them()
    {
        using var site = new TestSite();
        var post = site.WritePost("one", title: "First title");
        var good = File.ReadAllText(post);
        // The first build already fails: the editor sees why, not an empty "not found".
        File.WriteAllText(post, good.Replace("title: \"First title\"\n", "", StringComparison.Ordinal));
        var port = Loopback.FreePort();
        using var server = Ppnblog.Start(["serve", "--no-search", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var failed = await WaitUntilAnswering(http, server, "");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
            Assert.Contains("<h1>The site did not build</h1>", failed.Body);
            Assert.Contains("input/posts/2021/one.md:1:1: error PPN003: required field &#x27;title&#x27; is missing", failed.Body);
            Assert.Contains("/__livereload", failed.Body);

            using var tab = await ListenForReload(port);
            File.WriteAllText(post, good);
            await NextReload(tab);
            var fixedPage = await http.GetAsync("posts/one/");
            Assert.Equal(HttpStatusCode.OK, fixedPage.StatusCode);
            Assert.Contains("First title", await fixedPage.Content.ReadAsStringAsync());

            // Broken again after a good build: pages show the errors; assets are still served; the good site stays on disk.
            using var tab2 = await ListenForReload(port);
            File.WriteAllText(post, good.Replace("commitments: [put-people-first]", "commitments: [put-people-frist]", StringComparison.Ordinal));
            await NextReload(tab2);
            using var broken = await http.GetAsync("posts/one/");
            Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
            var body = await broken.Content.ReadAsStringAsync();
            Assert.Contains("error PPN006", body);
            Assert.Contains("put-people-frist", body);
            Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("no/such/page/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("assets/nhsuk-frontend.min.css")).StatusCode);
            Assert.Contains("First title", site.ReadOutput("posts/one/index.html"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>
    /// A folder asked for without its slash is sent to it on this site, never to the host a browser would read from the
    /// redirect: "//evil.example/…" leaves the site, and so does "/\\evil.example/…", and "/\t/evil.example/…" once the
    /// browser drops the tab. A path holding a control character (an encoded tab, line break or C1 control) names no file
    /// of the site: it is not found, never such a redirect nor a failure to write one (a line break cannot be in a header).
    /// Requests are written on the socket as given, so no client tidies them first.
    /// </summary>
    [Fact]
    public async Task A_redirect_goes_to_a_path_of_this_site_and_a_path_with_a_control_character_is_not_found()
    {
        (string Target, int Status, string? Location)[] expected =
        [
            ("/posts", 302, "/posts/"),
            ("//evil.example/..%2fposts", 302, "/evil.example/..%2fposts/"),
            ("/%5Cevil.example/..%2fposts", 302, "/%5Cevil.example/..%2fposts/"),
            ("/\\evil.example/..%2fposts?page=2", 302, "/%5Cevil.example/..%2fposts/?page=2"),
            ("/%2F%2Fevil.example/..%2fposts", 302, "/%2F%2Fevil.example/..%2fposts/"),
            ("/%09/evil.example/..%2f..%2fposts", 404, null),
            ("/%0a/evil.example/..%2f..%2fposts", 404, null),
            ("/%0d%0aSet-Cookie:%20a=b/..%2fposts", 404, null),
            ("/%C2%85/evil.example/..%2f..%2fposts", 404, null),
            ("/posts%09", 404, null),
        ];
        await using var served = await ServedSite.StartAsync();
        var answered = new List<(string, int, string?)>();
        foreach (var (target, _, _) in expected)
        {
            var response = await served.SendAsync("GET", target);
            answered.Add((target, response.Status, response.Header("Location")));
        }
        Assert.Equal(expected, answered);
    }

    [Fact]
    public async Task Files_are_served_by_their_encoded_names_whole_or_in_ranges_and_never_through_a_link_leading_outside()
    {
        await using var served = await ServedSite.StartAsync();
        var output = served.Site.Output;
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(Path.Combine(output, "posts", "one", "Report%20v2.pdf"), bytes);
        var outside = Path.Combine(Path.GetDirectoryName(output)!, "outside.txt");
        File.WriteAllText(outside, "not for the web");
        File.CreateSymbolicLink(Path.Combine(output, "link.txt"), outside);
        using var http = served.Client();

        using var whole = await http.GetAsync("posts/one/Report%2520v2.pdf");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(200, whole.Content.Headers.ContentLength);
        using var request = new HttpRequestMessage(HttpMethod.Get, "posts/one/Report%2520v2.pdf") { Headers = { Range = new System.Net.Http.Headers.RangeHeaderValue(100, 149) } };
        using var part = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[100..150], await part.Content.ReadAsByteArrayAsync());
        using var link = await http.GetAsync("link.txt");
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        Assert.DoesNotContain("not for the web", await link.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_editors_swap_file_reloads_no_tab_and_a_tab_that_missed_a_rebuild_reloads_as_it_connects()
    {
        await using var served = await ServedSite.StartAsync();
        using var http = served.Client();
        var since = System.Text.RegularExpressions.Regex.Match(await http.GetStringAsync("posts/one/"), @"/__livereload\?since=(\d+)").Groups[1].Value;
        Assert.NotEmpty(since);

        using var tab = await ListenForReload(served.Port, since);
        var post = Path.Combine(served.Site.Input, "posts", "2021", "one.md");
        // Vim's swap file, rewritten as one types, and its write test: neither is content, so no tab reloads.
        File.WriteAllText(Path.Combine(served.Site.Input, "posts", "2021", ".one.md.swp"), "swap");
        File.WriteAllText(Path.Combine(served.Site.Input, "posts", "2021", "4913"), "");
        var reloaded = NextReload(tab);
        Assert.NotSame(reloaded, await Task.WhenAny(reloaded, Task.Delay(1500)));

        File.WriteAllText(post, File.ReadAllText(post).Replace("Post one", "Renamed one", StringComparison.Ordinal));
        await reloaded;
        var timeout = Stopwatch.StartNew();
        while (!(await http.GetStringAsync("posts/one/")).Contains("Renamed one", StringComparison.Ordinal) && timeout.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        // A tab served before that rebuild, connecting only now, hears of it at once.
        using var late = await ListenForReload(served.Port, since);
        await NextReload(late);
    }

    [Fact]
    public async Task A_content_folder_replaced_whole_is_watched_again()
    {
        await using var served = await ServedSite.StartAsync();
        using var http = served.Client();
        var input = served.Site.Input;
        var post = Path.Combine(input, "posts", "2021", "one.md");

        // As a copy from elsewhere does: the folder goes, and another takes its place.
        using (var tab = await ListenForReload(served.Port))
        {
            Directory.Move(input, input + "-old");
            Repository.CopyDirectory(input + "-old", input + "-new");
            File.WriteAllText(Path.Combine(input + "-new", "posts", "2021", "one.md"),
                File.ReadAllText(Path.Combine(input + "-old", "posts", "2021", "one.md")).Replace("Post one", "Replaced one", StringComparison.Ordinal));
            Directory.Move(input + "-new", input);
            await NextReload(tab);
        }
        await WaitForPage(http, "Replaced one");

        // Edits in the new folder are seen.
        File.WriteAllText(post, File.ReadAllText(post).Replace("Replaced one", "Edited one", StringComparison.Ordinal));
        await WaitForPage(http, "Edited one");
    }

    [Fact]
    public async Task A_file_of_the_themes_npm_packages_that_the_theme_publishes_is_published_again_when_npm_changes_it()
    {
        await using var served = await ServedSite.StartAsync(site =>
        {
            // The theme with real copies of the package files theme.yml lists, as 'npm ci' leaves them, for this test to change.
            var theme = site.CopyTheme();
            Directory.Delete(Path.Combine(theme, "node_modules"));
            foreach (var from in File.ReadLines(Path.Combine(theme, "theme.yml")).Select(l => l.Trim()).Where(l => l.StartsWith("from: node_modules/", StringComparison.Ordinal)))
            {
                var file = Path.Combine(theme, from["from: ".Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.Copy(Path.Combine(TestSite.RepositoryRoot, "theme", from["from: ".Length..]), file);
            }
            return theme;
        });
        var package = Path.Combine(served.Site.Root, "theme", "node_modules", "nhsuk-frontend");
        var published = Path.Combine(served.Site.Output, "assets", "nhsuk-frontend.min.css");
        var pageWritten = File.GetLastWriteTimeUtc(Path.Combine(served.Site.Output, "posts", "one", "index.html"));

        // A file of the package that is not published (its read-me) changes nothing.
        using var tab = await ListenForReload(served.Port);
        File.WriteAllText(Path.Combine(package, "README.md"), "A newer version.");
        var reloaded = NextReload(tab);
        Assert.NotSame(reloaded, await Task.WhenAny(reloaded, Task.Delay(1500)));

        // 'npm update' writes a newer stylesheet: it is published, and only it.
        File.AppendAllText(Path.Combine(package, "dist", "nhsuk", "nhsuk-frontend.min.css"), "\n.from-a-newer-version{color:#005eb8}");
        await reloaded;
        Assert.Contains(".from-a-newer-version", File.ReadAllText(published), StringComparison.Ordinal);
        Assert.Equal(pageWritten, File.GetLastWriteTimeUtc(Path.Combine(served.Site.Output, "posts", "one", "index.html")));
    }

    /// <summary>Waits until serve's page of post "one" shows <paramref name="title"/>.</summary>
    private static async Task WaitForPage(HttpClient http, string title)
    {
        var timeout = Stopwatch.StartNew();
        while (!(await http.GetStringAsync("posts/one/")).Contains(title, StringComparison.Ordinal) && timeout.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.Contains(title, await http.GetStringAsync("posts/one/"));
    }

    /// <summary>Serve answers as a static host does: GET and HEAD (live reload's handshake too), every other method 405.</summary>
    [Fact]
    public async Task Only_get_and_head_are_answered()
    {
        await using var served = await ServedSite.StartAsync();
        string[] others = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"];
        foreach (var method in others)
        {
            foreach (var target in new[] { "/", "/posts/one/", "/no/such/page/", "/__livereload" })
            {
                var refused = await served.SendAsync(method, target);
                Assert.True(refused.Status == 405, $"{method} {target} answered {refused.Status}");
                Assert.Equal("GET, HEAD", refused.Header("Allow"));
            }
        }
        var head = await served.SendAsync("HEAD", "/posts/one/");
        Assert.Equal(200, head.Status);
        Assert.StartsWith("text/html", head.Header("Content-Type"));
        Assert.Equal(200, (await served.SendAsync("GET", "/posts/one/")).Status);
        // Live reload answers only a WebSocket's handshake.
        Assert.Equal(400, (await served.SendAsync("GET", "/__livereload")).Status);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_stops_cleanly_on_sigterm_and_ctrl_c(string signal)
    {
        using var site = new TestSite();
        site.WritePost("one");
        var port = Loopback.FreePort();
        using var server = Ppnblog.Start(["serve", "--no-search", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilServing(http, server);

            Assert.Equal(0, Kill(server.Id, signal == "TERM" ? 15 : 2));
            // The web host takes the signal; serve must stop with it (it used to keep running until killed).
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_port_in_use_is_said_at_once_without_building()
    {
        using var site = new TestSite();
        site.WritePost("one");
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, error) = await Ppnblog.RunAsync(["serve", "--no-search", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--input", site.Input, "--theme", Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output], new Dictionary<string, string?>());

        Assert.Equal(2, code);
        Assert.Contains($"ppnblog: cannot serve on 127.0.0.1:{port}:", error);
        Assert.Contains("choose another with --port", error);
        Assert.False(Directory.Exists(site.Output));
    }

    /// <summary>The first answer serve gives for <paramref name="path"/>, whatever its status.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> WaitUntilAnswering(HttpClient http, Process server, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) Assert.Fail($"ppnblog serve exited: {await server.StandardError.ReadToEndAsync()}");
            try
            {
                using var response = await http.GetAsync(path);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        Assert.Fail("ppnblog serve did not answer within 60 s");
        return default;
    }

    /// <summary>A tab's live-reload connection, as the page's script opens it: listening once this returns.</summary>
    private static async Task<System.Net.WebSockets.ClientWebSocket> ListenForReload(int port, string? since = null)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/__livereload" + (since is null ? "" : "?since=" + since)), CancellationToken.None);
        return socket;
    }

    /// <summary>Waits for the message that tells a tab to reload.</summary>
    private static async Task NextReload(System.Net.WebSockets.ClientWebSocket tab)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64];
        var received = await tab.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal("reload", System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count));
    }

    /// <summary>A status line's code and the headers of one answer, read off the socket.</summary>
    private sealed record RawResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers)
    {
        /// <summary>The value of header <paramref name="name"/>, or null when the answer has none.</summary>
        public string? Header(string name) => Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }

    /// <summary><c>ppnblog serve --no-search</c> of a one-post site, answering; stopped on dispose.</summary>
    private sealed class ServedSite : IAsyncDisposable
    {
        private readonly TestSite _site;
        private readonly Process _server;

        private ServedSite(TestSite site, Process server, int port) => (_site, _server, Port) = (site, server, port);

        public int Port { get; }

        /// <summary>The site being served.</summary>
        public TestSite Site => _site;

        /// <param name="theme">Makes the theme folder to serve with, in the site's folder; the repository's theme when null.</param>
        public static async Task<ServedSite> StartAsync(Func<TestSite, string>? theme = null)
        {
            var site = new TestSite();
            site.WritePost("one");
            var port = Loopback.FreePort();
            var served = new ServedSite(site, Ppnblog.Start(["serve", "--no-search", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--input", site.Input, "--theme", theme?.Invoke(site) ?? Path.Combine(TestSite.RepositoryRoot, "theme"), "--output", site.Output]), port);
            using var http = served.Client();
            await WaitUntilServing(http, served._server);
            return served;
        }

        /// <summary>A client of the served site that does not follow redirects.</summary>
        public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false })
            { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(30) };

        /// <summary>Sends <paramref name="method"/> <paramref name="target"/> exactly as written, as a browser or curl may send it.</summary>
        public async Task<RawResponse> SendAsync(string method, string target)
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nConnection: close\r\n\r\n"));
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            var status = int.Parse((await reader.ReadLineAsync())!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var headers = new List<(string, string)>();
            for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                headers.Add((line[..line.IndexOf(':', StringComparison.Ordinal)], line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()));
            return new RawResponse(status, headers);
        }

        public async ValueTask DisposeAsync()
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
            _server.Dispose();
            _site.Dispose();
        }
    }

    private static async Task WaitUntilServing(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) Assert.Fail($"ppnblog serve exited: {await server.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await http.GetAsync("")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        Assert.Fail("ppnblog serve did not start within 60 s");
    }

}
