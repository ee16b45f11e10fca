using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Sources;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// The post front-matter schema and its per-file validation: the one definition used by build, check and the
/// email bot. Cross-file checks (duplicate slugs, links) belong to the site build.
/// </summary>
public static class PostSchema
{
    /// <summary>Every key a post's front matter may carry.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "date", "author", "role", "commitments", "kind", "tags", "summary", "image", "image_alt", "slug", "draft", "event", "aliases",
    };

    /// <summary>Reads and validates a post; returns null when it has errors (all of them reported).</summary>
    /// <param name="block">The file, split (<see cref="FrontMatterBlock.Read"/>).</param>
    /// <param name="fullPath">The file on disk (relative images are checked against its folder).</param>
    /// <param name="displayPath">The path printed in diagnostics.</param>
    /// <param name="commitmentSlugs">The slugs of the site's commitments.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static Post? Read(FrontMatterBlock block, string fullPath, string displayPath, IReadOnlyCollection<string> commitmentSlugs, DiagnosticList diagnostics)
    {
        var local = new DiagnosticList();
        var source = new SourceFile(fullPath, displayPath, block.BodyFirstLine);
        var fields = FrontMatterFields.Parse(block, displayPath, local);
        if (fields is null)
        {
            diagnostics.AddRange(local.Sorted());
            return null;
        }

        var title = fields.Text("title", required: true, oneLine: true);
        var defaultName = PostFiles.DefaultName(fullPath);
        var nameDate = Slugs.LeadingIsoDate(defaultName);
        var date = fields.Date("date", required: true,
            missingHint: nameDate is null ? null : $"The file name starts with {nameDate}: add 'date: {nameDate}' to the front matter.");
        var author = fields.Text("author", required: true,
            listHint: "Write several authors on one line, e.g. 'author: Sam Patel and Jo Evans'.", oneLine: true);
        var commitments = fields.TextList("commitments", required: true);
        // A site without commitments is said once, where they should be (PPN019), not at every commitment of every post
        // with an empty list of known ones.
        foreach (var commitment in commitmentSlugs.Count == 0 ? [] : commitments.Where(c => !commitmentSlugs.Contains(c.Value)))
        {
            var nearest = Slugs.Nearest(commitment.Value, commitmentSlugs);
            local.Add(DiagnosticCode.UnknownCommitment, commitment.Location, $"unknown commitment '{commitment.Value}'",
                (nearest is null ? "" : $"Did you mean '{nearest}'? ") + $"Known commitments: {string.Join(", ", commitmentSlugs.Order(StringComparer.Ordinal))}.");
        }
        var kindText = fields.Value("kind");
        var kind = kindText?.ToLowerInvariant() switch { null or "blog" => PostKind.Blog, "keynote" => PostKind.Keynote, _ => (PostKind?)null };
        if (kind is null)
            local.Add(DiagnosticCode.InvalidValue, fields.LocationOf("kind"), $"'kind' must be 'blog' or 'keynote', not '{kindText}'");

        var slugText = fields.Value("slug");
        var slug = slugText ?? PostFiles.DefaultSlug(fullPath);
        if (slugText is not null && !Slugs.IsValid(slugText))
            local.Add(DiagnosticCode.InvalidSlug, fields.LocationOf("slug"), $"slug '{slugText}' is not URL-safe",
                $"Use lower-case letters, digits and single hyphens, e.g. '{Slugs.FromTitle(slugText)}'.");
        else if (slugText is not null && slugText.Length > Slugs.MaxLength)
            local.Add(DiagnosticCode.InvalidSlug, fields.LocationOf("slug"), $"slug is {slugText.Length} characters long; a slug has at most {Slugs.MaxLength}",
                $"Use a shorter slug, e.g. '{Slugs.Shorten(slugText)}'.");
        var aliases = fields.TextList("aliases");
        foreach (var alias in aliases.Where(a => !IsSiteAddress(a.Value)))
            local.Add(DiagnosticCode.InvalidValue, alias.Location, $"alias '{alias.Value}' is not an address of this site",
                "Give the post's earlier address from the site's root, e.g. /posts/old-name/ or /2019/05/old-name.html: letters, digits, '-', '_', '.' and '/'.");
        var tags = fields.TextList("tags");
        // Each tag names its page's folder (/tags/<tag>/).
        foreach (var tag in tags.Where(t => t.Value.Length > Slugs.MaxLength))
            local.Add(DiagnosticCode.InvalidValue, tag.Location, $"a tag is {tag.Value.Length} characters long; a tag has at most {Slugs.MaxLength}",
                "Shorten the tag: a word or two that other posts share.");
        // A tag is a link and a page's name: a direction override or an invisible character would disguise either.
        foreach (var tag in tags.Where(t => SingleLine.From(t.Value) is var shown && (shown.Length == 0 || shown != SingleLine.CollapseWhitespace(t.Value).Trim())))
            local.Add(DiagnosticCode.InvalidValue, tag.Location, "a tag holds invisible, control or direction-changing characters, which hide how it reads",
                SingleLine.From(tag.Value) is { Length: > 0 } shown ? $"Write it as '{shown}'." : "Remove it: it shows nothing.");
        // Each tag is a page of its own, paginated: 2,000 tags on each of 100 posts made 20,000 pages.
        if (tags.Count > MaxTags)
            local.Add(DiagnosticCode.InvalidValue, tags[MaxTags].Location, $"the post has {tags.Count} tags; a post has at most {MaxTags}",
                "Keep the few tags readers would follow to find similar posts.");

        var image = fields.Value("image");
        var imageAlt = fields.Text("image_alt", oneLine: true);
        if (image is not null)
        {
            if (IsRelative(image))
            {
                // Published beside the post, so held to what its body's images are: its own folder, no link out.
                var file = FolderBounds.Resolve(source.Directory, Uri.UnescapeDataString(image.Split('?', '#')[0]));
                if (file is null)
                    local.Add(DiagnosticCode.MissingImage, fields.LocationOf("image"), $"image '{image}' is outside the post's folder",
                        "Put the image in the post's own folder and give its name, e.g. image: photo.jpg.");
                else if (!File.Exists(file))
                    local.Add(DiagnosticCode.MissingImage, fields.LocationOf("image"), $"image '{image}' does not exist", FolderBounds.OtherCaseHint(file));
                else if (FolderBounds.HasSymbolicLink(source.Directory, file))
                    local.Add(DiagnosticCode.SymbolicLink, fields.LocationOf("image"), $"image '{image}' is a symbolic link");
                else if (ActiveFiles.Why(file) is { } active)
                    local.Add(DiagnosticCode.ActiveFile, fields.LocationOf("image"), $"image '{image}' {active}");
                else if (HeavyImages.Why(file) is { } heavy)
                    local.Add(DiagnosticCode.HeavyImage, fields.LocationOf("image"), $"image '{image}' {heavy}");
            }
            // A site address or a web page's picture; a javascript: or data: address could run code in a reader's browser.
            // "//host/x.png" and "/\host/x.png" look like the site's own but are another site's, as browsers read them.
            else if (!IsSitePicture(image) && !(Uri.TryCreate(image, UriKind.Absolute, out var web) && web.Scheme is "https" or "http"))
            {
                local.Add(DiagnosticCode.InvalidValue, fields.LocationOf("image"), $"'image' should be a picture's file name or web address, not '{image}'",
                    "Give the name of the picture beside the post (image: photo.jpg) or its https:// address.");
            }
            // Browsers refuse a picture whose address holds a user name or password, and it would publish the password.
            else if (Uri.TryCreate(image, UriKind.Absolute, out var url) && url.UserInfo.Length > 0)
            {
                local.Add(DiagnosticCode.InvalidValue, fields.LocationOf("image"), "'image' holds a user name or password (user:password@), which would be published and which browsers refuse",
                    $"Give the picture's public address, without them: image: {url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)}");
            }
            if (imageAlt is null)
                local.Add(DiagnosticCode.MissingAltText, fields.LocationOf("image"), $"image '{image}' has no image_alt");
        }

        var frontMatter = new PostFrontMatter
        {
            Title = title ?? "",
            Date = date ?? default,
            Author = author ?? "",
            Role = fields.Text("role", oneLine: true),
            Commitments = commitments.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList(),
            Kind = kind ?? PostKind.Blog,
            Tags = tags.Select(t => t.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Summary = fields.PlainText("summary"),
            Image = image,
            ImageAlt = imageAlt,
            Slug = slugText,
            Draft = fields.Bool("draft") ?? false,
            Event = fields.Text("event", oneLine: true),
            Aliases = aliases.Select(a => a.Value).ToList(),
        };
        fields.WarnUnknownKeys(Keys, "post");

        // A body of nothing but HTML comments (<!-- TODO -->, <!-- more -->) is published as an empty page too.
        if (OnlyComments(block.Body))
            local.Add(DiagnosticCode.EmptyPost, new SourceLocation(displayPath, block.BodyFirstLine, 1), "the post has no text after its front matter");

        // What 'ppnblog new' wrote to be replaced would be published as the post's own words.
        if (frontMatter.Summary == PostSkeleton.Summary)
            local.Add(DiagnosticCode.PlaceholderLeft, fields.LocationOf("summary"), "the summary is still the placeholder 'ppnblog new' wrote",
                "Write one or two sentences that sum the post up: cards, feeds and search results show them.");
        if (block.Body.IndexOf(PostSkeleton.Body, StringComparison.Ordinal) is var placeholder and >= 0)
            local.Add(DiagnosticCode.PlaceholderLeft, new SourceLocation(displayPath, block.BodyFirstLine + block.Body.AsSpan(0, placeholder).Count('\n'), 1),
                "the body still holds the placeholder 'ppnblog new' wrote", "Replace that line with the post's text.");

        diagnostics.AddRange(local.Sorted());
        if (local.HasErrors) return null;
        var slugLocation = slugText is null ? SourceLocation.WholeFile(displayPath) : fields.LocationOf("slug");
        return new Post(frontMatter, slug, block.Body, source, PostFiles.IsBundle(fullPath), slugLocation, commitments, fields.LocationOf("date"), aliases, tags,
            fields.LocationOf("image"));
    }

    /// <summary>
    /// The slug of a post's address (<c>/posts/&lt;slug&gt;/</c>), from its file's text alone: the one its front matter
    /// sets when valid, else the one its path gives it. For the submissions bot, which must not give an emailed post an
    /// address another post already has.
    /// </summary>
    public static string AddressSlug(string text, string path)
    {
        var slug = FrontMatterFields.Parse(FrontMatterBlock.Split(text), path, new DiagnosticList())?.Value("slug");
        return slug is not null && Slugs.IsValid(slug) && slug.Length <= Slugs.MaxLength ? slug : PostFiles.DefaultSlug(path);
    }

    /// <summary>
    /// True for an address a redirect page can be written at: from the site's root, of plain path characters, with no
    /// '.' or '..' folder (it could name a file outside the site) and no empty one.
    /// </summary>
    public static bool IsSiteAddress(string alias) =>
        alias.Length > 1 && alias.Length <= 300 && alias.StartsWith('/') && alias.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
        && alias[1..].TrimEnd('/').Split('/').All(segment => segment.Length > 0 && segment is not ("." or "..") && !segment.StartsWith('.'));

    /// <summary>The most tags a post may have.</summary>
    public const int MaxTags = 20;

    private static bool IsSitePicture(string image) =>
        image.StartsWith('/') && !image.StartsWith("//", StringComparison.Ordinal) && !image.Any(c => c == '\\' || char.IsControl(c));

    /// <summary>
    /// True for a path relative to the post's folder (<c>photo.jpg</c>, <c>images/photo.jpg</c>): what is checked on disk.
    /// URLs with a scheme and root-relative paths are site URLs, checked by the built-site link check.
    /// </summary>
    public static bool IsRelative(string url) =>
        url.Length > 0 && !url.StartsWith('/') && !url.StartsWith('#') && !url.Contains(':', StringComparison.Ordinal);

    /// <summary>True for a body of white space and HTML comments alone: nothing a reader would see.</summary>
    private static bool OnlyComments(string body)
    {
        var rest = body.AsSpan().TrimStart();
        while (rest.StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf("-->", StringComparison.Ordinal);
            // A comment left open runs to the end of the body.
            if (end < 0) return true;
            rest = rest[(end + 3)..].TrimStart();
        }
        return rest.IsEmpty;
    }
}
