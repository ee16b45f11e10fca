using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Model;

namespace PPNBlog.Submissions;

/// <summary>Writes a converted post as a bundle under a folder, and checks it with the content schema before keeping it.</summary>
public static class SubmissionWriter
{
    /// <summary>The post file's text: front matter from the typed model (YamlDotNet), then the body.</summary>
    public static string PostText(ConvertedPost post) => PostWriter.Write(post.FrontMatter, post.Body);

    /// <summary>
    /// Writes <c>DIR/input/posts/&lt;yyyy&gt;/&lt;slug&gt;/index.md</c> and its images; returns the bundle folder, or the
    /// schema's errors (and writes nothing) when the post would not pass validation.
    /// </summary>
    /// <param name="post">The converted post.</param>
    /// <param name="outDirectory">DIR: the bundle goes under DIR/input/posts/.</param>
    /// <param name="commitmentSlugs">The site's commitments.</param>
    /// <param name="checkBody">The generator's own check of the body (it renders the Markdown); returns a problem, or null.</param>
    public static (string? Folder, IReadOnlyList<string> Errors) Write(ConvertedPost post, string outDirectory, IReadOnlyCollection<string> commitmentSlugs,
        Func<string, string?>? checkBody = null)
    {
        var root = Path.GetFullPath(outDirectory);
        var folder = Path.GetFullPath(Path.Combine(root, post.BundlePath));
        // Every name here is generated, but the check stays: nothing may be written outside DIR.
        if (!folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("refusing to write outside the output folder");
        var text = PostText(post);
        var diagnostics = new DiagnosticList();
        var indexPath = Path.Combine(folder, "index.md");
        var staging = Path.Combine(root, $".submission-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var image in post.Images) File.WriteAllBytes(Path.Combine(staging, image.FileName), image.Bytes);
            File.WriteAllText(Path.Combine(staging, "index.md"), text);
            PostSchema.Read(text, Path.Combine(staging, "index.md"), indexPath, isBundle: true, commitmentSlugs, diagnostics);
            var errors = diagnostics.Sorted().Where(d => d.IsError).Select(d => d.Message).ToList();
            if (checkBody?.Invoke(post.Body) is { } problem) errors.Add(problem);
            if (errors.Count > 0) return (null, errors);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            Directory.Move(staging, folder);
            return (folder, []);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
