namespace PPNBlog.Generator.Html;

/// <summary>A body's final HTML and what was learnt while post-processing it.</summary>
/// <param name="Html">The HTML to publish.</param>
/// <param name="Excerpt">Plain text of the opening (up to the <c>&lt;!-- more --&gt;</c> marker or the first paragraph).</param>
/// <param name="WordCount">Words of visible text, for the reading time.</param>
/// <param name="RemovedHtml">The unsafe HTML the sanitiser removed.</param>
public sealed record ProcessedHtml(string Html, string Excerpt, int WordCount, IReadOnlyList<RemovedHtml> RemovedHtml)
{
    /// <summary>The ids of the body's elements (headings, footnotes, raw HTML's own): the sections a link may lead to.</summary>
    public IReadOnlyCollection<string> Ids { get; init; } = [];

    /// <summary>Minutes to read at 200 words a minute, at least one.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Ceiling(WordCount / 200.0));
}

/// <summary>One piece of unsafe HTML the HTML stage removed.</summary>
/// <param name="Description">What it was, e.g. <c>&lt;script&gt;</c> or <c>onclick="…" on &lt;p&gt;</c>.</param>
/// <param name="Written">Text that finds it in the Markdown (case aside), so the warning can point at its line.</param>
/// <param name="Hint">How to write it instead, when the warning's general hint does not fit.</param>
/// <param name="Within">Text written before it that finds its element (<c>&lt;iframe</c> for an attribute of one), when known.</param>
/// <param name="WithoutIt">Text its element's tag does not hold (<c>src</c> for a frame with no address), when that tells it from others.</param>
public sealed record RemovedHtml(string Description, string Written, string? Hint = null, string? Within = null, string? WithoutIt = null);
