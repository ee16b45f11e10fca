using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace PPNBlog.Generator.Html;

/// <summary>
/// The HTML stage for a body whose HTML is Markdig's alone (no raw HTML in the Markdown): one pass over AngleSharp's
/// tokens, making the <see cref="BodyEdits"/> and writing what <see cref="DomRewriter"/> would serialise, without
/// building a document. Building and serialising a DOM per body was a third of a 10,000-post build's CPU time.
/// </summary>
/// <remarks>
/// Markdig's HTML nests plainly, so its tokens are its tree. Wherever the HTML parser would build something else from
/// them (a link inside a link, a block inside a paragraph, text where a table allows none, a tag left open) or the
/// stream meets an element Markdig does not write here, <see cref="TryProcess"/> returns null and the body goes the
/// DOM way: the result is the same either way, which the tests check on real and generated posts.
/// </remarks>
public sealed class TokenRewriter(BodyEdits edits)
{
    private static readonly FrozenSet<string> Phrasing =
        FrozenSet.ToFrozenSet(["a", "em", "strong", "code", "sup", "sub", "del", "ins", "mark", "span", "cite", "img", "br", "iframe"]);

    private static readonly FrozenSet<string> Block =
        FrozenSet.ToFrozenSet(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "div", "table", "figure", "figcaption"]);

    /// <summary>Elements that hold only phrasing content here (a block start tag inside them would close or move them).</summary>
    private static readonly FrozenSet<string> PhrasingOnly = FrozenSet.ToFrozenSet(Phrasing.Concat(["p", "h1", "h2", "h3", "h4", "h5", "h6"]));

    /// <summary>The parents each table part may have: the parser inserts a missing one (a tbody, a colgroup).</summary>
    private static readonly FrozenDictionary<string, string[]> TableParents = new Dictionary<string, string[]>
    {
        ["thead"] = ["table"], ["tbody"] = ["table"], ["colgroup"] = ["table"], ["col"] = ["colgroup"], ["tr"] = ["thead", "tbody"],
        ["th"] = ["tr"], ["td"] = ["tr"],
    }.ToFrozenDictionary();

    /// <summary>Elements where only white space may appear as text (other text is moved out of a table by the parser).</summary>
    private static readonly FrozenSet<string> WhiteSpaceOnly = FrozenSet.ToFrozenSet(["table", "thead", "tbody", "colgroup", "tr", "ul", "ol"]);

    private static readonly FrozenSet<string> Void = FrozenSet.ToFrozenSet(["img", "br", "hr", "col"]);

    /// <summary>Every element name the stream handles, looked up by the token's slice of the body.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        FrozenSet.ToFrozenSet(Phrasing.Concat(Block).Concat(TableParents.Keys).Append("li")).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\u00a0");

    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\u00a0");

    /// <summary>Each thread's output buffer, kept between bodies, so a body is not built up again in fresh memory.</summary>
    [ThreadStatic]
    private static StringBuilder? t_output;

    [ThreadStatic]
    private static StringBuilder? t_opening;

    /// <summary>The processed body, or null when the HTML is not plainly nested Markdig output (then use the DOM).</summary>
    public ProcessedHtml? TryProcess(ReadOnlyMemory<char> html, DocumentContext context)
    {
        // A read-only source: the default one for a string copies the text it has read on every text token. Disposed,
        // so the buffer it rents (the body's length) goes back to the pool, not to the collector: one per body.
        using var tokenizer = new HtmlTokenizer(new TextSource(new ReadOnlyMemoryTextSource(html)), HtmlEntityProvider.Resolver);
        var output = t_output ??= new StringBuilder();
        output.Clear();
        var open = new List<string>();
        var words = new WordCounter();
        StringBuilder? paragraph = null;
        var paragraphDepth = -1;
        // The body's text until its first paragraph of words, for a body without one (only a list, a table, code).
        var opening = t_opening ??= new StringBuilder();
        opening.Clear();
        string? headingId = null;
        var inLink = false;
        var inFootnoteReference = false;
        // The notes at the end (Markdig's div.footnotes) are no opening: their depth in the open elements while inside.
        var footnotesDepth = -1;
        // Nor is a fenced div's paragraph (a callout: "This code no longer runs"), while its depth is set.
        var fencedDivDepth = -1;
        var removed = new List<RemovedHtml>();
        List<string>? ids = null;
        while (true)
        {
            // The struct token: its text and names are slices of the body, not strings made for each token.
            var token = tokenizer.GetStructToken();
            var parent = open.Count == 0 ? "" : open[^1];
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    return open.Count > 0 ? null : new ProcessedHtml(output.ToString(), BodyEdits.Excerpt(paragraph?.ToString() ?? opening.ToString()), words.Count, removed)
                        { Ids = ids ?? [] };

                case HtmlTokenType.Character:
                    var text = token.Data.Memory.Span;
                    if (parent is "pre" or "iframe" || text.Contains('\0') || (WhiteSpaceOnly.Contains(parent) && !IsHtmlWhiteSpace(text))) return null;
                    words.Add(text);
                    if (paragraphDepth >= 0 && !inFootnoteReference) paragraph!.Append(text);
                    if (!inFootnoteReference && footnotesDepth < 0 && (paragraph is null || paragraphDepth >= 0)) opening.Append(text);
                    AppendEscaped(output, text, inAttribute: false);
                    break;

                case HtmlTokenType.StartTag:
                    // Only elements Markdig writes are known by name; any other sends the body the DOM way.
                    if (!KnownNames.TryGetValue(token.Name.Memory.Span, out var name)) return null;
                    if (!MayContain(parent, name) || (token.IsSelfClosing && !Void.Contains(name)) || (name == "a" && inLink)) return null;
                    var attributes = new Attributes(token.Attributes);
                    if (attributes.HasDuplicates) return null;
                    switch (name)
                    {
                        case "a":
                            inLink = true;
                            inFootnoteReference = attributes.Get("class") == BodyEdits.FootnoteReferenceClass;
                            if (attributes.Get("href") is { } href && !EditLink(attributes, "a", "href", href, context, removed)) return null;
                            break;
                        case "img":
                            EditImage(attributes, context, removed);
                            break;
                        case "iframe":
                            attributes.Set("loading", "lazy");
                            if (string.IsNullOrWhiteSpace(attributes.Get("title"))) attributes.Set("title", BodyEdits.EmbedTitle);
                            attributes.Remove("frameborder");
                            WriteStartTag(output, BodyEdits.EmbedWrapper, [("class", BodyEdits.EmbedClass)]);
                            break;
                        case "table":
                            if (attributes.Get("class") is not null) return null;
                            attributes.Set("class", BodyEdits.TableClass);
                            WriteStartTag(output, "div", BodyEdits.TableWrapper);
                            break;
                        case "th" or "td" when BodyEdits.AlignmentClass(attributes.Get("style")) is { } alignment:
                            if (attributes.Get("class") is not null) return null;
                            attributes.Remove("style");
                            attributes.Set("class", alignment);
                            break;
                        case "h2" or "h3" or "h4" when attributes.Get("id") is { } id:
                            headingId = id;
                            break;
                        case "pre":
                            attributes.Set(BodyEdits.CodeBlockFocus.Name, BodyEdits.CodeBlockFocus.Value);
                            break;
                        case "div" when footnotesDepth < 0 && attributes.Get("class") == BodyEdits.FootnotesClass:
                            footnotesDepth = open.Count;
                            break;
                        case "div" when fencedDivDepth < 0 && attributes.Get("class") == BodyEdits.FencedDivClass:
                            fencedDivDepth = open.Count;
                            break;
                        case "p" when paragraph is null && footnotesDepth < 0 && fencedDivDepth < 0:
                            paragraph = new StringBuilder();
                            paragraphDepth = open.Count;
                            break;
                    }
                    if (attributes.Get("id") is { } elementId) (ids ??= []).Add(elementId);
                    WriteStartTag(output, name, attributes.List);
                    if (!Void.Contains(name)) open.Add(name);
                    break;

                case HtmlTokenType.EndTag:
                    if (!token.Name.Memory.Span.SequenceEqual(parent)) return null;
                    open.RemoveAt(open.Count - 1);
                    if (open.Count == footnotesDepth) footnotesDepth = -1;
                    if (open.Count == fencedDivDepth) fencedDivDepth = -1;
                    if (parent == "a") inLink = inFootnoteReference = false;
                    if (parent == "p" && paragraphDepth == open.Count)
                    {
                        paragraphDepth = -1;
                        // A paragraph without words (a picture alone) is not the excerpt: the next one may be.
                        if (string.IsNullOrWhiteSpace(paragraph!.ToString())) paragraph = null;
                    }
                    if (headingId is not null && parent is "h2" or "h3" or "h4")
                    {
                        WriteStartTag(output, "a", BodyEdits.HeadingAnchorAttributes(headingId));
                        output.Append("</a>");
                        headingId = null;
                    }
                    output.Append("</").Append(parent).Append('>');
                    if (parent == "iframe") output.Append("</").Append(BodyEdits.EmbedWrapper).Append('>');
                    if (parent == "table") output.Append("</div>");
                    break;

                default:
                    // Comments, doctypes: raw HTML, which the DOM stage sanitises.
                    return null;
            }
        }
    }

    /// <summary>Whether the parser would put <paramref name="child"/> inside <paramref name="parent"/> as written.</summary>
    private static bool MayContain(string parent, string child)
    {
        if (TableParents.TryGetValue(child, out var parents)) return parents.Contains(parent);
        if (!Phrasing.Contains(child) && !Block.Contains(child) && child != "li") return false;
        if (child == "li") return parent is "ul" or "ol";
        if (parent is "ul" or "ol" or "table" or "thead" or "tbody" or "tr" or "colgroup" or "iframe") return false;
        if (parent == "pre") return child == "code";
        return !PhrasingOnly.Contains(parent) || Phrasing.Contains(child);
    }

    private static bool IsHtmlWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c is not (' ' or '\t' or '\n' or '\f' or '\r')) return false;
        return true;
    }

    /// <returns>False when the edit cannot be made as the DOM stage makes it (a class to merge with).</returns>
    private bool EditLink(Attributes attributes, string element, string attribute, string url, DocumentContext context, List<RemovedHtml> removed)
    {
        var edit = edits.EditLink(url, isAnchor: element == "a", context);
        if (edit.Removed is { } scheme)
        {
            attributes.Remove(attribute);
            removed.Add(BodyEdits.RemovedAddress(scheme, attribute, element));
            return true;
        }
        if (edit.NewValue is not null) attributes.Set(attribute, edit.NewValue);
        if (!edit.External) return true;
        if (attributes.Get("class") is not null) return false;
        attributes.Set("rel", BodyEdits.ExternalRel);
        attributes.Set("class", BodyEdits.ExternalClass);
        return true;
    }

    private void EditImage(Attributes attributes, DocumentContext context, List<RemovedHtml> removed)
    {
        if (attributes.Get("width") is null && attributes.Get("height") is null && attributes.Get("src") is { } src
            && BodyEdits.ImageSize(src, context) is var (width, height))
        {
            attributes.Set("width", width);
            attributes.Set("height", height);
        }
        if (attributes.Get("src") is { } url) EditLink(attributes, "img", "src", url, context, removed);
        attributes.Set("loading", "lazy");
        attributes.Set("decoding", "async");
    }

    private static void WriteStartTag(StringBuilder output, string name, IEnumerable<(string Name, string Value)> attributes)
    {
        output.Append('<').Append(name);
        foreach (var (attributeName, value) in attributes)
        {
            output.Append(' ').Append(attributeName).Append("=\"");
            AppendEscaped(output, value, inAttribute: true);
            output.Append('"');
        }
        output.Append('>');
    }

    /// <summary>
    /// Appends <paramref name="text"/> escaped as AngleSharp's HTML serialiser escapes it (&amp; &lt; &gt; and the
    /// no-break space; in attributes also &quot;), which a test checks for every character. Its own methods take a
    /// shared, locked StringBuilder pool on every call: under parallel rendering that cost more than the whole stage.
    /// </summary>
    public static void AppendEscaped(StringBuilder output, ReadOnlySpan<char> text, bool inAttribute)
    {
        var special = inAttribute ? AttributeSpecials : TextSpecials;
        while (text.IndexOfAny(special) is var i and >= 0)
        {
            output.Append(text[..i]).Append(text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&nbsp;",
            });
            text = text[(i + 1)..];
        }
        output.Append(text);
    }

    /// <summary>A start tag's attributes in order, changed as AngleSharp's SetAttribute and RemoveAttribute change them.</summary>
    private sealed class Attributes
    {
        public Attributes(StructAttributes tag)
        {
            for (var i = 0; i < tag.Count; i++)
            {
                var (name, value) = (tag[i].Name.ToString(), tag[i].Value.ToString());
                if (Get(name) is not null) HasDuplicates = true;
                List.Add((name, value));
            }
        }

        public List<(string Name, string Value)> List { get; } = [];

        public bool HasDuplicates { get; }

        public string? Get(string name) => List.FindIndex(a => a.Name == name) is var i and >= 0 ? List[i].Value : null;

        public void Set(string name, string value)
        {
            var i = List.FindIndex(a => a.Name == name);
            if (i >= 0) List[i] = (name, value);
            else List.Add((name, value));
        }

        public void Remove(string name) => List.RemoveAll(a => a.Name == name);
    }
}
