using PPNBlog.Content.Model;

namespace PPNBlog.Submissions;

/// <summary>How a commitment was chosen for the post, so the PR can ask an editor to confirm suggestions.</summary>
/// <param name="Slug">The commitment's slug.</param>
/// <param name="How">"stated" (a Commitment: line), "hashtag", or "suggested" (scored against the descriptions).</param>
public sealed record CommitmentChoice(string Slug, string How);

/// <summary>An image saved in the post bundle.</summary>
/// <param name="FileName">Its safe generated name, e.g. "image-1.jpg".</param>
/// <param name="Bytes">The re-encoded image (metadata stripped).</param>
/// <param name="AltText">Its text alternative from the email, or null when the contributor gave none.</param>
/// <param name="Width">Width in pixels after resizing.</param>
/// <param name="Height">Height in pixels after resizing.</param>
public sealed record BundleImage(string FileName, byte[] Bytes, string? AltText, int Width, int Height);

/// <summary>A message turned into a post bundle.</summary>
/// <param name="FrontMatter">The post's front matter.</param>
/// <param name="Slug">The bundle folder's name.</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Images">Images saved beside index.md.</param>
/// <param name="Commitments">How each commitment was chosen.</param>
/// <param name="IgnoredAttachments">Attachments that are not part of the post (names made safe for display).</param>
/// <param name="Warnings">What an editor should look at.</param>
/// <param name="IdempotencyKey">Message-ID plus a normalised body hash: the same message gives the same key.</param>
/// <param name="Sender">SPF/DKIM/DMARC results and whether the sender's domain is allowed, for the bot to act on.</param>
/// <param name="PersonalData">Lines of the post file that look like personal data, for an editor to check.</param>
public sealed record ConvertedPost(
    PostFrontMatter FrontMatter,
    string Slug,
    string Body,
    IReadOnlyList<BundleImage> Images,
    IReadOnlyList<CommitmentChoice> Commitments,
    IReadOnlyList<string> IgnoredAttachments,
    IReadOnlyList<string> Warnings,
    string IdempotencyKey,
    Trust.SenderTrust Sender,
    IReadOnlyList<Privacy.PersonalDataFinding> PersonalData)
{
    /// <summary>Pictures that could not be used (an iPhone's HEIC, a damaged file), each with why: the contributor is told.</summary>
    public IReadOnlyList<string> PicturesLeftOut { get; init; } = [];

    /// <summary>Words in the body.</summary>
    public int WordCount => Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The bundle's path under the repository: input/posts/&lt;yyyy&gt;/&lt;slug&gt;/.</summary>
    public string BundlePath => $"input/posts/{FrontMatter.Date.Value.Year:0000}/{Slug}";

    /// <summary>
    /// Where this post may go, in order: its own bundle folder, then the folders beside it (<c>&lt;slug&gt;-2</c>, <c>-3</c>…,
    /// each with a warning saying why), leaving out addresses that other posts in <paramref name="postsBySlug"/> (files
    /// by slug, paths as in the repository) have. The caller takes the first whose folder is free or holds this same
    /// post: another post is never replaced, and two posts never share an address.
    /// </summary>
    public IEnumerable<ConvertedPost> FolderChoices(IReadOnlyDictionary<string, string> postsBySlug)
    {
        string? taken = null;
        for (var n = 1; ; n++)
        {
            var choice = n == 1 ? this : Beside(n, taken ?? $"{BundlePath}/ already holds another post");
            if (postsBySlug.TryGetValue(choice.Slug, out var other) && other != choice.BundlePath + "/index.md")
            {
                taken ??= $"/posts/{choice.Slug}/ is already the address of {other}";
                continue;
            }
            yield return choice;
        }
    }

    private ConvertedPost Beside(int number, string taken) => this with
    {
        Slug = $"{Slug}-{number}",
        Warnings = [.. Warnings, $"{taken}, which is left as it is: this one is {BundlePath}-{number}/."],
    };
}

/// <summary>The outcome of converting one message: a post, or reasons a contributor can act on.</summary>
/// <param name="Post">The post, when the message was accepted.</param>
/// <param name="Reasons">Why it was rejected (empty when accepted).</param>
public sealed record SubmissionResult(ConvertedPost? Post, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// True for a short note with nothing attached ("Thanks!", "Got it"), not a post: as a reply about a submission it
    /// changes nothing, and is answered as such.
    /// </summary>
    public bool IsNote { get; init; }

    /// <summary>An accepted message.</summary>
    public static SubmissionResult Accepted(ConvertedPost post) => new(post, []);

    /// <summary>A rejected message.</summary>
    public static SubmissionResult Rejected(params string[] reasons) => new(null, reasons);
}
