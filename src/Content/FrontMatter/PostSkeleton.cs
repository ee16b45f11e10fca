namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// The placeholders 'ppnblog new' writes into a new post, in one place: the schema refuses a post that still holds one,
/// as it would be published as the post's own words (a card or feed reading "One or two sentences that…").
/// </summary>
public static class PostSkeleton
{
    /// <summary>The summary's placeholder.</summary>
    public const string Summary = "One or two sentences that sum the post up, for cards and feeds.";

    /// <summary>The body's placeholder, a line of its own.</summary>
    public const string Body = "Write the post here, in Markdown. Use `##` for section headings and describe every image: `![what it shows](photo.jpg)`.";
}
