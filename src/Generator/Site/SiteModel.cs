using System.Runtime.InteropServices;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;

namespace PPNBlog.Generator.Site;

/// <summary>The whole site as the renderers see it: posts by date, archives per commitment and tag, pages.</summary>
public sealed class SiteModel
{
    private const int RelatedCount = 3;
    private readonly List<PublishedPost> _posts;
    private readonly Dictionary<PublishedPost, int> _index;
    private readonly Dictionary<string, List<PublishedPost>> _tagLists = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Commitment, PostKind Kind), List<PublishedPost>> _archiveLists = [];
    private readonly int[]?[] _related;
    private readonly ulong _relations;
    private readonly Dictionary<string, string> _tagSlugs = new(StringComparer.Ordinal);

    // For related posts, which compare every post with thousands of others: each tag's posts and each post's
    // commitments as numbers (post indices, commitment numbers), not objects looked up by name.
    private readonly Dictionary<string, List<int>> _tagPosts = new(StringComparer.Ordinal);
    private readonly int[][] _commitmentNumbers;

    /// <summary>
    /// Builds the model. <paramref name="posts"/> are the published posts in any order. Related posts already worked
    /// out by <paramref name="previous"/> (serve's last build) are reused when no post's place, tags or commitments
    /// changed: at 10,000 posts working them all out takes a second.
    /// </summary>
    public SiteModel(SiteSettings settings, IEnumerable<PublishedPost> posts, IEnumerable<CommitmentArchive> commitments,
        IEnumerable<PublishedPage> pages, Html.ProcessedHtml intro, SiteModel? previous = null)
    {
        Settings = settings;
        Urls = new SiteUrls(settings);
        _posts = NewestFirst(posts);
        _index = new Dictionary<PublishedPost, int>(Posts.Count);
        var relations = new Output.Fingerprint();
        // Commitment and tag archives in one pass over the posts, which are newest first, so each archive is too.
        var archives = commitments.ToList();
        _commitmentNumbers = new int[Posts.Count][];
        var commitmentNumbers = archives.Select((c, n) => (c.Commitment.Slug, n)).ToDictionary(x => x.Slug, x => x.n, StringComparer.Ordinal);
        var byCommitment = archives.ToDictionary(c => c.Commitment.Slug, _ => new List<PublishedPost>(), StringComparer.Ordinal);
        var tagNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Posts.Count; i++)
        {
            var post = Posts[i];
            var front = post.Post.FrontMatter;
            _index[post] = i;
            relations = relations.Add(post.Post.Slug).Add(front.Tags.Count).Add(front.Commitments.Count);
            foreach (var commitment in front.Commitments)
            {
                relations = relations.Add(commitment);
                if (byCommitment.TryGetValue(commitment, out var archive) && (archive.Count == 0 || archive[^1] != post))
                {
                    archive.Add(post);
                    if (!_archiveLists.TryGetValue((commitment, post.Kind), out var ofKind)) _archiveLists[(commitment, post.Kind)] = ofKind = [];
                    ofKind.Add(post);
                }
            }
            foreach (var tag in front.Tags)
            {
                relations = relations.Add(tag);
                // The same few tags are written on thousands of posts: each spelling is slugified once.
                if (!_tagSlugs.TryGetValue(tag, out var slug)) _tagSlugs[tag] = slug = Slugs.ForTag(tag);
                if (!_tagLists.TryGetValue(slug, out var archive)) (_tagLists[slug], tagNames[slug]) = (archive = [], tag);
                if (archive.Count == 0 || archive[^1] != post) archive.Add(post);
                if (!_tagPosts.TryGetValue(slug, out var indices)) _tagPosts[slug] = indices = [];
                if (indices.Count == 0 || indices[^1] != i) indices.Add(i);
            }
            _commitmentNumbers[i] = [.. front.Commitments.Select(c => commitmentNumbers.GetValueOrDefault(c, -1))];
        }
        _relations = relations.Value;
        _related = previous is not null && previous._relations == _relations ? previous._related : new int[]?[Posts.Count];
        Commitments = archives.Select(c => c with { Posts = byCommitment[c.Commitment.Slug] }).ToList();
        Tags = _tagLists.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TagArchive(tagNames[t.Key], t.Key, t.Value)).ToList();
        Pages = pages.ToList();
        Intro = intro;
    }

    /// <summary>Newest first; the slug breaks ties so the order never depends on file-system enumeration.</summary>
    private static List<PublishedPost> NewestFirst(IEnumerable<PublishedPost> posts)
    {
        // Sorted by precomputed keys: ordering 10,000 posts by their DateTimeOffset took serve a tenth of a rebuild.
        var items = posts.ToArray();
        var ticks = Array.ConvertAll(items, p => p.Post.Date.Value.UtcTicks);
        var order = Enumerable.Range(0, items.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byDate = ticks[b].CompareTo(ticks[a]);
            if (byDate != 0) return byDate;
            var bySlug = string.CompareOrdinal(items[a].Post.Slug, items[b].Post.Slug);
            return bySlug != 0 ? bySlug : a.CompareTo(b);
        });
        return Array.ConvertAll(order, i => items[i]).ToList();
    }

    /// <summary>site.yml.</summary>
    public SiteSettings Settings { get; }

    /// <summary>The URL contract.</summary>
    public SiteUrls Urls { get; }

    /// <summary>Published posts, newest first.</summary>
    public IReadOnlyList<PublishedPost> Posts => _posts;

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

    /// <summary>The next older and newer posts (those that exist).</summary>
    public IEnumerable<PublishedPost> Neighbours(PublishedPost post) => new[] { Older(post), Newer(post) }.OfType<PublishedPost>();

    /// <summary>
    /// Up to three posts sharing most tags and commitments (a shared tag counts double: tags are more specific),
    /// newest first among equals.
    /// </summary>
    public IReadOnlyList<PublishedPost> Related(PublishedPost post)
    {
        // Asked twice per post page (what the page shows, then its view): worked out once.
        var related = _related[_index[post]] ??= FindRelated(post);
        return related.Select(i => Posts[i]).ToList();
    }

    private int[] FindRelated(PublishedPost post)
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
            // Over the list's array, not its enumerator: ~10 M scores at 10,000 posts.
            foreach (var index in CollectionsMarshal.AsSpan(_tagPosts[_tagSlugs[tag]]))
            {
                if (scores[index] == 0) touched.Add(index);
                scores[index] += 2;
            }
        }
        var best = new List<int>(RelatedCount + 1);
        var mine = _commitmentNumbers[self];
        foreach (var index in CollectionsMarshal.AsSpan(touched))
        {
            if (index == self) continue;
            // Once three are found, a post that cannot beat the third even with every commitment shared is passed by:
            // most are, and comparing their commitments was most of the work.
            if (best.Count == RelatedCount && scores[index] + mine.Length is var most && scores[best[^1]] is var third
                && (most < third || (most == third && index > best[^1])))
                continue;
            foreach (var commitment in mine)
                if (Array.IndexOf(_commitmentNumbers[index], commitment) >= 0) scores[index]++;
            // Insert into the top few by (score descending, index ascending).
            var at = best.Count;
            while (at > 0 && (scores[best[at - 1]] < scores[index] || (scores[best[at - 1]] == scores[index] && best[at - 1] > index))) at--;
            if (at < RelatedCount)
            {
                best.Insert(at, index);
                if (best.Count > RelatedCount) best.RemoveAt(RelatedCount);
            }
        }
        foreach (var index in CollectionsMarshal.AsSpan(touched)) scores[index] = 0;
        // Too few tag matches: fill with the posts nearest in date from the post's first commitment.
        if (best.Count < RelatedCount)
        {
            var pool = CommitmentsBySlug[post.Post.FrontMatter.Commitments[0]].Posts;
            best.AddRange(pool.Select(p => _index[p]).Where(i => i != self && !best.Contains(i))
                .OrderBy(i => Math.Abs(i - self)).ThenBy(i => i).Take(RelatedCount - best.Count));
        }
        return [.. best];
    }

    [ThreadStatic]
    private static int[]? t_scores;

    [ThreadStatic]
    private static List<int>? t_touched;

    /// <summary>The slug of <paramref name="tag"/> (a spelling some post uses), as its archive has it: made once per spelling.</summary>
    public string TagSlug(string tag) => _tagSlugs[tag];

    /// <summary><paramref name="post"/>'s tags, each page once: "Mental health" and "mental-health" written on one post are one tag.</summary>
    public IReadOnlyList<string> TagsOf(Post post) => [.. post.FrontMatter.Tags.DistinctBy(TagSlug)];

    private Dictionary<string, CommitmentArchive> CommitmentsBySlug =>
        field ??= Commitments.ToDictionary(c => c.Commitment.Slug, StringComparer.Ordinal);

    /// <summary>A commitment's posts, newest first: all of them, or those of one kind.</summary>
    public IReadOnlyList<PublishedPost> ArchivePosts(string commitment, PostKind? kind) =>
        kind is { } k ? _archiveLists.GetValueOrDefault((commitment, k)) ?? [] : CommitmentsBySlug[commitment].Posts;

    /// <summary>How many pages of the configured size list <paramref name="count"/> items (always at least one).</summary>
    public int PageCount(int count) => Math.Max(1, (count + Settings.PostsPerPage - 1) / Settings.PostsPerPage);

    /// <summary>The items on page <paramref name="number"/> (from 1) of <paramref name="items"/>.</summary>
    public IReadOnlyList<T> PageOf<T>(IReadOnlyList<T> items, int number) =>
        [.. items.Skip((number - 1) * Settings.PostsPerPage).Take(Settings.PostsPerPage)];

    /// <summary>
    /// True when <paramref name="edited"/> keeps the place of <paramref name="earlier"/> in the site: same address,
    /// date, kind, tags, commitments and aliases, so no archive, tag list, neighbour, related post or redirect changes.
    /// </summary>
    public static bool KeepsPlace(Post earlier, Post edited)
    {
        var (a, b) = (earlier.FrontMatter, edited.FrontMatter);
        return earlier.Slug == edited.Slug && a.Date.ToIsoString() == b.Date.ToIsoString()
            && a.Kind == b.Kind && a.Draft == b.Draft && a.Tags.SequenceEqual(b.Tags) && a.Commitments.SequenceEqual(b.Commitments)
            && a.Aliases.SequenceEqual(b.Aliases);
    }

    /// <summary>
    /// Puts <paramref name="edited"/> in the place of <paramref name="earlier"/> (see <see cref="KeepsPlace"/>): serve's
    /// edits that move no post change the model in place, and pages planned from it show the edit when rendered.
    /// </summary>
    public void Replace(PublishedPost earlier, PublishedPost edited)
    {
        var index = _index[earlier];
        _posts[index] = edited;
        _index.Remove(earlier);
        _index[edited] = index;
        var front = earlier.Post.FrontMatter;
        var lists = front.Commitments.Select(c => CommitmentsBySlug.GetValueOrDefault(c)?.Posts)
            .Concat(front.Commitments.Select(c => _archiveLists.GetValueOrDefault((c, earlier.Kind))))
            .Concat(front.Tags.Select(t => _tagLists.GetValueOrDefault(_tagSlugs[t])));
        foreach (var list in lists.OfType<List<PublishedPost>>().Distinct())
            list[list.IndexOf(earlier)] = edited;
    }
}
