using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary>The published site on a loopback port: a post's page answers 200 once it has been deployed.</summary>
public sealed class LiveSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _published = new(StringComparer.Ordinal);

    private LiveSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LiveSite> StartAsync()
    {
        var app = Loopback.WebApp();
        var site = new LiveSite(app);
        app.MapGet("/posts/{slug}/", (string slug) => site._published.ContainsKey(slug) ? Results.Text("<h1>post</h1>", "text/html") : Results.NotFound());
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.First() + "/");
        return site;
    }

    /// <summary>Deploys a post (the publish workflow ran).</summary>
    public void Publish(string slug) => _published[slug] = true;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
