namespace PPNBlog.Content.Diagnostics;

/// <summary>One entry of the diagnostic table: a stable code, a short title, its severity and a default hint.</summary>
/// <param name="Id">The printed code, e.g. <c>PPN003</c>.</param>
/// <param name="Title">What kind of problem this is, in a few words.</param>
/// <param name="Severity">Whether it fails the build.</param>
/// <param name="Hint">How an editor fixes it, used when the diagnostic carries no more specific hint.</param>
public sealed record DiagnosticCode(string Id, string Title, Severity Severity, string Hint)
{
    /// <summary>The front matter is not valid YAML.</summary>
    public static readonly DiagnosticCode MalformedYaml = new("PPN001", "Malformed front matter", Severity.Error,
        "Check the YAML between the two '---' lines: indentation, colons, and quotes around values that contain ': ' or start with a special character.");

    /// <summary>The file has no front matter block.</summary>
    public static readonly DiagnosticCode MissingFrontMatter = new("PPN002", "Missing front matter", Severity.Error,
        "Start the file with a '---' line, the fields (title, date, author, commitments), and another '---' line.");

    /// <summary>A required field is absent or empty.</summary>
    public static readonly DiagnosticCode MissingField = new("PPN003", "Missing required field", Severity.Error,
        "Add the field to the front matter.");

    /// <summary>A field has the wrong shape (a list where text is expected, an unknown kind...).</summary>
    public static readonly DiagnosticCode InvalidValue = new("PPN004", "Invalid field value", Severity.Error,
        "Give the field a value of the expected form.");

    /// <summary>A date that is not ISO 8601.</summary>
    public static readonly DiagnosticCode InvalidDate = new("PPN005", "Invalid date", Severity.Error,
        "Write the date as YYYY-MM-DD (e.g. 2020-12-14) or a date-time with an offset (e.g. 2020-12-14T09:30:00+00:00).");

    /// <summary>A commitment slug with no file in input/commitments.</summary>
    public static readonly DiagnosticCode UnknownCommitment = new("PPN006", "Unknown commitment", Severity.Error,
        "Use the slug of a file in input/commitments (the file name without .md).");

    /// <summary>Two posts would be written to the same URL.</summary>
    public static readonly DiagnosticCode DuplicateSlug = new("PPN007", "Duplicate slug", Severity.Error,
        "Give one of the posts a different 'slug:' in its front matter, or rename its file.");

    /// <summary>An image that the post refers to is not in the repository.</summary>
    public static readonly DiagnosticCode MissingImage = new("PPN008", "Missing image file", Severity.Error,
        "Put the image next to the post (in the post's folder) or correct the path.");

    /// <summary>An internal link that points at no page of the site.</summary>
    public static readonly DiagnosticCode BrokenLink = new("PPN009", "Broken internal link", Severity.Error,
        "Link to a page that exists, e.g. /posts/<slug>/ or /commitments/<slug>/, or to another post's .md file.");

    /// <summary>A post with no body text.</summary>
    public static readonly DiagnosticCode EmptyPost = new("PPN010", "Empty post", Severity.Error,
        "Write the post's text below the closing '---' line.");

    /// <summary>A file that is not valid UTF-8.</summary>
    public static readonly DiagnosticCode NotUtf8 = new("PPN011", "File is not UTF-8", Severity.Error,
        "Save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8).");

    /// <summary>A file or front matter block over the size limit.</summary>
    public static readonly DiagnosticCode TooLarge = new("PPN012", "File too large", Severity.Error,
        "Split the post, or move large data (images, tables) out of the Markdown file.");

    /// <summary>A front-matter key that PPNBlog does not use.</summary>
    public static readonly DiagnosticCode UnknownKey = new("PPN013", "Unknown front-matter key", Severity.Warning,
        "Remove the key, or rename it to one PPNBlog knows (see README: Content model).");

    /// <summary>A slug with characters that cannot be in a URL segment.</summary>
    public static readonly DiagnosticCode InvalidSlug = new("PPN014", "Invalid slug", Severity.Error,
        "Use lower-case letters, digits and single hyphens only, e.g. 'my-first-post'.");

    /// <summary>A problem in input/site.yml.</summary>
    public static readonly DiagnosticCode InvalidSiteSettings = new("PPN015", "Invalid site settings", Severity.Error,
        "Fix input/site.yml: it needs title and baseUrl (an absolute http(s) URL).");

    /// <summary>A theme template that does not parse or render.</summary>
    public static readonly DiagnosticCode TemplateError = new("PPN016", "Theme template error", Severity.Error,
        "Fix the Liquid syntax in the theme file; see https://shopify.github.io/liquid/ for the tags and filters.");

    /// <summary>Raw HTML that the sanitiser removed (scripts, event handlers, unknown embeds).</summary>
    public static readonly DiagnosticCode UnsafeHtmlRemoved = new("PPN017", "Unsafe HTML removed", Severity.Warning,
        "Write the content in Markdown; only plain formatting HTML and YouTube/Vimeo embeds are kept.");

