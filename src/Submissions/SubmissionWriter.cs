using System.Diagnostics;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Sources;

namespace PPNBlog.Submissions;

/// <summary>Writes a converted post as a bundle under a folder, and checks it with the content schema before keeping it.</summary>
public static class SubmissionWriter
{
    /// <summary>The post file's text: front matter from the typed model (YamlDotNet), then the body.</summary>
    public static string PostText(ConvertedPost post) => PostWriter.Write(post.FrontMatter, post.Body);

    /// <summary>
    /// Writes <c>DIR/input/posts/&lt;yyyy&gt;/&lt;slug&gt;/index.md</c> and its images; returns the post as written and its
    /// bundle folder, or the schema's errors (and writes nothing) when the post would not pass validation. The same
    /// message converted again replaces its own bundle; another post already there (one of the same title and year,
    /// say in the same mbox, or this one since edited) is never replaced: the new one takes the next free
    /// <c>&lt;slug&gt;-2</c>, <c>-3</c>…, with a warning saying so.
    /// </summary>
    /// <param name="post">The converted post.</param>
    /// <param name="outDirectory">DIR: the bundle goes under DIR/input/posts/.</param>
    /// <param name="commitmentSlugs">The site's commitments.</param>
    /// <param name="checkBody">The generator's own check of the body (it renders the Markdown); returns a problem, or null.</param>
    public static (ConvertedPost? Written, string? Folder, IReadOnlyList<string> Errors) Write(ConvertedPost post, string outDirectory,
        IReadOnlyCollection<string> commitmentSlugs, Func<string, string?>? checkBody = null)
    {
        var root = Path.GetFullPath(outDirectory);
        var staging = Path.Combine(root, $".submission-{Guid.NewGuid():N}");
        try
        {
            var errors = Stage(post, staging, commitmentSlugs, checkBody).Where(d => d.IsError).Select(d => d.Message).ToList();
            if (errors.Count > 0) return (null, null, errors);
            var text = PostText(post);
            var postFiles = PostFiles.In(Path.Combine(root, "input", "posts")).Select(f => Path.GetRelativePath(root, f));
            foreach (var written in post.FolderChoices(PostAddresses.BySlug(postFiles, Path.Combine(root, "input"))))
            {
                // Every name here is generated, but the check stays: nothing may be written outside DIR.
                var folder = FolderBounds.Resolve(root, written.BundlePath) ?? throw new InvalidOperationException("refusing to write outside the output folder");
                if (Directory.Exists(folder))
                {
                    var existing = Path.Combine(folder, "index.md");
                    if (!File.Exists(existing) || File.ReadAllText(existing) != text) continue;
                    Directory.Delete(folder, recursive: true);
                }
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                Directory.Move(staging, folder);
                return (written, folder, []);
            }
            throw new UnreachableException("the folder choices never end");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// The generator's validation of the post as it would be merged (every error and warning, located in
    /// input/posts/…/index.md). Nothing is kept.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(ConvertedPost post, IReadOnlyCollection<string> commitmentSlugs, Func<string, string?>? checkBody = null)
    {
        var staging = Path.Combine(Path.GetTempPath(), $"ppnblog-validate-{Guid.NewGuid():N}");
        try
        {
            return Stage(post, staging, commitmentSlugs, checkBody);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Writes the bundle into <paramref name="staging"/> and reads it back as the build reads it: the file, then the content schema.</summary>
    private static IReadOnlyList<Diagnostic> Stage(ConvertedPost post, string staging, IReadOnlyCollection<string> commitmentSlugs, Func<string, string?>? checkBody)
    {
        Directory.CreateDirectory(staging);
        var text = PostText(post);
        foreach (var image in post.Images) File.WriteAllBytes(Path.Combine(staging, image.FileName), image.Bytes);
        var indexPath = Path.Combine(staging, "index.md");
        File.WriteAllText(indexPath, text);
        var diagnostics = new DiagnosticList();
        var displayPath = post.BundlePath + "/index.md";
        if (FrontMatterBlock.Read(indexPath, displayPath, diagnostics) is { } written)
            PostSchema.Read(written, indexPath, displayPath, commitmentSlugs, diagnostics);
        if (checkBody?.Invoke(post.Body) is { } problem)
            diagnostics.Add(DiagnosticCode.UnrenderableBody, SourceLocation.WholeFile(displayPath), problem);
        return diagnostics.Sorted();
    }
}
