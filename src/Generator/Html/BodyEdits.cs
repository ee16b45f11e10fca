using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;
using PPNBlog.Content.Sources;
using PPNBlog.Content.Text;

namespace PPNBlog.Generator.Html;

/// <summary>What the link stage decided for one URL: its new value (null: as it is) and whether it leads off the site.</summary>
/// <param name="NewValue">The URL to publish instead, or null.</param>
/// <param name="External">A link to another site: marked with <see cref="BodyEdits.ExternalRel"/> and <see cref="BodyEdits.ExternalClass"/>.</param>
/// <param name="Removed">The URL's scheme when it is not one a page may link (<c>javascript</c>, <c>data</c>…): the attribute is removed.</param>
public readonly record struct LinkEdit(string? NewValue, bool External, string? Removed = null);

/// <summary>
/// What the HTML stage changes in a body, decided in one place for its two ways of making the change: the DOM
/// (<see cref="DomRewriter"/>, any HTML) and Markdig's tree (<see cref="SyntaxTreeRewriter"/>, a body of Markdown alone).
/// </summary>
public sealed partial class BodyEdits(Site.SiteUrls urls)
{
    /// <summary>Links to other sites get this rel (no window.opener) and class (the NHS external-link style).</summary>
    public const string ExternalRel = "external noopener";

    /// <inheritdoc cref="ExternalRel"/>
    public const string ExternalClass = "ppn-external";

    /// <summary>
    /// The schemes a link or image may have, in Markdown and raw HTML alike: any other (<c>javascript:</c>, <c>data:</c>,
    /// <c>vbscript:</c>) could run code in the reader's browser, so it is removed.
    /// </summary>
    public static readonly IReadOnlySet<string> SafeSchemes = new HashSet<string>(StringComparer.Ordinal) { "https", "http", "mailto", "tel" };

    /// <summary>Class added to every table (NHS.UK table style).</summary>
    public const string TableClass = "nhsuk-table";

    /// <summary>
    /// Attributes of the wrapper around each table: a wide table scrolls inside a focusable region, so keyboard users
    /// can scroll it too.
    /// </summary>
    public static readonly (string Name, string Value)[] TableWrapper =
        [("class", "nhsuk-table-responsive ppn-table-wrapper"), ("tabindex", "0"), ("role", "region"), ("aria-label", "Table")];

    /// <summary>
    /// The attribute a code block gets: a long line scrolls inside the block (the page must not scroll sideways at 320
    /// px), and a box that scrolls must take keyboard focus, or keyboard users cannot read the rest of the line.
    /// </summary>
    public static readonly (string Name, string Value) CodeBlockFocus = ("tabindex", "0");

    /// <summary>
    /// The NHS.UK class for a table cell's alignment as Markdig writes it (<c>style="text-align: right;"</c>, from
    /// <c>|---:|</c>); null for any other style. A class, not a style: raw HTML loses its styles to the sanitiser.
    /// </summary>
    public static string? AlignmentClass(string? style) =>
        style is not null && CellAlignment().Match(style) is { Success: true } alignment
            ? alignment.Groups[1].Value.ToLowerInvariant() switch { "left" => "nhsuk-u-text-align-left", "center" => "nhsuk-u-text-align-centre", _ => "nhsuk-u-text-align-right" }
            : null;

