using System.Text;
using System.Text.RegularExpressions;
using PPNBlog.Content.Text;

namespace PPNBlog.Submissions.GitHub;

/// <summary>
/// The pull request's title and body for an editor. Nothing from the email reaches GitHub unescaped: @mentions,
/// #references, closing keywords and HTML are neutralised, so a contributor cannot ping people, link issues, close
/// issues on merge or hide text in the PR.
/// </summary>
public static partial class PullRequestText
{
    /// <summary>"Blog submission: &lt;title&gt;", neutralised, on one line and within GitHub's 256 characters (escaping lengthens it).</summary>
    public static string Title(ConvertedPost post)
    {
        var title = post.FrontMatter.Title;
        if (TitlePrefix.Length + Neutralise(title).Length <= MaxTitleLength) return TitlePrefix + Neutralise(title);
        while (TitlePrefix.Length + Neutralise(title).Length + 1 > MaxTitleLength) title = WholeCharacters.Prefix(title, title.Length - 1);
        return TitlePrefix + Neutralise(title.TrimEnd() + "…");
    }

    /// <summary>The longest pull request title GitHub accepts (it refuses a longer one, which would hold the message up for good).</summary>
    private const int MaxTitleLength = 255;

    /// <summary>The post's title as a submission's pull request title shows it (without the prefix).</summary>
    public static string PostTitle(string pullRequestTitle) =>
        pullRequestTitle.StartsWith(TitlePrefix, StringComparison.Ordinal) ? pullRequestTitle[TitlePrefix.Length..] : pullRequestTitle;

    private const string TitlePrefix = "Blog submission: ";

    /// <summary>The body: summary, author, commitments, kind, words, images, validation, ignored attachments, warnings, checklist.</summary>
    /// <param name="post">The submission.</param>
    /// <param name="validation">The generator's diagnostics for the post.</param>
    /// <param name="template">The repository's own pull request template (GitHub does not apply it to API-made pull
    /// requests), which then stands in for the built-in checklist; null when the repository has none.</param>
    public static string Body(ConvertedPost post, IReadOnlyList<string> validation, string? template = null)
    {
        var front = post.FrontMatter;
        var text = new StringBuilder();
        text.AppendLine("## Summary").AppendLine();
        text.AppendLine(front.Summary is null ? "_No summary given; the first paragraph will be used._" : Neutralise(front.Summary)).AppendLine();
        text.AppendLine("| | |").AppendLine("|---|---|");
        text.AppendLine($"| Author | {Neutralise(front.Author)}{(front.Role is null ? "" : ", " + Neutralise(front.Role))} |");
        text.AppendLine($"| Commitments | {string.Join(", ", post.Commitments.Select(c => c.How == "suggested" ? $"`{c.Slug}` (suggested: please confirm)" : $"`{c.Slug}` ({c.How})"))} |");
        text.AppendLine($"| Kind | {front.Kind.ToString().ToLowerInvariant()} |");
        text.AppendLine($"| Words | {post.WordCount} |");
        text.AppendLine($"| Files | `{post.BundlePath}/` |");
        text.AppendLine($"| Sender checks | SPF {post.Sender.Spf}, DKIM {post.Sender.Dkim}, DMARC {post.Sender.Dmarc}; domain {(post.Sender.DomainAllowed ? "on" : "not on")} the allowlist |");
        text.AppendLine($"| Submission key | `{post.IdempotencyKey}` |").AppendLine();
        text.AppendLine("## Images").AppendLine();
        if (post.Images.Count == 0) text.AppendLine("None.");
        foreach (var image in post.Images)
            text.AppendLine($"- `{image.FileName}` ({image.Width}×{image.Height}): {(image.AltText is null ? "**alt text needed**" : "alt text: " + Neutralise(image.AltText))}");
        text.AppendLine().AppendLine("## Validation").AppendLine();
        text.AppendLine(validation.Count == 0 ? "The post passes the generator's checks." : List(validation));
        if (post.IgnoredAttachments.Count > 0)
            text.AppendLine().AppendLine("## Ignored attachments").AppendLine().AppendLine(List(post.IgnoredAttachments.Select(Privacy.PersonalDataScanner.NameOrType)));
        if (post.Warnings.Count > 0)
            text.AppendLine().AppendLine("## For the editor").AppendLine().AppendLine(List(post.Warnings));
        text.AppendLine().AppendLine("## Not publishing it?").AppendLine();
        text.AppendLine($"Add the `{SubmissionPullRequests.NotPublishingLabel}` label, then close this pull request: the bot tells the contributor, kindly, " +
            "that the post will not be published (their address is kept out of GitHub, so nobody here can write to them). Closed without the label, nobody is told.");
        text.AppendLine();
        if (template is not null) text.AppendLine(template.Trim());
        else
        {
            text.AppendLine("## Checklist").AppendLine();
            text.AppendLine("- [ ] The commitments are right").AppendLine("- [ ] Every image has alt text and consent")
                .AppendLine("- [ ] No personal data about service users").AppendLine("- [ ] Title, summary and tags read well");
        }
        return WithinGitHubsLimit(text.ToString());
    }

    /// <summary>The longest pull request body GitHub accepts: a longer one is refused, and the message would wait for good.</summary>
    private const int MaxBodyLength = 65_536;

    /// <summary><paramref name="body"/>, cut with a note when a long summary, alt text or name made it longer than GitHub takes.</summary>
    private static string WithinGitHubsLimit(string body)
    {
        const string Cut = "\n\n_… the rest of this description was cut: it was longer than GitHub allows. The post itself is whole in the files._\n";
        if (body.Length <= MaxBodyLength) return body;
        return WholeCharacters.Prefix(body, MaxBodyLength - Cut.Length) + Cut;
    }

    /// <summary>A Markdown list of <paramref name="items"/>, neutralised and short (<see cref="ShortList"/>).</summary>
    private static string List(IEnumerable<string> items) => string.Join('\n', ShortList.Of(items, Neutralise).Lines());

    /// <summary>Makes email text inert in GitHub Markdown: one line, no mentions, references, HTML, or Markdown syntax.</summary>
    public static string Neutralise(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        // A zero-width joiner after '@' and '#' stops mentions and issue links; closing keywords then refer to nothing.
        line = line.Replace("@", "@\u2060").Replace("#", "#\u2060");
        // Closing keywords before a full issue address ("Fixes https://github.com/…/issues/12") still close it: broken too.
        line = ClosingKeyword().Replace(line, m => m.Value[0] + "\u2060" + m.Value[1..]);
        var escaped = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c is '<' or '>' or '&') escaped.Append(c switch { '<' => "&lt;", '>' => "&gt;", _ => "&amp;" });
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '!') escaped.Append('\\').Append(c);
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingKeyword();
}
