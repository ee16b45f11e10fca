using PPNBlog.Generator.Build;
using PPNBlog.Generator.Loading;
using SkiaSharp;

namespace PPNBlog.Generator.Tests.Build;

/// <summary>
/// Serve's rebuilds redo only what an edit affects. These tests hold them to the two promises that makes: after any
/// kind of edit the output is byte for byte what a fresh build writes (no stale page anywhere), and files the edit
/// does not affect are not written at all.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ppnblog-incremental-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _posts;

    public IncrementalBuildTests()
    {
        TestSite.MakeCorpus(200, _root);
        // A theme of its own to edit, sharing the repository's installed npm packages.
        var theme = Path.Combine(TestSite.RepositoryRoot, "theme");
        foreach (var file in Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(theme, f).StartsWith("node_modules", StringComparison.Ordinal)))
        {
            var target = Path.Combine(Theme, Path.GetRelativePath(theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateSymbolicLink(Path.Combine(Theme, "node_modules"), Path.Combine(theme, "node_modules"));
        _posts = Directory.EnumerateFiles(Path.Combine(Input, "posts"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
    }

    private string Input => Path.Combine(_root, "input");

    private string Theme => Path.Combine(_root, "theme");

    private string Served => Path.Combine(_root, "_site");

    private BuildOptions Options(string output) => new(Input, Theme, output, Now: TestSite.Now, Search: false);

    [Fact]
    public void After_every_kind_of_edit_a_rebuild_writes_exactly_what_a_fresh_build_writes()
    {
        var builder = new SiteBuilder(Options(Served));
        Assert.True(builder.Build(ChangeSet.Everything).Succeeded);
        var bundle = Path.Combine(Input, "posts", "2026", "incremental-bundle");
        var image = Path.Combine(bundle, "photo.png");
        var linked = Unlinked(7);
        // The first edits move no post: serve's quick path takes them (the rest go the full way).
        var inPlace = new[] { "a title", "a body", "a summary removed", "two posts at once" };
        var edits = new (string Name, Func<string[]> Apply)[]
        {
            ("a title", () => Edit(_posts[10], t => ReplaceLine(t, "title:", "title: \"A new title for the post\""))),
            ("a body", () => Edit(_posts[11], t => t + "\nOne more closing paragraph.\n")),
            ("a summary removed", () => Edit(_posts[12], t => ReplaceLine(t, "summary:", ""))),
            ("two posts at once", () => [.. Edit(_posts[30], t => ReplaceLine(t, "author:", "author: \"A. N. Other\"")),
                .. Edit(_posts[31], t => t.Replace("\n\n", "\n\nAn opening line.\n\n", StringComparison.Ordinal))]),
            ("a date (the post moves to the top)", () => Edit(_posts[13], t => ReplaceLine(t, "date:", "date: 2026-11-01T09:00:00+00:00"))),
            ("tags (related posts change)", () => Edit(_posts[14], t => ReplaceLine(t, "tags:", "tags: [a-brand-new-tag, trauma-week]"))),
            ("commitments", () => Edit(_posts[15], t => ReplaceLine(t, "commitments:", "commitments: [transform-and-innovate, put-people-first]"))),
            ("a post made a draft", () => Edit(Unlinked(16), t => t.Replace("\nkind:", "\ndraft: true\nkind:", StringComparison.Ordinal))),
            ("an alias added (the post's earlier address redirects to it)", () => Edit(_posts[17], t => t.Replace("\nkind:", "\naliases: [/posts/an-earlier-name/]\nkind:", StringComparison.Ordinal))),
            ("the alias changed", () => Edit(_posts[17], t => t.Replace("/posts/an-earlier-name/", "/2019/05/another-name.html", StringComparison.Ordinal))),
            ("a new post with an image and a link to another post", () =>
            {
                Directory.CreateDirectory(bundle);
                WriteImage(image, 40, 30);
                var link = Path.GetRelativePath(bundle, linked).Replace('\\', '/');
                File.WriteAllText(Path.Combine(bundle, "index.md"),
                    "---\ntitle: \"A bundle post\"\ndate: 2026-10-01\nauthor: Test Author\ncommitments: [put-people-first]\nkind: blog\ntags: [trauma-week]\n---\n\n" +
                    $"![A photo of the event](photo.png)\n\nRead [the earlier post]({link}) too.\n");
                return [bundle, Path.Combine(bundle, "index.md"), image];
            }),
            ("an image added beside a post", () =>
            {
                WriteImage(Path.Combine(bundle, "second.png"), 20, 20);
                return [Path.Combine(bundle, "second.png")];
            }),
            // Only the post's file changed, but its page now needs a file published beside it: the full way.
            ("a body that now shows that image", () => Edit(Path.Combine(bundle, "index.md"), t => t + "\n![A second photo](second.png)\n")),
            ("a draft edited", () => Edit(Unlinked(16), t => ReplaceLine(t, "title:", "title: \"A draft's new title\""))),
            ("an image replaced by one of another size", () =>
            {
                WriteImage(image, 64, 48);
                return [image];
            }),
            ("a linked post renamed (its address changes)", () =>
            {
                var renamed = Path.Combine(Path.GetDirectoryName(linked)!, "renamed-" + Path.GetFileName(linked));
                File.Move(linked, renamed);
                File.WriteAllText(Path.Combine(bundle, "index.md"), File.ReadAllText(Path.Combine(bundle, "index.md"))
                    .Replace(Path.GetFileName(linked), Path.GetFileName(renamed), StringComparison.Ordinal));
                return [linked, renamed, Path.Combine(bundle, "index.md")];
            }),
            ("a post deleted", () =>
            {
                var post = Unlinked(20);
                File.Delete(post);
                return [post];
            }),
            ("a folder of posts deleted", () =>
            {
                Directory.Delete(bundle, recursive: true);
                return [bundle];
            }),
            ("a commitment's description", () => Edit(Path.Combine(Input, "commitments", "put-people-first.md"), t => t + "\nA further sentence about people.\n")),
            ("the site's title", () => Edit(Path.Combine(Input, "site.yml"), t => ReplaceLine(t, "title:", "title: \"A renamed blog\""))),
            ("the theme's stylesheet", () => Edit(Path.Combine(Theme, "assets", "css", "ppnblog.css"), t => t + "\n.ppn-edited { color: #d5281b; }\n")),
            ("a theme template", () => Edit(Path.Combine(Theme, "templates", "post.liquid"), t => t + "\n<!-- edited -->\n")),
        };
        foreach (var (name, apply) in edits)
        {
            var result = builder.Build(ChangeSet.Of(apply()));
            Assert.True(result.Succeeded, $"{name}: {string.Join('\n', result.Diagnostics)}");
            Assert.Equal(inPlace.Contains(name), result.EditedInPlace);
            // Pages only link the stylesheet: editing it writes it again and nothing else.
            if (name == "the theme's stylesheet") Assert.Equal((0, 1), (result.RenderedCount, result.WrittenCount));
            var fresh = Path.Combine(_root, "fresh-" + Guid.NewGuid().ToString("N")[..8]);
            Assert.True(SiteBuilder.Build(Options(fresh)).Succeeded);
            var differences = Differences(Served, fresh);
            Assert.True(differences.Count == 0, $"after {name}, the rebuild differs from a fresh build in: {string.Join(", ", differences.Take(10))}");
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Fact]
    public void A_body_edit_writes_only_the_posts_page_and_its_api_file()
    {
        var builder = new SiteBuilder(Options(Served));
        var first = builder.Build(ChangeSet.Everything);
        Assert.True(first.Succeeded);
        var before = Snapshot(Served);
        // An old post (so no feed carries it: feeds hold bodies) with a summary (so no card shows its body).
        var post = _posts.Skip(5).First(p => File.ReadAllText(p).Contains("\nsummary:", StringComparison.Ordinal));
        var slug = Path.GetFileNameWithoutExtension(post);

        var result = builder.Build(ChangeSet.Of(Edit(post, t => t + "\nA closing paragraph added in an edit.\n")));

        Assert.True(result.Succeeded);
        var after = Snapshot(Served);
        var written = after.Where(f => !before.TryGetValue(f.Key, out var was) || was != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"api/posts/{slug}.json", $"posts/{slug}/index.html"], written);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.WrittenCount);
        Assert.Equal(first.PageCount, result.PageCount);
        Assert.True(result.RenderedCount < 20, $"{result.RenderedCount} pages rendered for one body edit");
    }

    [Fact]
    public void A_rebuild_that_fails_leaves_the_served_site_as_it_was_and_the_next_one_catches_up()
    {
        var builder = new SiteBuilder(Options(Served));
        Assert.True(builder.Build(ChangeSet.Everything).Succeeded);
        var before = Snapshot(Served);
        var post = _posts[40];
        var original = File.ReadAllText(post);

        // The failing build also reads a good edit of another post, which must still be published once all is well.
        var other = _posts[41];
        var failed = builder.Build(ChangeSet.Of([.. Edit(post, t => ReplaceLine(t, "date:", "date: not-a-date")),
            .. Edit(other, t => ReplaceLine(t, "title:", "title: \"Edited while another post was broken\""))]));

        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.IsError && d.Location.File.EndsWith(Path.GetFileName(post), StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(Served));

        File.WriteAllText(post, ReplaceLine(original, "title:", "title: \"Fixed and retitled\""));
        Assert.True(builder.Build(ChangeSet.Of([post])).Succeeded);
        Assert.Contains("Edited while another post was broken", File.ReadAllText(Path.Combine(Served, "posts", Path.GetFileNameWithoutExtension(other), "index.html")));
        var fresh = Path.Combine(_root, "fresh");
        Assert.True(SiteBuilder.Build(Options(fresh)).Succeeded);
        Assert.Empty(Differences(Served, fresh));
    }

    [Fact]
    public void A_theme_asset_over_a_page_fails_every_rebuild_until_theme_yml_is_fixed()
    {
        var builder = new SiteBuilder(Options(Served));
        Assert.True(builder.Build(ChangeSet.Everything).Succeeded);
        var before = Snapshot(Served);
        var themeFile = Path.Combine(Theme, "theme.yml");
        var original = File.ReadAllText(themeFile);

        var failed = builder.Build(ChangeSet.Of(Edit(themeFile, t => t.Replace("to: assets/ppnblog.css", "to: index.html", StringComparison.Ordinal))));
        Assert.Equal("theme asset path 'index.html' is a file the site makes itself", Assert.Single(failed.Diagnostics, d => d.IsError).Message);
        // An edit elsewhere changes no site path: the earlier finding still stands, and the home page is not replaced.
        var again = builder.Build(ChangeSet.Of(Edit(_posts[40], t => ReplaceLine(t, "title:", "title: \"Edited meanwhile\""))));
        Assert.Equal("theme asset path 'index.html' is a file the site makes itself", Assert.Single(again.Diagnostics, d => d.IsError).Message);
        Assert.Equal(before, Snapshot(Served));

        File.WriteAllText(themeFile, original);
        Assert.True(builder.Build(ChangeSet.Of([themeFile])).Succeeded);
        var fresh = Path.Combine(_root, "fresh");
        Assert.True(SiteBuilder.Build(Options(fresh)).Succeeded);
        Assert.Empty(Differences(Served, fresh));
    }

    [Fact]
    public void A_post_saved_under_a_name_that_is_never_read_fails_the_rebuild_until_it_is_renamed()
    {
        var builder = new SiteBuilder(Options(Served));
        Assert.True(builder.Build(ChangeSet.Everything).Succeeded);
        var misnamed = Path.Combine(Input, "posts", "2026", "saved-from-notepad.md.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(misnamed)!);
        File.WriteAllText(misnamed, ReplaceLine(File.ReadAllText(_posts[5]), "title:", "title: \"Saved from Notepad\""));

        var failed = builder.Build(ChangeSet.Of([misnamed]));

        Assert.False(failed.Succeeded);
        Assert.Equal(["PPN030 the file is never read: posts are files ending '.md', and this one ends '.md.txt'"],
            failed.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Message}"));
        var renamed = Path.ChangeExtension(Path.ChangeExtension(misnamed, null), ".md");
        File.Move(misnamed, renamed);
        var result = builder.Build(ChangeSet.Of([misnamed, renamed]));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(Served, "posts", "saved-from-notepad", "index.html")));

        // An index.md dropped into the year's folder makes the folder one post: the posts in it are told, not dropped.
        var index = Path.Combine(Path.GetDirectoryName(renamed)!, "index.md");
        File.Copy(renamed, index);
        var hidden = builder.Build(ChangeSet.Of([index]));
        Assert.False(hidden.Succeeded);
        var told = Assert.Single(hidden.Diagnostics, d => d.IsError);
        Assert.Equal(("PPN030", index), (told.Code.Id, Path.GetFullPath(told.Location.File)));
        Assert.StartsWith("this post's folder also holds a Markdown file (saved-from-notepad.md)", told.Message);
        File.Delete(index);
        Assert.True(builder.Build(ChangeSet.Of([index])).Succeeded);
        var fresh = Path.Combine(_root, "fresh");
        Assert.True(SiteBuilder.Build(Options(fresh)).Succeeded);
        Assert.Empty(Differences(Served, fresh));
    }

    [Fact]
    public void A_random_run_of_edits_keeps_every_rebuild_equal_to_a_fresh_build()
    {
        // Edits an editor makes in any order, several at a time, drawn with a fixed seed so a failure can be replayed.
        var random = new Random(20261126);
        var builder = new SiteBuilder(Options(Served));
        Assert.True(builder.Build(ChangeSet.Everything).Succeeded);
        var tags = new[] { "trauma-week", "wellbeing", "a-new-tag", "research" };
        var added = 0;
        string Pick() => _posts.Where(File.Exists).ElementAt(random.Next(_posts.Count(File.Exists)));
        var edits = new Func<string[]>[]
        {
            () => Edit(Pick(), t => ReplaceLine(t, "title:", $"title: \"Title {random.Next(1000)}\"")),
            () => Edit(Pick(), t => t + $"\nA paragraph added in edit {random.Next(1000)}.\n"),
            () => Edit(Pick(), t => ReplaceLine(t, "summary:", $"summary: \"Summary {random.Next(1000)}\"")),
            () => Edit(Pick(), t => ReplaceLine(t, "date:", $"date: 202{random.Next(0, 6)}-0{random.Next(1, 10)}-1{random.Next(0, 10)}")),
            () => Edit(Pick(), t => ReplaceLine(t, "tags:", $"tags: [{tags[random.Next(tags.Length)]}, {tags[random.Next(tags.Length)]}]")),
            () =>
            {
                var copy = Path.Combine(Input, "posts", "2026", $"random-new-post-{++added}.md");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.WriteAllText(copy, ReplaceLine(File.ReadAllText(Pick()), "title:", $"title: \"New post {added}\""));
                return [copy];
            },
            () =>
            {
                var post = _posts.Skip(random.Next(_posts.Count)).Concat(_posts).Where(File.Exists).First(p => Unlinked(_posts.IndexOf(p)) == p);
                File.Delete(post);
                return [post];
            },
        };
        for (var step = 0; step < 12; step++)
        {
            var changed = Enumerable.Range(0, random.Next(1, 3)).SelectMany(_ => edits[random.Next(edits.Length)]()).ToArray();
            var result = builder.Build(ChangeSet.Of(changed));
            Assert.True(result.Succeeded, $"step {step}: {string.Join('\n', result.Diagnostics.Where(d => d.IsError))}");
            var fresh = Path.Combine(_root, "fresh-" + step);
            Assert.True(SiteBuilder.Build(Options(fresh)).Succeeded);
            var differences = Differences(Served, fresh);
            Assert.True(differences.Count == 0, $"step {step} ({string.Join(", ", changed.Select(Path.GetFileName))}): the rebuild differs in {string.Join(", ", differences.Take(10))}");
            Directory.Delete(fresh, recursive: true);
        }
    }

    /// <summary>The first post from <paramref name="index"/> on that no other post links to (so it may go away).</summary>
    private string Unlinked(int index)
    {
        var texts = _posts.Where(File.Exists).Select(File.ReadAllText).ToList();
        return _posts.Skip(index).Where(File.Exists).First(p => !texts.Any(t => t.Contains($"/posts/{Path.GetFileNameWithoutExtension(p)}/", StringComparison.Ordinal)));
    }

    private static string[] Edit(string path, Func<string, string> change)
    {
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return [path];
    }

    private static string ReplaceLine(string text, string prefix, string replacement) =>
        string.Join('\n', text.Split('\n').Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? replacement : l));

    private static void WriteImage(string path, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>Every file's site path → its bytes' hash and when it was last written.</summary>
    private static Dictionary<string, (string Hash, DateTime Written)> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => (Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));

    /// <summary>Site paths that exist in only one of two folders, or differ in bytes.</summary>
    private static List<string> Differences(string served, string fresh)
    {
        var a = Snapshot(served);
        var b = Snapshot(fresh);
        return a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x.Hash != y.Hash)
            .Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
