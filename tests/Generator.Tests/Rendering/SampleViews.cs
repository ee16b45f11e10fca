using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Tests.Rendering;

/// <summary>Views as a build makes them, with text that needs encoding: a site, its commitments, cards and post pages.</summary>
internal sealed class SampleViews
{
    public SampleViews(int cardCount = 30)
    {
        Commitments = [.. Enumerable.Range(1, 5).Select(n => new CommitmentView($"c{n}", $"Commitment {n} & more", $"Summary {n}", "<p>d</p>",
            $"/commitments/c{n}/", $"/commitments/c{n}/feed.xml", n % 2 == 0 ? null : $"#C{n}", n * 7))];
        Site = new SiteView("PPN <Blog>", "About", "en-GB", "https://example.org/", "/", null, null, ["#PPN"], "/feed.xml", "/feed.json",
            Commitments, new Dictionary<string, object> { ["css"] = "/assets/a.css", ["favicon"] = "/favicon.ico" },
            new NavView("/", "/commitments/", "/tags/", null, "/search/"));
        Cards = [.. Enumerable.Range(0, cardCount).Select(n => new PostCardView($"Post {n} \"quoted\"", $"/posts/p{n}/", "2025-01-02", "2 January 2025",
            $"Author {n}", n % 3 == 0 ? null : $"Role {n}", n % 2 == 0 ? "blog" : "keynote", n % 2 == 0 ? "Blog" : "Keynote", $"Summary {n}",
            [new CommitmentLinkView(Commitments[n % 5].Slug, Commitments[n % 5].Title, Commitments[n % 5].Url)]))];
    }

    public List<CommitmentView> Commitments { get; }

    public SiteView Site { get; }

    public List<PostCardView> Cards { get; }

    /// <summary>Post <paramref name="n"/>'s page view: its own, a new one each time, as each page has.</summary>
    public PostView Post(int n) => new(Cards[n], $"https://example.org/posts/p{n}/", n % 9, "<p>body</p>",
        [new TagView("Tag A", "/tags/a/", 0), new TagView("Tag B", "/tags/b/", 0)], null, null, null, null, null,
        n > 0 ? new LinkView(Cards[n - 1].Title, Cards[n - 1].Url) : null, null, [.. Cards.Skip(n % (Cards.Count - 5)).Take(3)]);
}
