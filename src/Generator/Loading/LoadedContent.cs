using PPNBlog.Content.Model;

namespace PPNBlog.Generator.Loading;

/// <summary>Everything read from <c>input/</c> that passed per-file validation.</summary>
/// <param name="Settings">site.yml.</param>
/// <param name="Commitments">The commitments, by order.</param>
/// <param name="Posts">Every post, drafts and future posts included (the site model filters).</param>
/// <param name="Pages">Standalone pages.</param>
/// <param name="InputDirectory">The input folder's full path.</param>
public sealed record LoadedContent(
    SiteSettings Settings,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<Post> Posts,
    IReadOnlyList<Page> Pages,
    string InputDirectory);