    [GeneratedRegex(@"^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CellAlignment();

    /// <summary>Hosts whose players may be embedded (event recordings).</summary>
    public static readonly IReadOnlySet<string> EmbedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "player.vimeo.com",
    };

    /// <summary>True for the address of a recording host's player (YouTube's /embed/, Vimeo's /video/), over https.</summary>
    public static bool IsPlayer(Uri src) =>
        src.Scheme == "https" && EmbedHosts.Contains(src.Host)
        && src.AbsolutePath.StartsWith(src.Host.EndsWith("vimeo.com", StringComparison.OrdinalIgnoreCase) ? "/video/" : "/embed/", StringComparison.Ordinal);

    /// <summary>Class of the wrapper around each embedded player.</summary>
    public const string EmbedClass = "ppn-embed";

    /// <summary>
    /// The element around an embedded player: a span (shown as a block by the theme), as the player is most often the
    /// only thing in a paragraph, and a div there would close the paragraph early and leave an empty one after it.
    /// </summary>
    public const string EmbedWrapper = "span";

    /// <summary>An embedded player's accessible name when the content gave none.</summary>
    public const string EmbedTitle = "Embedded video";

    /// <summary>The class of the block Markdig writes the footnotes in, at the end of the body.</summary>
    public const string FootnotesClass = "footnotes";

    /// <summary>The class Markdig gives a footnote's number in the text (a link to the note).</summary>
    public const string FootnoteReferenceClass = "footnote-ref";

    /// <summary>
    /// The class of the block a fenced div's blocks are written in (Quarto's callout, <see cref="Markdown.PandocMarkup"/>):
    /// an aside such as "This code no longer runs", so its paragraphs are not the post's opening words.
    /// </summary>
    public const string FencedDivClass = "ppn-fenced-div";

    /// <summary>
    /// Class of the link added at the end of each h2–h4 with an id. It holds no text: the site's stylesheet shows its "#"
    /// on hover, so feeds and the content API, read without that stylesheet, show the heading's words alone.
    /// </summary>
    public const string HeadingAnchorClass = "ppn-heading-anchor";

    private const int ExcerptLength = 240;

    /// <summary>
    /// The attributes of the "#" link to the heading whose id is <paramref name="id"/>. Inside the heading, a link a
    /// screen reader could reach would be read as part of the heading's name ("Part two Link to the section: Part two"),
    /// so it is hidden from assistive technology and from the tab order: it is a pointer's shortcut to the address.
    /// </summary>
    public static (string Name, string Value)[] HeadingAnchorAttributes(string id) =>
        [("class", HeadingAnchorClass), ("href", "#" + id), ("aria-hidden", "true"), ("tabindex", "-1")];

    /// <summary>
    /// The published form of <paramref name="url"/> (an href or src as written in the HTML): site-rooted links get the
    /// base path, links to content files their page's URL, relative files their path from the site root; links on
    /// <paramref name="isAnchor"/> elements to other sites are marked external.
    /// </summary>
    public LinkEdit EditLink(string url, bool isAnchor, DocumentContext context)
    {
        url = url.Trim();
        switch (LinkTarget.Classify(url))
        {
            case LinkKind.SiteRooted when urls.BasePath != "/":
                return new LinkEdit(urls.Url(url.TrimStart('/')), false);
            case LinkKind.RelativeMarkdown:
                var file = Path.GetFullPath(Path.Combine(context.SourceDirectory, LinkTarget.PathPart(url)));
                return new LinkEdit(context.UrlOf(file) is { } published ? published + LinkTarget.Fragment(url) : null, false);
            case LinkKind.RelativeFile:
                return new LinkEdit(LinkTarget.FromPage(context.PageUrl, url), false);
            case LinkKind.Absolute when isAnchor && !IsThisSite(url):
                return new LinkEdit(null, true);
            case LinkKind.OtherScheme when UnsafeScheme(url) is { } scheme:
                return new LinkEdit(null, false, scheme);
            default:
                return default;
        }
    }

    /// <summary>
    /// The pixel width and height of a local image (read from the file's header), so the browser reserves its space
    /// before it loads: no layout shift. Null for remote or missing images.
    /// </summary>
    public static (string Width, string Height)? ImageSize(string src, DocumentContext context)
    {
        if (LinkTarget.Classify(src) != LinkKind.RelativeFile || LinkTarget.ResolveInside(context.SourceDirectory, src) is not { } file) return null;
        context.Consult(file);
        return ImageSize(context.SourceDirectory, file);
    }

    /// <summary>The pixel width and height of <paramref name="file"/>, a picture in <paramref name="folder"/>; null when it is none.</summary>
    public static (string Width, string Height)? ImageSize(string folder, string file)
    {
        // Only a file of the post's own folder, with content: a named pipe (size 0) would keep the build waiting forever.
        if (!File.Exists(file) || FolderBounds.HasSymbolicLink(folder, file) || new FileInfo(file).Length == 0) return null;
        using var codec = SkiaSharp.SKCodec.Create(file);
        if (codec is null) return null;
        return (codec.Info.Width.ToString(CultureInfo.InvariantCulture), codec.Info.Height.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The excerpt: <paramref name="text"/> with white space collapsed, cut at a word within the excerpt length.</summary>
    public static string Excerpt(string text)
    {
        // Collapsed only as far as the cut can reach (one character past the length): a first paragraph can run to
        // hundreds of words, and splitting it into a string per word was most of what the excerpt allocated.
        Span<char> collapsed = stackalloc char[ExcerptLength + 1];
        var length = 0;
        for (var i = 0; i < text.Length && length < collapsed.Length;)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (length > 0) collapsed[length++] = ' ';
            for (; i < text.Length && !char.IsWhiteSpace(text[i]) && length < collapsed.Length; i++) collapsed[length++] = text[i];
        }
        if (length <= ExcerptLength) return new string(collapsed[..length]);
        var cut = collapsed.LastIndexOf(' ');
        // A first paragraph with no space to cut at (Chinese, a row of emoji) is cut between whole characters.
        return string.Concat(collapsed[..(cut > 0 ? cut : WholeCharacters.PrefixLength(collapsed, ExcerptLength))].TrimEnd(",;:."), "…");
    }

    /// <summary>What the body is told (warning PPN017) when an address of <paramref name="scheme"/> is removed from an element's attribute.</summary>
    public static RemovedHtml RemovedAddress(string scheme, string attribute, string element) =>
        new($"{attribute}=\"{scheme}:…\" on <{element}>", scheme + ":",
            $"Only {string.Join(", ", SafeSchemes.Select(s => s + ":"))} and the site's own addresses are published: link to a web page instead.");

    /// <summary>
    /// The scheme of <paramref name="url"/> when it is not one a page may link (see <see cref="SafeSchemes"/>), read as a
    /// browser reads it: spaces around the URL, tabs and line breaks inside the scheme (<c>java&#9;script:</c>) and capitals
    /// do not count. Null for any other URL.
    /// </summary>
    public static string? UnsafeScheme(string url)
    {
        url = url.Trim();
        if (LinkTarget.Classify(url) != LinkKind.OtherScheme) return null;
        var scheme = url[..url.IndexOf(':')].Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).ToLowerInvariant();
        return SafeSchemes.Contains(scheme) ? null : scheme;
    }

    private bool IsThisSite(string url) =>
        Uri.TryCreate(url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Host, urls.Host, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Words of visible text, fed the text in document order: what splitting the body's text content at white space
/// would count, without building that text.
/// </summary>
public struct WordCounter
{
    private bool _inWord;

    /// <summary>The words so far.</summary>
    public int Count { get; private set; }

    /// <summary>Counts the words begun in <paramref name="text"/> (a word may run on from the text before).</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        // Eight characters at a time where they are ASCII: every body's every character passes here, and one at a
        // time this was the build's busiest method of its own. A word begins where a non-space follows a space.
        var i = 0;
        for (; i + Vector128<ushort>.Count <= text.Length; i += Vector128<ushort>.Count)
        {
            var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)i);
            if (Vector128.GreaterThanAny(chars, Vector128.Create((ushort)0x7F)))
            {
                AddEach(text.Slice(i, Vector128<ushort>.Count));
                continue;
            }
            // ASCII white space, as char.IsWhiteSpace has it: U+0020 and U+0009 to U+000D.
            var spaces = Vector128.Equals(chars, Vector128.Create((ushort)' ')) |
                Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'\t'), Vector128.Create((ushort)('\r' - '\t')));
            var spaceBits = spaces.ExtractMostSignificantBits();
            var spaceBefore = (spaceBits << 1) | (_inWord ? 0u : 1u);
            Count += BitOperations.PopCount(~spaceBits & spaceBefore & 0xFF);
            _inWord = (spaceBits & 0x80) == 0;
        }
        AddEach(text[i..]);
    }

    private void AddEach(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !_inWord) Count++;
            _inWord = !space;
        }
    }
}
