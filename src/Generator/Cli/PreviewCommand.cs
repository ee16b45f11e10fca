using System.CommandLine;
using System.Text;
using System.Text.Json;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Cli;

/// <summary>
/// <c>ppnblog preview FILE…</c>: the posts, pages and commitments among the given files (a pull request's changed
/// files), rendered from the built site's JSON API as Markdown for a GitHub job summary, so an editor reads them in the PR.
/// </summary>
internal static class PreviewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "Changed files (paths under input/; others are ignored)", Arity = ArgumentArity.ZeroOrMore };
        var input = new Option<string>("--input") { Description = "Content folder", DefaultValueFactory = _ => "input" };
        var built = new Option<string>("--site") { Description = "The built site (from ppnblog build)", DefaultValueFactory = _ => "_site" };
        var command = new Command("preview", "Print the given posts, pages and commitments, rendered, as Markdown for a GitHub job summary.") { files, input, built };
        command.SetAction(result =>
        {
            var content = ContentLoader.Load(result.GetValue(input)!, new DiagnosticList());
            var site = result.GetValue(built)!;
            if (content is null || !Directory.Exists(Path.Combine(site, "api", "posts")))
            {
                error.WriteLine($"ppnblog: preview needs the content folder and a built site ('{site}'); run ppnblog build first");
                return Program.UsageError;
            }
            // A changed image in a bundle previews its post too.
            var changed = result.GetValue(files)!.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            var posts = content.Posts.Where(p => changed.Any(f => f == p.Source.FullPath || (p.IsBundle && f.StartsWith(p.Source.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)))).ToList();
            var pages = content.Pages.Where(p => changed.Contains(p.Source.FullPath)).ToList();
            var commitments = content.Commitments.Where(c => changed.Contains(c.Source.FullPath)).ToList();
            var text = new StringBuilder();
            if (posts.Count + pages.Count + commitments.Count == 0) text.AppendLine("No posts, pages or commitments changed in this pull request.").AppendLine();
            if (posts.Count > 0) text.AppendLine($"## {posts.Count} new or changed post{(posts.Count == 1 ? "" : "s")}").AppendLine();
            var now = DateTimeOffset.Now;
            foreach (var post in posts)
            {
                // A draft or a post dated later is not on the site once merged: the editor is told so, and when it.
                var status = post.FrontMatter.Draft ? "**Draft**: not published while its front matter says `draft: true`."
                    : post.Date.Value > now ? $"**Scheduled**: it appears on the site on {ViewFactory.DateDisplay(post.Date)}, with that day's build."
                    : null;
                if (Api(site, "posts", post.Slug) is not { } root)
                {
                    text.AppendLine($"### {Text(post.FrontMatter.Title)}").AppendLine().AppendLine(status ?? "").AppendLine()
                        .AppendLine("_Not rendered: this preview was built without drafts and later-dated posts (ppnblog build --drafts includes them)._").AppendLine();
                    continue;
                }
                var titles = string.Join(", ", root.GetProperty("commitments").EnumerateArray().Select(c => content.Commitments.First(k => k.Slug == c.GetString()).Title));
                text.AppendLine($"### {Text(root.GetProperty("title").GetString())}").AppendLine();
                if (status is not null) text.AppendLine(status).AppendLine();
                text.AppendLine(string.Join(" · ", new[] { root.GetProperty("date").GetString(), root.GetProperty("author").GetString(), root.GetProperty("kind").GetString(), titles }.Select(Text).Append(Code(post.Source.DisplayPath)))).AppendLine();
                text.AppendLine(root.GetProperty("content_html").GetString()).AppendLine().AppendLine("---").AppendLine();
            }
            // Pages and commitments, from the same API: their text as the site shows it.
            foreach (var (heading, items) in new[] {
                ("Pages", pages.Select(p => (Api(site, "pages", p.Slug), p.Title, p.Source.DisplayPath, "content_html")).ToList()),
                ("Commitments", commitments.Select(c => (Api(site, "commitments", c.Slug), c.Title, c.Source.DisplayPath, "description_html")).ToList()) })
            {
                if (items.Count == 0) continue;
                text.AppendLine($"## {heading}").AppendLine();
                foreach (var (root, title, path, body) in items)
                    text.AppendLine($"### {Text(title)}").AppendLine().AppendLine(Code(path)).AppendLine()
                        .AppendLine(root?.GetProperty(body).GetString() ?? "_Not rendered: it is not in the built site._").AppendLine().AppendLine("---").AppendLine();
            }
            output.Write(text.ToString());
            return 0;
        });
        return command;
    }

    /// <summary>
    /// <paramref name="value"/> as text in the job summary's Markdown: a title or author (an emailed post's come from its
    /// sender) could otherwise add HTML, links or pictures to the page editors review.
    /// </summary>
    private static string Text(string? value)
    {
        var text = new StringBuilder();
        foreach (var c in value ?? "")
        {
            // Every ASCII punctuation mark may be escaped with a backslash in Markdown, and then is only itself.
            if (char.IsControl(c)) text.Append(' ');
            else if (c <= '\u007F' && c != ' ' && !char.IsAsciiLetterOrDigit(c)) text.Append('\\').Append(c);
            else text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>A file's path as code (only a backtick could end it early, or a line break the line).</summary>
    private static string Code(string path) => path.Contains('`') ? Text(path) : $"`{string.Concat(path.Select(c => char.IsControl(c) ? ' ' : c))}`";

    /// <summary>The built site's API file for the item <paramref name="slug"/> of <paramref name="kind"/> (posts, pages, commitments), or null when it has none.</summary>
    private static JsonElement? Api(string site, string kind, string slug)
    {
        var file = Path.Combine(site, "api", kind, slug + ".json");
        if (!File.Exists(file)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.Clone();
    }
}
