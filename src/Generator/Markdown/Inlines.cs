using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PPNBlog.Generator.Markdown;

/// <summary>Where Markdig's inlines stand in the document.</summary>
internal static class Inlines
{
    /// <summary>The block (paragraph, heading, table cell's paragraph) <paramref name="inline"/> is written in, however deep in emphasis or links.</summary>
    public static LeafBlock? BlockOf(Inline inline)
    {
        ContainerInline? root = inline.Parent;
        while (root?.Parent is { } parent) root = parent;
        return root?.ParentBlock;
    }
}
