using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;

namespace PPNBlog.Content.FrontMatter;

/// <summary>The commitment file schema: <c>input/commitments/&lt;slug&gt;.md</c>.</summary>
public static class CommitmentSchema
{
    /// <summary>Every key a commitment's front matter may carry.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { "title", "order", "summary", "hashtag" };

    /// <summary>Reads and validates a commitment; null when it has errors.</summary>
    public static Commitment? Read(string text, string fullPath, string displayPath, DiagnosticList diagnostics)
    {
        var local = new DiagnosticList();
        var block = FrontMatterBlock.Split(text);
        var fields = FrontMatterFields.Parse(block, displayPath, local);
        Commitment? commitment = null;
        if (fields is not null)
        {
            var slug = fields.FileSlug(fullPath, "commitment");
            var title = fields.Text("title", required: true);
            var order = fields.Int("order", required: true);
            var summary = fields.Text("summary", required: true);
            var hashtag = fields.Text("hashtag")?.TrimStart('#');
            fields.WarnUnknownKeys(Keys, "commitment");
            if (!local.HasErrors)
                commitment = new Commitment(slug, title!, order!.Value, summary!, hashtag, block.Body,
                    new SourceFile(fullPath, displayPath, block.BodyFirstLine));
        }
        diagnostics.AddRange(local.Sorted());
        return commitment;
    }
}
