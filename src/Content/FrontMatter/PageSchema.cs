using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;

namespace PPNBlog.Content.FrontMatter;

/// <summary>The standalone page schema: <c>input/pages/&lt;slug&gt;.md</c>.</summary>
public static class PageSchema
{
    /// <summary>Every key a page's front matter may carry.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { "title", "summary" };

    /// <summary>Reads and validates a page; null when it has errors.</summary>
    public static Page? Read(FrontMatterBlock block, string fullPath, string displayPath, DiagnosticList diagnostics)
    {
        var local = new DiagnosticList();
        var fields = FrontMatterFields.Parse(block, displayPath, local);
        Page? page = null;
        if (fields is not null)
        {
            var slug = fields.FileSlug(fullPath, "page");
            var title = fields.Text("title", required: true, oneLine: true);
            var summary = fields.PlainText("summary");
            fields.WarnUnknownKeys(Keys, "page");
            if (string.IsNullOrWhiteSpace(block.Body))
                local.Add(DiagnosticCode.EmptyPost, new SourceLocation(displayPath, block.BodyFirstLine, 1), "the page has no text after its front matter");
            if (!local.HasErrors)
                page = new Page(slug, title!, summary, block.Body, new SourceFile(fullPath, displayPath, block.BodyFirstLine));
        }
        diagnostics.AddRange(local.Sorted());
        return page;
    }
}
