namespace PPNBlog.Content.Model;

/// <summary>The typed front matter of a post: what the schema reads and what the bot writes.</summary>
public sealed record PostFrontMatter
{
    /// <summary>The post's title (required).</summary>
    public required string Title { get; init; }

    /// <summary>When it was or will be published (required).</summary>
    public required PostDate Date { get; init; }

    /// <summary>The author's name (required; never an email address).</summary>
    public required string Author { get; init; }

    /// <summary>The author's job title and network, e.g. "Clinical Psychologist, PPN London".</summary>
    public string? Role { get; init; }

    /// <summary>Slugs of the commitments the post relates to (at least one).</summary>
    public required IReadOnlyList<string> Commitments { get; init; }

    /// <summary>Blog (default) or keynote write-up.</summary>
    public PostKind Kind { get; init; } = PostKind.Blog;

    /// <summary>Free tags, shown as written and linked by their slug.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>One or two sentences for cards, feeds and the meta description.</summary>
    public string? Summary { get; init; }

    /// <summary>A header image, relative to the post (bundle) or absolute from the site root.</summary>
    public string? Image { get; init; }

    /// <summary>The header image's text alternative.</summary>
    public string? ImageAlt { get; init; }

    /// <summary>The URL slug, when it should differ from the file name.</summary>
    public string? Slug { get; init; }

    /// <summary>Drafts are built only with --drafts.</summary>
    public bool Draft { get; init; }

    /// <summary>The event a keynote came from, e.g. "Psychological Professions Week 2020".</summary>
    public string? Event { get; init; }

    /// <summary>
    /// Earlier addresses of the post on this site (<c>/posts/old-name/</c>, or a page of the site it moved from), each
    /// published as a page that sends readers on to the post: links and bookmarks keep working after a rename.
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
