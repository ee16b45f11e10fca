using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;

namespace PPNBlog.Content.FrontMatter;

/// <summary>The commitment file schema: <c>input/commitments/&lt;slug&gt;.md</c>.</summary>
public static class CommitmentSchema
{
    /// <summary>Every key a commitment's front matter may carry.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { "title", "order", "summary", "hashtag" };

    /// <summary>Reads and validates a commitment; null when it has errors.</summary>
    public static Commitment? Read(FrontMatterBlock block, string fullPath, string displayPath, DiagnosticList diagnostics)
    {
        var local = new DiagnosticList();
        var fields = FrontMatterFields.Parse(block, displayPath, local);
        Commitment? commitment = null;
        if (fields is not null)
        {
            var slug = fields.FileSlug(fullPath, "commitment");
            var title = fields.Text("title", required: true, oneLine: true);
            var order = fields.Int("order", example: 1, required: true);
            var summary = fields.PlainText("summary", required: true);
            var hashtag = fields.Value("hashtag")?.TrimStart('#');
            fields.WarnUnknownKeys(Keys, "commitment");
            if (!local.HasErrors)
                commitment = new Commitment(slug, title!, order!.Value, summary!, hashtag, block.Body,
                    new SourceFile(fullPath, displayPath, block.BodyFirstLine));
            // Reported after the commitment is made: its posts and links stay valid, so this is the one error shown.
            if (hashtag is not null && !Hashtags.IsValid(hashtag))
                local.Add(DiagnosticCode.InvalidValue, fields.LocationOf("hashtag"), $"'hashtag' should be one word of letters, digits or _, not '{hashtag}'",
                    "Write it as one word of 3 to 61 characters, e.g. hashtag: PutPeopleFirst: the bot finds the commitment by it in emails.");
        }
        diagnostics.AddRange(local.Sorted());
        return commitment;
    }
}
