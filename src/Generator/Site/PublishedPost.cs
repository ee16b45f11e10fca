using PPNBlog.Content.Model;
using PPNBlog.Generator.Html;

namespace PPNBlog.Generator.Site;

/// <summary>
/// A post that is part of this build, with its rendered body and its place in the site. A class, not a record: it is
/// a dictionary key in the site model, and value equality would hash the whole body on every lookup.
/// </summary>
/// <param name="post">The validated content.</param>
/// <param name="path">Its site path, "posts/&lt;slug&gt;/".</param>
/// <param name="body">Its post-processed HTML.</param>
public sealed class PublishedPost(Post post, string path, ProcessedHtml body)
{
    private static long s_versions;

    /// <summary>
    /// Unique to this object: serve keeps a post's object while its file is unchanged and makes a new one when it is
    /// read again, so files made from the post know to be made again.
    /// </summary>
    public long Version { get; } = Interlocked.Increment(ref s_versions);

    /// <summary>The validated content.</summary>
    public Post Post { get; } = post;

    /// <summary>Its site path, "posts/&lt;slug&gt;/".</summary>
    public string Path { get; } = path;

    /// <summary>Its post-processed HTML.</summary>
    public ProcessedHtml Body { get; } = body;

    /// <summary>The front matter summary, or the excerpt of the body when there is none.</summary>
    public string Summary => Post.FrontMatter.Summary ?? Body.Excerpt;

    /// <summary>Blog or keynote.</summary>
    public PostKind Kind => Post.FrontMatter.Kind;
}

/// <summary>A commitment with its rendered description and its posts, newest first.</summary>
/// <param name="Commitment">The commitment.</param>
/// <param name="Description">Its rendered description.</param>
/// <param name="Posts">Its published posts, newest first.</param>
public sealed record CommitmentArchive(Commitment Commitment, ProcessedHtml Description, IReadOnlyList<PublishedPost> Posts);

/// <summary>A tag with its posts, newest first.</summary>
/// <param name="Name">The tag as first written.</param>
/// <param name="Slug">Its URL segment.</param>
/// <param name="Posts">Posts carrying the tag, newest first.</param>
public sealed record TagArchive(string Name, string Slug, IReadOnlyList<PublishedPost> Posts);

/// <summary>A standalone page with its rendered body.</summary>
/// <param name="Page">The content.</param>
/// <param name="Path">Its site path.</param>
/// <param name="Body">Its rendered body.</param>
public sealed record PublishedPage(Page Page, string Path, ProcessedHtml Body);
