using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Markdown;

/// <summary>A link or image written in a Markdown body, with its position for diagnostics.</summary>
/// <param name="Url">The URL as written.</param>
/// <param name="IsImage">True for <c>![alt](url)</c>.</param>
/// <param name="AltText">An image's alt text (empty when none).</param>
/// <param name="Line">0-based line in the body.</param>
/// <param name="Column">0-based column in the body.</param>
public sealed record MarkdownLink(string Url, bool IsImage, string AltText, int Line, int Column)
{
    /// <summary>A link (not a picture) that shows nothing a screen reader can announce: no words, no picture with alt text.</summary>
    public bool HasNoText { get; init; }
}

/// <summary>A Markdown body read by Markdig, before HTML post-processing.</summary>
/// <param name="Html">
/// Markdig's HTML: its own string from <see cref="MarkdownRenderer.Render"/>; empty from <see cref="MarkdownRenderer.Parse"/>,
/// which keeps the tree instead.
/// </param>
/// <param name="Links">Every link and image, in document order.</param>
/// <param name="RawHtmlLine">0-based line of the first raw HTML, or null when the body has none (then no sanitising is needed).</param>
public sealed record MarkdownHtml(ReadOnlyMemory<char> Html, IReadOnlyList<MarkdownLink> Links, int? RawHtmlLine)
{
    /// <summary>
    /// Markdig's tree of the body, when its HTML is not written yet (<see cref="MarkdownRenderer.Parse"/>): the HTML
    /// stage writes it.
    /// </summary>
    public Markdig.Syntax.MarkdownDocument? Document { get; init; }

    /// <summary>The first template tag of another site generator in the text, if any: readers see it as written.</summary>
    public TemplateTag? TemplateTag { get; init; }

    /// <summary>The body's first block when it is a heading: its text, 0-based line and column.</summary>
    public (string Text, int Line, int Column)? FirstHeading { get; init; }

    /// <summary>What the Markdown stage found to tell the writer, each where it is written.</summary>
    public IReadOnlyList<BodyProblem> Problems { get; init; } = [];
}

/// <summary>A problem the Markdown stage found in a body.</summary>
/// <param name="Code">The entry of the diagnostic table.</param>
/// <param name="Line">0-based line in the body.</param>
/// <param name="Column">0-based column in the body.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it, when more specific than the code's hint.</param>
public sealed record BodyProblem(DiagnosticCode Code, int Line, int Column, string Message, string? Hint = null);

/// <summary>A template tag of another site generator written in a body's text.</summary>
/// <param name="Text">The tag as written (up to 80 characters).</param>
/// <param name="Line">0-based line in the body.</param>
/// <param name="Column">0-based column in the body.</param>
/// <param name="Count">How many the body's text holds.</param>
public sealed record TemplateTag(string Text, int Line, int Column, int Count);
