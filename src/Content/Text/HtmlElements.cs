using System.Collections.Concurrent;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PPNBlog.Content.Text;

/// <summary>Which names are elements of HTML, so a "tag" that names none (<c>Dear &lt;name&gt;</c>, <c>&lt;Ctrl&gt;</c>) is read as text.</summary>
public static class HtmlElements
{
    /// <summary>Tag names seen so far, and whether each is an element of HTML (AngleSharp knows every one).</summary>
    private static readonly ConcurrentDictionary<string, bool> KnownNames = new(StringComparer.OrdinalIgnoreCase) { ["svg"] = true, ["math"] = true };

    private static readonly Lock DocumentLock = new();
    private static readonly IHtmlDocument Document = new HtmlParser().ParseDocument("");

    /// <summary>True when <paramref name="name"/> (in any case) names an element of HTML, a custom element's too.</summary>
    public static bool IsElement(string name) => KnownNames.GetOrAdd(name, static n =>
    {
        // A custom element (a hyphen in its name) is HTML too; the sanitiser removes it, with a warning.
        if (n.Contains('-')) return true;
        lock (DocumentLock) return Document.CreateElement(n) is not IHtmlUnknownElement;
    });
}
