using System.CommandLine;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;
using PPNBlog.Generator.Loading;
using PPNBlog.Generator.Output;
using PPNBlog.Generator.Site;

namespace PPNBlog.Generator.Cli;

/// <summary><c>ppnblog new "Title" --commitment SLUG</c>: writes a valid post skeleton and prints its path.</summary>
internal static class NewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var title = new Argument<string>("title") { Description = "The post's title" };
        var commitment = new Option<string[]>("--commitment") { Description = "Commitment slug (repeat for several)", Required = true };
        var kind = new Option<string>("--kind") { Description = "blog or keynote", DefaultValueFactory = _ => "blog" };
        kind.AcceptOnlyFromAmong("blog", "keynote");
        var author = new Option<string>("--author") { Description = "The author's name", DefaultValueFactory = _ => "PPN Editorial Team" };
        var input = new Option<string>("--input") { Description = "Content folder", DefaultValueFactory = _ => "input" };
        var command = new Command("new", "Write a new post skeleton that passes validation, and print its path.") { title, commitment, kind, author, input };
        command.SetAction(result =>
        {
            var inputDirectory = result.GetValue(input)!;
            if (SiteOptions.FolderProblem(inputDirectory, "content", "--input") is { } problem)
            {
                error.WriteLine($"ppnblog: {problem}");
                return Program.UsageError;
            }
            var content = ContentLoader.Load(inputDirectory, new DiagnosticList());
            var known = content?.Commitments.Select(c => c.Slug).ToList() ?? [];
            if (known.Count == 0)
            {
                error.WriteLine($"ppnblog: {SiteOptions.NoCommitments(inputDirectory)}");
                return Program.UsageError;
            }
            foreach (var unknown in result.GetValue(commitment)!.Where(s => !known.Contains(s)))
            {
                var nearest = Slugs.Nearest(unknown, known);
                error.WriteLine($"ppnblog: unknown commitment '{unknown}'{(nearest is null ? "" : $"; did you mean '{nearest}'?")} Known: {string.Join(", ", known)}");
                return Program.UsageError;
            }
            var postTitle = SingleLine.From(result.GetValue(title)!);
            if (postTitle.Length == 0)
            {
                error.WriteLine("ppnblog: the title is empty; give the post a title, e.g. ppnblog new \"Small acts\" --commitment put-people-first");
                return Program.UsageError;
            }
            var today = DateTimeOffset.Now;
            var frontMatter = new PostFrontMatter
            {
                Title = postTitle,
                Date = new PostDate(new DateTimeOffset(today.Date, PostDate.UkTime.GetUtcOffset(today.Date)), HasTime: false),
                Author = SingleLine.From(result.GetValue(author)!),
                Commitments = result.GetValue(commitment)!.Distinct().ToList(),
                Kind = result.GetValue(kind) == "keynote" ? PostKind.Keynote : PostKind.Blog,
                Summary = PostSkeleton.Summary,
            };
            var slug = Slugs.FromTitle(postTitle);
            var path = Path.Combine(inputDirectory, "posts", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), slug + ".md");
            if (File.Exists(path))
            {
                error.WriteLine($"ppnblog: {path} already exists; choose another title");
                return Program.ContentErrors;
            }
            // Another post (in any year's folder, or a bundle) may have the address already: the build would fail on both.
            // Or an alias (a post's earlier address), which the build would refuse as taken.
            var address = SiteUrls.PostPath(slug);
            var holder = content?.Posts.FirstOrDefault(p => p.Slug == slug || p.FrontMatter.Aliases.Any(a => RedirectWriter.SitePath(a) == address))?.Source.DisplayPath
                ?? (content?.Invalid.PostSlugs.Contains(slug) == true ? "another post" : null);
            if (holder is not null)
            {
                error.WriteLine($"ppnblog: /posts/{slug}/ is already the address of {holder}; choose another title");
                return Program.ContentErrors;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, PostWriter.Write(frontMatter, PostSkeleton.Body));
            output.WriteLine(ContentLoader.DisplayPath(Path.GetFullPath(path)));
            return 0;
        });
        return command;
    }
}
