using System.Text.RegularExpressions;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.FrontMatter;

/// <summary>The schema of <c>input/site.yml</c>.</summary>
public static partial class SiteSettingsSchema
{
    /// <summary>Every key site.yml may carry.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "description", "baseUrl", "language", "intro", "contactEmail", "hashtags", "footerNote", "postsPerPage",
    };

    /// <summary>The address as written, without the "mailto:" a link copied from a page carries (the footer's link adds its own).</summary>
    private static string? ContactAddress(string? written) =>
        written is not null && written.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? written["mailto:".Length..].Trim() : written;

    /// <summary>One address, name@domain, and nothing else: no display name, second address, query or space.</summary>
    private static bool IsPlainAddress(string address) =>
        address.IndexOf('@') is var at and > 0 && at == address.LastIndexOf('@') && at < address.Length - 1
        && !address.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '?' or '"' or ':' || char.IsControl(c));

    /// <summary>Reads and validates the settings; null when they have errors.</summary>
    public static SiteSettings? Read(string text, string displayPath, DiagnosticList diagnostics)
    {
        var local = new DiagnosticList();
        var fields = FrontMatterFields.ParseYaml(text, 1, displayPath, local);
        SiteSettings? settings = null;
        if (fields is not null)
        {
            var title = fields.Text("title", required: true, oneLine: true);
            var baseUrlText = fields.Value("baseUrl", required: true);
            Uri? baseUrl = null;
            if (baseUrlText is not null && !TryParseBaseUrl(baseUrlText, out baseUrl, out var problem))
                local.Add(DiagnosticCode.InvalidSiteSettings, fields.LocationOf("baseUrl"), $"baseUrl '{baseUrlText}' {problem}",
                    "Write the published address, e.g. baseUrl: \"https://example.org/blog/\".");
            var postsPerPage = fields.Int("postsPerPage", example: 10) ?? 10;
            if (postsPerPage is < 1 or > 100)
                local.Add(DiagnosticCode.InvalidSiteSettings, fields.LocationOf("postsPerPage"), $"postsPerPage must be between 1 and 100, not {postsPerPage}",
                    "Give a number of posts from 1 to 100, e.g. postsPerPage: 10.");
            var hashtags = fields.TextList("hashtags");
            foreach (var hashtag in hashtags.Where(h => !Hashtags.IsValid(h.Value.TrimStart('#'))))
                local.Add(DiagnosticCode.InvalidSiteSettings, hashtag.Location, $"hashtag '{hashtag.Value}' is not one word of letters, digits or _",
                    "Write each as one word of 3 to 61 characters, e.g. PPNWeek.");
            var language = fields.Value("language") ?? "en-GB";
            if (!LanguageTag().IsMatch(language))
                local.Add(DiagnosticCode.InvalidSiteSettings, fields.LocationOf("language"), $"language '{language}' is not a language tag",
                    "Write a language tag such as en-GB (screen readers choose their voice by it; feeds carry it).");
            var contact = ContactAddress(fields.Value("contactEmail"));
            if (contact is not null && !IsPlainAddress(contact))
                local.Add(DiagnosticCode.InvalidSiteSettings, fields.LocationOf("contactEmail"), $"contactEmail '{contact}' is not an email address",
                    "Write the blog team's shared address alone, e.g. contactEmail: ppn.blog@nhs.net (the footer links it).");
            var settingsDraft = new SiteSettings(
                Title: title ?? "",
                // Both are shown as written: the description in meta tags and feeds, the note in every page's footer.
                Description: fields.PlainText("description") ?? "",
                BaseUrl: baseUrl ?? new Uri("http://localhost/"),
                Language: language,
                Intro: fields.Text("intro"),
                ContactEmail: contact,
                Hashtags: hashtags.Select(h => h.Value.TrimStart('#')).ToList(),
                FooterNote: fields.PlainText("footerNote"),
                PostsPerPage: postsPerPage,
                IntroPlacement: fields.Placement("intro"));
            fields.WarnUnknownKeys(Keys, "site.yml");
            if (!local.HasErrors) settings = settingsDraft;
        }
        diagnostics.AddRange(local.Sorted());
        return settings;
    }

    /// <summary>
    /// Parses an absolute http(s) URL and makes sure it ends with '/', so paths can be appended; otherwise
    /// <paramref name="problem"/> says what is wrong (as the end of a sentence naming the value).
    /// </summary>
    public static bool TryParseBaseUrl(string text, out Uri? baseUrl, out string problem)
    {
        baseUrl = null;
        problem = "";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problem = "is not an absolute http(s) URL";
        // Page addresses are the base with a path appended: after a '?' or '#' they would lose the base's path.
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            problem = "has a query or fragment ('?…' or '#…'), which page addresses cannot follow";
        else if (uri.UserInfo.Length > 0)
            problem = "holds a user name or password, which every page, feed and API file would publish";
        else
            baseUrl = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return baseUrl is not null;
    }

    /// <summary>A BCP 47 language tag's shape: a 2–3 letter language, then subtags (region, script…) of 2–8 letters or digits.</summary>
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
