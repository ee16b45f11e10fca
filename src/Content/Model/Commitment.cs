namespace PPNBlog.Content.Model;

/// <summary>One of the five commitments of the Vision for the Psychological Professions, from <c>input/commitments</c>.</summary>
/// <param name="Slug">The file name without .md: what posts list under <c>commitments:</c>.</param>
/// <param name="Title">Its name, e.g. "Put people first".</param>
/// <param name="Order">Its position in lists (1–5).</param>
/// <param name="Summary">One sentence for cards and meta descriptions.</param>
/// <param name="Hashtag">Its social hashtag without '#', if any.</param>
/// <param name="Body">Its description, in Markdown.</param>
/// <param name="Source">Where it came from.</param>
public sealed record Commitment(string Slug, string Title, int Order, string Summary, string? Hashtag, string Body, SourceFile Source);