    /// <summary>An image with no text alternative.</summary>
    public static readonly DiagnosticCode MissingAltText = new("PPN018", "Image without alt text", Severity.Warning,
        "Describe the image for people who cannot see it: ![what the image shows](photo.jpg), or image_alt: in the front matter.");

    /// <summary>A folder or file that the site cannot be built without.</summary>
    public static readonly DiagnosticCode MissingInput = new("PPN019", "Missing input", Severity.Error,
        "Run the command from the repository root, or pass --input and --theme.");

    /// <summary>A symbolic link where content or an image should be: it could publish a file from outside the repository.</summary>
    public static readonly DiagnosticCode SymbolicLink = new("PPN020", "Symbolic link in content", Severity.Error,
        "Replace the link with the file (or folder) itself.");

    /// <summary>A body Markdig or the HTML stage cannot render (e.g. thousands of nested quotes, emphasis marks or HTML elements, or of headings).</summary>
    public static readonly DiagnosticCode UnrenderableBody = new("PPN021", "Body cannot be rendered", Severity.Error,
        "Simplify the body: remove the long run of '>', '*', '[', the nested lists, the nested HTML elements, or the thousands of headings or bare web addresses the message points at.");

    /// <summary>Pagefind could not index the built site: the site is published without search.</summary>
    public static readonly DiagnosticCode SearchNotIndexed = new("PPN022", "Search index not built", Severity.Warning,
        "Run 'npm ci' in theme/ (it installs Pagefind), then build again; the rest of the site is fine.");

    /// <summary>A control character in a content file: feeds and sitemaps cannot hold one, and a page does not show it.</summary>
    public static readonly DiagnosticCode ControlCharacter = new("PPN023", "Control character in file", Severity.Error,
        "Delete the character at that place (most editors do not show it; it often comes with text pasted from a PDF or a terminal).");

    /// <summary>A file of the site could not be written (a full disk, a name the file system refuses, no permission): nothing was published.</summary>
    public static readonly DiagnosticCode SiteNotWritten = new("PPN024", "Site not written", Severity.Error,
        "Free space on that disk, or check the output folder and its permissions; the site that was there is left as it was.");

    /// <summary>An image beside a post that browsers cannot show: published, but seen as a broken picture.</summary>
    public static readonly DiagnosticCode UnshowableImage = new("PPN025", "Image browsers cannot show", Severity.Warning,
        "Save it again as JPEG or PNG (an iPhone photo in HEIC: share or export it as JPEG), and link that file.");

    /// <summary>A value cut short where " #" began a YAML comment: the page shows less than the editor wrote.</summary>
    public static readonly DiagnosticCode CommentInValue = new("PPN026", "Value cut short by a comment", Severity.Warning,
        "Put the whole value in double quotes to keep the text after the '#'.");

    /// <summary>A template tag of another site generator (Jekyll, Eleventy, Hugo) in a body: posts are never run as templates.</summary>
    public static readonly DiagnosticCode TemplateTagAsText = new("PPN027", "Template tag shown as text", Severity.Warning,
        "Write it in Markdown instead: a link as [this post](/posts/<slug>/), a picture as ![what it shows](photo.jpg); delete tags that only set layout.");

    /// <summary>A file beside a post that a browser would run (a web page, a script, an SVG holding one): never published.</summary>
    public static readonly DiagnosticCode ActiveFile = new("PPN028", "File a browser would run", Severity.Error,
        "Link the page where it is already published, or save it as a PDF (a document) or a PNG (a picture) and link that.");

    /// <summary>A post whose body starts with a heading repeating its title: the page shows the title above the body already.</summary>
    public static readonly DiagnosticCode TitleRepeated = new("PPN029", "Title repeated in the body", Severity.Warning,
        "Delete the heading: the page shows the post's title above the body.");

    /// <summary>A Markdown file under input/ that the build never reads (misnamed, or in the wrong folder): its post would be left out.</summary>
    public static readonly DiagnosticCode UnreadFile = new("PPN030", "Markdown file never read", Severity.Error,
        "Rename it to end '.md', and move it into input/posts/, input/commitments/ or input/pages/.");

    /// <summary>A post dated more than a year ahead: most often a slip in the year, and the post would not appear until then.</summary>
    public static readonly DiagnosticCode DatedFarAhead = new("PPN031", "Post dated far ahead", Severity.Warning,
        "Check the year. A post appears on its date (the site is rebuilt daily); to publish it now, give today's date.");

    /// <summary>A picture over 1 MB beside a post (a photo straight from a camera): every reader downloads all of it.</summary>
    public static readonly DiagnosticCode HeavyImage = new("PPN032", "Picture too heavy for a page", Severity.Warning,
        "Save it smaller: 1,600 pixels wide as a JPEG of quality about 80 is a few hundred KB and looks the same on the page.");

