namespace PPNBlog.Generator.Markdown;

/// <summary>
/// The 0-based line and column of offsets in a body, read on from the last one asked (from the start when it is
/// before it), so thousands in order read the body once. Markdig gives a '[' left as text no line of its own.
/// </summary>
internal sealed class LineCounter(string markdown)
{
    private int _offset;
    private int _line;

    public (int Line, int Column) Position(int offset)
    {
        if (offset < _offset) (_offset, _line) = (0, 0);
        _line += markdown.AsSpan(_offset, offset - _offset).Count('\n');
        _offset = offset;
        return (_line, offset - markdown.LastIndexOf('\n', Math.Max(0, offset - 1)) - 1);
    }
}
