using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using PPNBlog.Content.Sources;

namespace PPNBlog.Generator.Serve;

/// <summary>
/// Serves the built site on 127.0.0.1 as a static host would (index.html for folders, 404.html for the rest),
/// adding the live-reload script to HTML responses only.
/// </summary>
public static class DevServer
{
    /// <summary>Starts serving <paramref name="siteRoot"/>; the returned app is stopped by disposing it.</summary>
    public static async Task<WebApplication> StartAsync(string siteRoot, int port, LiveReload reload)
    {
        // The host would watch its content root (the working folder, by default: a repository with its _site, .git and
        // node_modules) for configuration changes, one inotify watch per folder, until the system's limit left none for
        // input/ and theme/ and serve stopped seeing edits. It reads no configuration files: nothing is watched.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var root = Path.GetFullPath(siteRoot);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".json"] = "application/json";

        // A static host reads files and nothing else: live reload starts with a GET too (a WebSocket's handshake).
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
        });

        // Live reload over a WebSocket, not a stream of events: browsers give a site six HTTP connections, and a stream
        // held open by each tab left a seventh tab waiting for its page. WebSockets are not counted among the six.
        app.UseWebSockets();
        app.MapGet(LiveReload.Path, async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            // A build that finished after the page was served, before the tab connected, reloads it at once.
            var next = reload.NextBuild;
            if (!int.TryParse(context.Request.Query["since"], out var since) || since >= reload.Version)
            {
                // The wait ends with the build, the tab closing (the browser's close arrives as a message) or serve stopping.
                using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, app.Lifetime.ApplicationStopping);
                var closed = socket.ReceiveAsync(new byte[1], gone.Token);
                await Task.WhenAny(next, closed);
                if (!next.IsCompleted)
                {
                    gone.Cancel();
                    return;
                }
            }
            await socket.SendAsync("reload"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "built", context.RequestAborted);
        });

        // Every other path (files included, which MapFallback would skip) is served from the site folder.
        app.Map("/{**path}", async context =>
        {
            await reload.FirstBuild.WaitAsync(context.RequestAborted);
            // Already decoded by the server, all but "%2F", which a static host reads as "/" too. Decoding all again would
            // make "Report%2520v2.pdf", the address of the file "Report%20v2.pdf", ask for "Report v2.pdf".
            var path = (context.Request.Path.Value ?? "/").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            var full = Path.GetFullPath(Path.Combine(root, path.TrimStart('/')));
            // A path escaping the site (an encoded "..%2f") is simply not found: nothing outside the folder is served. Nor
            // is one holding a control character (an encoded tab or line break): the site has no such file, and browsers
            // drop tabs from an address, so "/%09/evil.example" sent back as a redirect would lead them to "//evil.example".
            if (!FolderBounds.Contains(root, full) || FolderBounds.LinksOutside(root, full) || path.Any(char.IsControl)) full = "";
            if (Directory.Exists(full) && !path.EndsWith('/'))
            {
                // Built from the path still encoded (a space or a backslash stays %20 or %5C), with one leading slash:
                // "//evil.example/..%2fposts" is a folder here, but "//evil.example/…" a browser would leave for.
                context.Response.Redirect("/" + context.Request.Path.ToUriComponent().TrimStart('/') + "/" + context.Request.QueryString);
                return;
            }
            if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
            // While the last build has failed, every page shows why (assets are still served, so the page is styled
            // as before): a tab that reloads after the failed build sees the problems, not a page now out of date.
            if (reload.Problems is { } problems && (full.EndsWith(".html", StringComparison.Ordinal) || !File.Exists(full)))
            {
                context.Response.StatusCode = 500;
                context.Response.Headers.CacheControl = "no-store";
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(BuildFailedPage(problems, reload.Version), Encoding.UTF8);
                return;
            }
            var status = 200;
            if (!File.Exists(full))
            {
                full = Path.Combine(root, "404.html");
                status = 404;
            }
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            if (!File.Exists(full)) return;
            context.Response.ContentType = types.TryGetContentType(full, out var type) ? type : "application/octet-stream";
            if (full.EndsWith(".html", StringComparison.Ordinal))
            {
                var version = reload.Version;
                var html = await File.ReadAllTextAsync(full);
                var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
                html = at < 0 ? html + LiveReload.ScriptFor(version) : html.Insert(at, LiveReload.ScriptFor(version));
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(html, Encoding.UTF8);
            }
            else
            {
                // With its length, and parts of it when asked (Range): a video beside a post plays and seeks, in Safari too.
                await TypedResults.PhysicalFile(full, context.Response.ContentType, enableRangeProcessing: true).ExecuteAsync(context);
            }
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>The page served in place of every page while the last build has failed: its errors, as the terminal shows them.</summary>
    public static string BuildFailedPage(IReadOnlyList<string> problems, int version)
    {
        var lines = string.Join("\n", problems.Select(HtmlEncoder.Default.Encode));
        return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>The site did not build</title>\n" +
            "<style>body{font-family:Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#212b32}" +
            "pre{white-space:pre-wrap;background:#f0f4f5;border-left:8px solid #d5281b;padding:1rem}</style>\n</head>\n<body>\n<main>\n" +
            "<h1>The site did not build</h1>\n" +
            $"<p>{problems.Count} {(problems.Count == 1 ? "problem" : "problems")} below, as the terminal shows them (file:line:column). " +
            "Fix them and save: this page reloads by itself.</p>\n" +
            $"<pre>{lines}</pre>\n</main>\n{LiveReload.ScriptFor(version)}\n</body>\n</html>\n";
    }
}
