using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Sources;

namespace PPNBlog.Submissions;

/// <summary>The addresses (<c>/posts/&lt;slug&gt;/</c>) posts already have: an emailed post is never given one of them.</summary>
public static class PostAddresses
{
    private const string InputFolder = "input/";

    /// <summary>
    /// <paramref name="postFiles"/> (repository paths, <c>input/posts/…</c>) by slug: the one a post's front matter sets,
    /// read from its copy in <paramref name="localInput"/> (the working copy's <c>input/</c>) when it is there, else the
    /// one its path gives it.
    /// </summary>
    public static Dictionary<string, string> BySlug(IEnumerable<string> postFiles, string? localInput) =>
        PostFiles.BySlug(postFiles, file => localInput is not null && file.StartsWith(InputFolder, StringComparison.Ordinal)
            && Path.Combine(localInput, file[InputFolder.Length..]) is var copy && File.Exists(copy)
            && SourceText.Read(copy, file, new DiagnosticList()) is { } text
                ? PostSchema.AddressSlug(text, file)
                : PostFiles.DefaultSlug(file));
}
