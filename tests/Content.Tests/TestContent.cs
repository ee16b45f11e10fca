using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.FrontMatter;
using PPNBlog.Content.Model;

namespace PPNBlog.Content.Tests;

/// <summary>Writes real post files in a temporary folder and reads them through the schema.</summary>
internal sealed class TestContent : IDisposable
{
    public static readonly string[] Commitments = ["put-people-first", "transform-and-innovate", "help-our-communities-to-thrive"];

    public TestContent() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ppnblog-content-" + Guid.NewGuid().ToString("N"));

    public DiagnosticList Diagnostics { get; } = new();

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public Post? ReadPost(string text, string name = "post.md")
    {
        var path = Write(name, text);
        return PostSchema.Read(FrontMatterBlock.Split(text), path, name, Commitments, Diagnostics);
    }

    /// <summary>The printed diagnostics, one line each.</summary>
    public IReadOnlyList<string> Lines => Diagnostics.Sorted().Select(d => d.ToString()).ToList();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
