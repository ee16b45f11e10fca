using PPNBlog.Content.FrontMatter;

namespace PPNBlog.Content.Model;

/// <summary>Site-wide settings from <c>input/site.yml</c>.</summary>
/// <param name="Title">The site's name.</param>
/// <param name="Description">One sentence about the site, for the home page and feeds.</param>
/// <param name="BaseUrl">The absolute URL the site is published at, ending with '/'.</param>
/// <param name="Language">The BCP 47 language of the content (en-GB).</param>
/// <param name="Intro">Markdown shown on the home page, above the commitments.</param>
/// <param name="ContactEmail">The blog team's address shown in the footer (a shared mailbox, never a person's).</param>
/// <param name="Hashtags">The network's social hashtags, without '#'.</param>
/// <param name="FooterNote">A line of text for the footer.</param>
/// <param name="PostsPerPage">Posts on each page of the home page and archives.</param>
/// <param name="IntroPlacement">Where the intro's text is written in site.yml, where its diagnostics point.</param>
public sealed record SiteSettings(
    string Title,
    string Description,
    Uri BaseUrl,
    string Language,
    string? Intro,
    string? ContactEmail,
    IReadOnlyList<string> Hashtags,
    string? FooterNote,
    int PostsPerPage,
    TextPlacement? IntroPlacement = null)
{
    /// <summary>The path part of <see cref="BaseUrl"/> ("/" or e.g. "/ppnblog/"): prefixed to every root-relative URL.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// <summary>The same settings published at another base URL (the --base-url option).</summary>
    public SiteSettings WithBaseUrl(Uri baseUrl) => this with { BaseUrl = baseUrl };
}
