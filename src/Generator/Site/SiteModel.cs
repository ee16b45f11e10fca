using PPNBlog.Content.Model;
using PPNBlog.Content.Text;

namespace PPNBlog.Generator.Site;

/// <summary>The whole site as the renderers see it: posts by date, archives per commitment and tag, pages.</summary>
public sealed class SiteModel
{
    private const int RelatedCount = 3;
    private readonly Dictionary<PublishedPost, int> _index;

    /// <summary>Builds the model. <paramref name="posts"/> are the published posts in any order.</summary>
    public SiteModel(SiteSettings settings, IEnumerable<PublishedPost> posts, IEnumerable<CommitmentArchive> commitments,
        IEnumerable<PublishedPage> pages, Html.ProcessedHtml intro)
    {
        Settings = settings;
        Urls = new SiteUrls(settings);
        // Newest first; the slug breaks ties so the order never depends on file-system enumeration.
        Posts = posts.OrderByDescending(p => p.Post.Date.Value).ThenBy(p => p.Post.Slug, StringComparer.Ordinal).ToList();
        _index = Posts.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        Commitments = commitments.Select(c => c with { Posts = Posts.Where(p => p.Post.FrontMatter.Commitments.Contains(c.Commitment.Slug)).ToList() }).ToList();
        Tags = Posts.SelectMany(p => p.Post.FrontMatter.Tags.Select(t => (Tag: t, Post: p)))
            .GroupBy(x => Slugs.Slugify(x.Tag), StringComparer.Ordinal)
            .Select(g => new TagArchive(g.First().Tag, g.Key, g.Select(x => x.Post).Distinct().ToList()))
            .OrderBy(t => t.Slug, StringComparer.Ordinal).ToList();
        Pages = pages.ToList();
        Intro = intro;
    }

    /// <summary>site.yml.</summary>
    public SiteSettings Settings { get; }

    /// <summary>The URL contract.</summary>
    public SiteUrls Urls { get; }

    /// <summary>Published posts, newest first.</summary>
    public IReadOnlyList<PublishedPost> Posts { get; }

    /// <summary>Commitment archives, in commitment order.</summary>
    public IReadOnlyList<CommitmentArchive> Commitments { get; }

    /// <summary>Tag archives, by slug.</summary>
    public IReadOnlyList<TagArchive> Tags { get; }

    /// <summary>Standalone pages.</summary>
    public IReadOnlyList<PublishedPage> Pages { get; }

    /// <summary>The rendered home page introduction.</summary>
    public Html.ProcessedHtml Intro { get; }

    /// <summary>The next older post, or null for the oldest.</summary>
    public PublishedPost? Older(PublishedPost post) => _index[post] + 1 < Posts.Count ? Posts[_index[post] + 1] : null;

    /// <summary>The next newer post, or null for the newest.</summary>
    public PublishedPost? Newer(PublishedPost post) => _index[post] > 0 ? Posts[_index[post] - 1] : null;

    /// <summary>
    /// Up to three posts sharing most tags and commitments (a shared tag counts double: tags are more specific),
    /// newest first among equals.
    /// </summary>
    public IReadOnlyList<PublishedPost> Related(PublishedPost post)
    {
        // Score = 2 per shared tag, +1 per shared commitment for posts that share a tag; best first, newer first on
        // ties. Counted in a per-thread array by post index and picked in one pass: at 10,000 posts each tag lists
        // thousands of posts, and sorting them all for every post cost seconds.
        var self = _index[post];
        var scores = t_scores is { Length: var length } buffer && length == Posts.Count ? buffer : t_scores = new int[Posts.Count];
        var touched = t_touched ??= [];
        touched.Clear();
        foreach (var tag in post.Post.FrontMatter.Tags)
        {
            foreach (var other in TagsBySlug[Slugs.Slugify(tag)].Posts)
            {
                var index = _index[other];
                if (scores[index] == 0) touched.Add(index);
                scores[index] += 2;
            }
        }
        var best = new List<int>(RelatedCount + 1);
        foreach (var index in touched)
        {
            if (index == self) continue;
            var other = Posts[index].Post.FrontMatter.Commitments;
            foreach (var commitment in post.Post.FrontMatter.Commitments)
                if (other.Contains(commitment)) scores[index]++;
            // Insert into the top few by (score descending, index ascending).
            var at = best.Count;
            while (at > 0 && (scores[best[at - 1]] < scores[index] || (scores[best[at - 1]] == scores[index] && best[at - 1] > index))) at--;
            if (at < RelatedCount)
            {
                best.Insert(at, index);
                if (best.Count > RelatedCount) best.RemoveAt(RelatedCount);
            }
        }
        var related = best.Select(i => Posts[i]).ToList();
        foreach (var index in touched) scores[index] = 0;
        // Too few tag matches: fill with the posts nearest in date from the post's first commitment.
        if (related.Count < RelatedCount)
        {
            var pool = CommitmentsBySlug[post.Post.FrontMatter.Commitments[0]].Posts;
            related.AddRange(pool.Where(p => p != post && !related.Contains(p))
                .OrderBy(p => Math.Abs(_index[p] - self)).ThenBy(p => _index[p]).Take(RelatedCount - related.Count));
        }
        return related;
    }

    [ThreadStatic]
    private static int[]? t_scores;

    [ThreadStatic]
    private static List<int>? t_touched;

    private Dictionary<string, TagArchive> TagsBySlug => field ??= Tags.ToDictionary(t => t.Slug, StringComparer.Ordinal);

    private Dictionary<string, CommitmentArchive> CommitmentsBySlug =>
        field ??= Commitments.ToDictionary(c => c.Commitment.Slug, StringComparer.Ordinal);

    /// <summary>Splits <paramref name="items"/> into pages of the configured size (always at least one page).</summary>
    public IReadOnlyList<IReadOnlyList<T>> Paginate<T>(IReadOnlyList<T> items) =>
        items.Count == 0 ? [[]] : items.Chunk(Settings.PostsPerPage).Select(c => (IReadOnlyList<T>)c).ToList();
}
