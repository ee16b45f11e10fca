using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace PPNBlog.Submissions.Conversion;

/// <summary>
/// What an email shows no reader, which is no one's words: a newsletter's preheader, Outlook's mso-hide, a tracking
/// reference, words planted for spam filters. Hidden by the element's own style (no display, no visibility, no size, no
/// height, no opacity), by a rule of the email's style sheet for every screen, or written white where nothing gives it a
/// background.
/// </summary>
public static partial class HiddenText
{
    /// <summary>The most hiding rules of a style sheet applied: each is matched against the whole email.</summary>
    private const int MaxRules = 200;

    /// <summary>Removes every element of <paramref name="document"/> a reader would not see; read before its style sheets are removed.</summary>
    public static void Remove(IDocument document)
    {
        var hidden = document.QuerySelectorAll("[hidden], [style], font[color]")
            .Where(e => e.HasAttribute("hidden") || Hides(e.GetAttribute("style")) || IsWhiteOnNoBackground(e)).ToList();
        hidden.AddRange(HiddenByStyleSheets(document));
        foreach (var element in hidden) element.Remove();
    }

    /// <summary>Whether a style attribute's (or rule's) declarations hide what they style.</summary>
    public static bool Hides(string? style) =>
        style is not null && (HidingDeclaration().IsMatch(style) || ZeroHeight().IsMatch(style) && OverflowHidden().IsMatch(style));

    /// <summary>
    /// The elements the email's style sheets hide: only rules for every screen (one inside @media hides a part on a phone
    /// that a computer shows, or the other way round).
    /// </summary>
    private static IEnumerable<IElement> HiddenByStyleSheets(IDocument document)
    {
        var sheets = document.QuerySelectorAll("style").Select(s => s.TextContent).Where(css => css.Contains(':')).ToList();
        if (sheets.Count == 0) return [];
        var parser = new CssParser();
        var rules = sheets.SelectMany(css => parser.ParseStyleSheet(css).Rules.OfType<ICssStyleRule>()).Where(rule => Hides(rule.Style.CssText)).Take(MaxRules);
        var hidden = new List<IElement>();
        foreach (var rule in rules)
        {
            // A selector AngleSharp cannot match (a vendor's pseudo-class) hides nothing here.
            try { hidden.AddRange(document.QuerySelectorAll(rule.SelectorText)); }
            catch (DomException) { }
        }
        return hidden;
    }

    /// <summary>White text where neither it nor any element around it sets a background: white on the white page.</summary>
    private static bool IsWhiteOnNoBackground(IElement element)
    {
        var color = element.LocalName == "font" ? element.GetAttribute("color") : null;
        if (!WhiteColor().IsMatch(element.GetAttribute("style") ?? "") && !(color is not null && WhiteName().IsMatch(color))) return false;
        for (IElement? around = element; around is not null; around = around.ParentElement)
            if (around.HasAttribute("bgcolor") || around.HasAttribute("background") || Background().IsMatch(around.GetAttribute("style") ?? "")) return false;
        return true;
    }

    [GeneratedRegex(@"(^|;)\s*(display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden|font-size\s*:\s*0*\.?0+\s*(px|pt|em|rem|%)?|opacity\s*:\s*0*\.?0+)\s*(!\s*important\s*)?(;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HidingDeclaration();

    [GeneratedRegex(@"(^|;)\s*(max-)?height\s*:\s*0+\s*(px|pt|em|rem|%)?\s*(!\s*important\s*)?(;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroHeight();

    [GeneratedRegex(@"(^|;)\s*overflow(-y)?\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex OverflowHidden();

    [GeneratedRegex(@"(^|;)\s*color\s*:\s*(#fff(fff)?|white|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*(,\s*1(\.0*)?\s*)?\))\s*(!\s*important\s*)?(;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex WhiteColor();

    [GeneratedRegex(@"^\s*(#fff(fff)?|white)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhiteName();

    [GeneratedRegex(@"(^|;)\s*background(-color|-image)?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Background();
}
