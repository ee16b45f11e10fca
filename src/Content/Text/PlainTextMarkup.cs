using System.Net;
using System.Text.RegularExpressions;

namespace PPNBlog.Content.Text;

/// <summary>
/// Markdown and HTML written in a value the site shows as plain text (a summary, on cards, in feeds and as the meta
/// description), where readers would see it as written: emphasis, links and pictures, code, the tags of HTML elements,
/// character references. What is only plain text with a symbol in it ("5 * 3", "Mind &amp; body", "&lt; 18s",
/// "Dear &lt;name&gt;", "google_auth_proxy") is not markup.
/// </summary>
public static partial class PlainTextMarkup
{
    /// <summary>The markup in a text: where the first is, each as written (once), and the text without it.</summary>
    public sealed record Found(int Index, IReadOnlyList<string> Written, string Plain);

    /// <summary>The markup in <paramref name="text"/>, or null when it has none.</summary>
    public static Found? In(string text)
    {
        // Nothing without one of these characters can be markup: most summaries are let through here.
        if (text.AsSpan().IndexOfAny("*_`[<&") < 0) return null;
        var first = -1;
        var written = new List<string>();
        var plain = Markup().Replace(text, match =>
        {
            var shown = Shown(match);
            if (shown is null) return match.Value;
            if (first < 0) first = match.Index;
            if (!written.Contains(match.Value)) written.Add(match.Value);
            return shown;
        });
        return first < 0 ? null : new Found(first, written, SingleLine.CollapseWhitespace(plain).Trim());
    }

    /// <summary>What readers should see of a piece of markup; null when it is plain text after all.</summary>
    private static string? Shown(Match match) =>
        match.Groups["text"].Success ? match.Groups["text"].Value
        : match.Groups["tag"].Success ? (!HtmlElements.IsElement(match.Groups["tag"].Value) ? null : Breaks.Contains(match.Groups["tag"].Value) ? " " : "")
        : match.Groups["reference"].Success ? (WebUtility.HtmlDecode(match.Value) is var decoded && decoded != match.Value ? decoded : null)
        : null;

    /// <summary>Elements that part the words around them: a line break, a paragraph's end.</summary>
    private static readonly HashSet<string> Breaks = new(StringComparer.OrdinalIgnoreCase) { "br", "p", "div", "li", "hr" };

    /// <summary>
    /// A Markdown link or picture (its words), code, strong or emphasised words between '*' or '_' that open after no
    /// letter and close before none (its words), an HTML tag (its name) or a character reference.
    /// </summary>
    [GeneratedRegex("""
        !?\[(?<text>[^\[\]\n]*)\]\([^()\s]*(?:\s+"[^"\n]*")?\)
        | `(?<text>[^`\n]+)`
        | (?<![\w*\\])(?<star>\*\*?)(?=[^\s*])(?<text>[^\n]+?)(?<=[^\s*\\])\k<star>(?![\w*])
        | (?<![\w_\\])(?<line>__?)(?=[^\s_])(?<text>[^\n]+?)(?<=[^\s_\\])\k<line>(?![\w_])
        | </?(?<tag>[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>
        | (?<reference>&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Markup();
}