    /// <summary>Two tags written differently (not only in capitals or accents) that name one page: C# and C++ are both /tags/c/.</summary>
    public static readonly DiagnosticCode TagsShareAPage = new("PPN033", "Different tags share a page", Severity.Warning,
        "A tag's page is named by its letters and digits only: write the tag the same way on every post, or rename one of them (C-sharp, C-plus-plus).");

    /// <summary>A link that shows nothing a screen reader can announce (<c>[](https://…)</c>, a linked picture without alt text).</summary>
    public static readonly DiagnosticCode LinkWithoutText = new("PPN034", "Link without text", Severity.Warning,
        "Write what the link leads to between the square brackets, e.g. [the full report](https://example.org/report); for a linked picture, describe the picture: [![what it shows](photo.jpg)](https://…).");

    /// <summary>A link to a section (<c>#…</c>) that its page does not have: the reader lands at the top of the page instead.</summary>
    public static readonly DiagnosticCode MissingSection = new("PPN035", "Link to a missing section", Severity.Warning,
        "A heading's section is named by its words in small letters, joined by hyphens: '## Our findings' is #our-findings.");

    /// <summary>An HTML start tag in a body's text that is never closed: as HTML it would hide or restyle every word after it, so it is shown as written.</summary>
    public static readonly DiagnosticCode UnclosedTagAsText = new("PPN036", "Unclosed HTML tag shown as text", Severity.Warning,
        "To write an element's name, put it in backticks (`<title>`); to use the element, close it (<b>…</b>).");

    /// <summary>An HTML comment or element opened and never closed that would take the rest of the post off the page.</summary>
    public static readonly DiagnosticCode UnclosedHtmlHidesRest = new("PPN037", "Unclosed HTML hides the rest of the post", Severity.Error,
        "Close it where it should end: a comment with '-->', an element with its end tag (</script>); or delete it.");

    /// <summary>A footnote left out (a label defined twice, a note nothing refers to) or a reference to none, shown as written.</summary>
    public static readonly DiagnosticCode FootnoteNotShown = new("PPN038", "Footnote not shown", Severity.Warning,
        "Give each note one definition ([^1]: The source.) on a line of its own, and refer to it in the text ([^1]).");

    /// <summary>A Markdown link whose address holds a space, which Markdown does not read as a link: shown as written.</summary>
    public static readonly DiagnosticCode LinkShownAsText = new("PPN039", "Link shown as text", Severity.Warning,
        "Write the address without spaces (%20 for a space in a file name), or put it in angle brackets: [the report](<my report.pdf>).");

    /// <summary>A placeholder that 'ppnblog new' wrote, left in a post: it would be published as the post's words.</summary>
    public static readonly DiagnosticCode PlaceholderLeft = new("PPN040", "Placeholder left in a post", Severity.Error,
        "Replace the words 'ppnblog new' wrote with the post's own.");

    /// <summary>Markdown or HTML in a value shown as plain text (a summary): readers would see it as written.</summary>
    public static readonly DiagnosticCode MarkupInPlainText = new("PPN041", "Markup in plain text", Severity.Warning,
        "Write it as plain text, without Markdown or HTML: cards, feeds and search results show it as written.");

    /// <summary>Markup of Pandoc, Quarto or kramdown that the site does not use (a callout's ':::' fence, '{.class}', '{: .lead}'): left out, its words kept.</summary>
    public static readonly DiagnosticCode ForeignMarkupLeftOut = new("PPN042", "Markup of another Markdown tool left out", Severity.Warning,
        "Delete the markup: the site shows every post in its own style. The words around it are kept.");

    /// <summary>A Quarto cross-reference (<c>@fig-chart</c>) to nothing the page names so: shown as written.</summary>
    public static readonly DiagnosticCode CrossReferenceToNothing = new("PPN043", "Cross-reference to nothing on the page", Severity.Warning,
        "Name the heading or picture it refers to with '{#name}' after it, or write words and a link instead: [the method](#sec-method).");

    /// <summary>Every code, in order: the table README documents and the tests check.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        MalformedYaml, MissingFrontMatter, MissingField, InvalidValue, InvalidDate, UnknownCommitment, DuplicateSlug,
        MissingImage, BrokenLink, EmptyPost, NotUtf8, TooLarge, UnknownKey, InvalidSlug, InvalidSiteSettings,
        TemplateError, UnsafeHtmlRemoved, MissingAltText, MissingInput, SymbolicLink, UnrenderableBody, SearchNotIndexed,
        ControlCharacter, SiteNotWritten, UnshowableImage, CommentInValue, TemplateTagAsText, ActiveFile, TitleRepeated,
        UnreadFile, DatedFarAhead, HeavyImage, TagsShareAPage, LinkWithoutText, MissingSection, UnclosedTagAsText,
        UnclosedHtmlHidesRest, FootnoteNotShown, LinkShownAsText, PlaceholderLeft, MarkupInPlainText, ForeignMarkupLeftOut,
        CrossReferenceToNothing,
    ];
}
