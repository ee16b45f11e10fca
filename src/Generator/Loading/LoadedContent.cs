using PPNBlog.Content.Model;

namespace PPNBlog.Generator.Loading;

/// <summary>Everything read from <c>input/</c> that passed per-file validation.</summary>
/// <param name="Settings">site.yml.</param>
/// <param name="Commitments">The commitments, by order.</param>
/// <param name="Posts">Every post, drafts and future posts included (the site model filters).</param>
/// <param name="Pages">Standalone pages.</param>
/// <param name="InputDirectory">The input folder's full path.</param>
/// <param name="Invalid">The files that failed it.</param>
public sealed record LoadedContent(
    SiteSettings Settings,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<Post> Posts,
    IReadOnlyList<Page> Pages,
    string InputDirectory,
    InvalidContent Invalid);

/// <summary>
/// The content files that failed per-file validation, with the slugs they would be published at. Their own errors are
/// the ones to fix: a post listing a broken commitment, or a link to a broken post, is not reported as well.
/// </summary>
/// <param name="Files">Their full paths.</param>
/// <param name="CommitmentSlugs">The broken commitments' slugs (their file names).</param>
/// <param name="PostSlugs">The broken posts' slugs (from their front matter where it still reads, else their paths).</param>
/// <param name="PageSlugs">The broken pages' slugs (their file names).</param>
public sealed record InvalidContent(IReadOnlySet<string> Files, IReadOnlyList<string> CommitmentSlugs, IReadOnlyList<string> PostSlugs, IReadOnlyList<string> PageSlugs);
