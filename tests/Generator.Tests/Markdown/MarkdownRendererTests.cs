using PPNBlog.Generator.Markdown;

namespace PPNBlog.Generator.Tests.Markdown;

/// <summary>The build renders each body into its thread's reused buffer: it must give what a fresh render gives.</summary>
public sealed class MarkdownRendererTests
{
    [Fact]
    public void Rendering_into_the_threads_buffer_gives_the_same_html_and_links_body_after_body()
    {
        // A long body (its HTML outgrows the buffer's first size), then a short one: nothing of the first is left over.
        var sections = Enumerable.Range(1, 400).Select(i => $"## Part {i}\n\nText with [a link](https://example.org/{i}) and *emphasis* & \"quotes\".\n");
        string[] bodies = [string.Join('\n', sections), "Short *body*.", "", "| a | b |\n|---|---|\n| 1 | 2 |"];
        foreach (var body in bodies)
        {
            var fresh = MarkdownRenderer.Render(body);
            var reused = MarkdownRenderer.RenderForThread(body);
            Assert.Equal(fresh.Html.ToString(), reused.Html.ToString());
            Assert.Equal(fresh.Links, reused.Links);
            Assert.Equal(fresh.RawHtmlLine, reused.RawHtmlLine);
        }
        Assert.True(MarkdownRenderer.Render(bodies[0]).Html.Length > 16 * 1024, "the long body's HTML is longer than the buffer's first size");
    }
}
