using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// Bare addresses become links ("https://…", "www.…", "mailto:…", "ftp://…", "tel:…") exactly as Markdig's AutoLinks
/// extension makes them, at a fraction of the cost. Markdig's parser is asked at every h, f, m, t and w, which ends the
/// run of plain text there (about one letter in eight): that was 45% of parsing the benchmark corpus's Markdown. This one
/// is asked at the ':' or '.' that ends a scheme or "www", where the inline parser stops already (for pipe tables and
/// smart punctuation), looks back over the letters just read as text, and has Markdig's own parser match from the first
/// letter.
/// </summary>
public sealed class BareUrlLinks : IMarkdownExtension
{
    /// <summary>Adds the parser first in line, as Markdig's extension does: before pipe tables' ':' and smart punctuation's '.'.</summary>
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<SchemeEndParser>()) pipeline.InlineParsers.Insert(0, new SchemeEndParser(new AutoLinkOptions()));
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Matches at the ':' or '.' that ends the start of a bare address.</summary>
    private sealed class SchemeEndParser : InlineParser
    {
        /// <summary>How far before its ':' a scheme starts ("mailto:" 6, "https:" 5, "http:" 4, "ftp:" and "tel:" 3), first the earliest.</summary>
        private static readonly int[] SchemeStarts = [6, 5, 4, 3];

        /// <summary>How far before its '.' "www" starts.</summary>
        private static readonly int[] WwwStart = [3];

        private readonly AutoLinkParser _markdig;

        public SchemeEndParser(AutoLinkOptions options)
        {
            _markdig = new AutoLinkParser(options);
            OpeningCharacters = [':', '.'];
        }

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            // The letters before the mark were read just now as plain text, into the literal that ends here.
            if (processor.Inline is not LiteralInline text || !ReferenceEquals(text.Content.Text, slice.Text) || text.Content.End != slice.Start - 1)
                return false;
            foreach (var back in slice.CurrentChar == ':' ? SchemeStarts : WwwStart)
            {
                var start = slice.Start - back;
                if (start < text.Content.Start) continue;
                // Markdig's parser checks what came before (an open <a>, brackets, emphasis) from the literal: the same
                // parents and earlier inlines as from the inline before the letter, when the literal starts with it.
                var address = new StringSlice(slice.Text, start, slice.End);
                if (!_markdig.Match(processor, ref address)) continue;
                if (start == text.Content.Start)
                {
                    text.Remove();
                }
                else
                {
                    text.Content.End = start - 1;
                    text.Span.End = processor.GetSourcePosition(start - 1);
                }
                slice = address;
                return true;
            }
            return false;
        }
    }
}
