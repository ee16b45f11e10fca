using Markdig;
using Markdig.Extensions.ListExtras;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Lists numbered with letters or Roman numerals ("a.", "B)", "iv."), as Markdig's list extras read them, except that
/// such an item never interrupts a paragraph (as CommonMark lets only a list from 1 do): a hard-wrapped line starting
/// "A. N. Other", "v. West Norfolk" or "I. Patel" is the sentence going on, not a list item numbered 1, 5 or 9.
/// </summary>
public sealed class LetterLists : IMarkdownExtension
{
    /// <summary>Adds the item parser to the pipeline's list parser.</summary>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var lists = pipeline.BlockParsers.Find<ListBlockParser>();
        if (lists is not null && !lists.ItemParsers.Any(p => p is LetterListItemParser)) lists.ItemParsers.Add(new LetterListItemParser());
    }

    /// <summary>Nothing to render: the lists are Markdig's own.</summary>
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class LetterListItemParser : ListExtraItemParser
    {
        public override bool TryParse(BlockProcessor state, char pendingBulletType, out ListInfo result)
        {
            result = default;
            // The block the line would otherwise go on is a paragraph: interrupted, unless it is an item of a list of letters this one goes on.
            return !(state.CurrentBlock is ParagraphBlock paragraph && paragraph.Parent is not ListItemBlock { Parent: ListBlock { BulletType: 'a' or 'A' or 'i' or 'I' } })
                && base.TryParse(state, pendingBulletType, out result);
        }
    }
}
