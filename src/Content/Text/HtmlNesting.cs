using System.Collections.Frozen;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace PPNBlog.Content.Text;

/// <summary>
/// How deeply untrusted HTML (an email's, a post's raw HTML) nests elements, measured before an HTML parser builds its
/// tree: building a tree costs time in the square of its depth (20,000 nested &lt;div&gt; took 4 s, 40,000 took 17 s),
/// so a few hundred kilobytes built to hurt would stall the bot or the build for hours.
/// </summary>
public static class HtmlNesting
{
    /// <summary>The deepest nesting allowed: browsers stop nesting at 512 open elements too (Blink, WebKit).</summary>
    public const int Limit = 512;

    // Elements a later start tag closes without an end tag (a <p> ends the open <p>): not counted, so real-world HTML
    // that leaves them open never looks deep. Their containers (ul, table, dl, select) are counted.
    private static readonly FrozenSet<string> ClosedByParser = FrozenSet.ToFrozenSet(
        ["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
         "rb", "rt", "rtc", "rp", "html", "head", "body"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Void = FrozenSet.ToFrozenSet(
        ["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta",
         "param", "source", "track", "wbr"], StringComparer.Ordinal);

    // Elements whose content the tokenizer must read as text, as the parser would tell it to.
    private static readonly FrozenDictionary<string, HtmlParseMode> TextContent = new Dictionary<string, HtmlParseMode>(StringComparer.Ordinal)
    {
        ["script"] = HtmlParseMode.Script, ["style"] = HtmlParseMode.Rawtext, ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext, ["noembed"] = HtmlParseMode.Rawtext, ["noframes"] = HtmlParseMode.Rawtext,
        ["textarea"] = HtmlParseMode.RCData, ["title"] = HtmlParseMode.RCData, ["plaintext"] = HtmlParseMode.Plaintext,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How the tokenizer must read what an element of <paramref name="name"/> (lower case) holds: as text, or null for markup.</summary>
    public static HtmlParseMode? TextContentMode(string name) => TextContent.TryGetValue(name, out var mode) ? mode : null;

    /// <summary>
    /// True when <paramref name="html"/> has more than <paramref name="limit"/> start tags ('&lt;' and a letter): elements
    /// side by side cost a parser's tree time in the square of their number too (a node finds its neighbours by reading
    /// its siblings). Stops counting at the limit.
    /// </summary>
    public static bool HasMoreElementsThan(string html, int limit)
    {
        var count = 0;
        for (var at = html.IndexOf('<'); at >= 0 && at + 1 < html.Length; at = html.IndexOf('<', at + 1))
            if (char.IsAsciiLetter(html[at + 1]) && ++count > limit) return true;
        return false;
    }

    /// <summary>True when <paramref name="html"/> nests elements more than <see cref="Limit"/> deep. Linear in its length.</summary>
    public static bool IsTooDeep(string html)
    {
        using var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver) { SkipDataText = true, SkipComments = true };
        var open = new List<string>();
        var openByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var foreign = 0;
        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    return false;
                case HtmlTokenType.StartTag:
                    var tag = token.AsTag();
                    var name = tag.Name;
                    // "<div/>" does not close a div in HTML, only inside SVG and MathML.
                    if (Void.Contains(name) || ClosedByParser.Contains(name) || (tag.IsSelfClosing && foreign > 0)) break;
                    if (TextContentMode(name) is { } mode) tokenizer.State = mode;
                    if (name is "svg" or "math") foreign++;
                    open.Add(name);
                    openByName[name] = openByName.GetValueOrDefault(name) + 1;
                    if (open.Count > Limit) return true;
                    break;
                case HtmlTokenType.EndTag:
                    // An end tag closes its element and every element opened inside it; one whose element is not open is ignored.
                    if (openByName.GetValueOrDefault(token.Name) == 0) break;
                    string closed;
                    do
                    {
                        closed = open[^1];
                        open.RemoveAt(open.Count - 1);
                        openByName[closed]--;
                        if (closed is "svg" or "math") foreign--;
                    }
                    while (closed != token.Name);
                    break;
            }
        }
    }
}
