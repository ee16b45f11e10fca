namespace PPNBlog.Content.FrontMatter;

/// <summary>
/// Where each character of a YAML text value is written in its file, so a diagnostic about the Markdown in it
/// (site.yml's intro) points where the editor wrote it. A '|' block keeps its lines under an indent, but a '>' block
/// or a quoted string folds its lines into one, and quotes and escapes shift the columns: the value is laid over the
/// text it was read from, character by character.
/// </summary>
public sealed class TextPlacement
{
    /// <summary>How far past white space, quotes and escapes a value's character is looked for in the file: an escape such as "\U0001F600" is ten characters.</summary>
    private const int EscapeWindow = 12;

    private readonly string _yaml;
    private readonly int _firstLine;
    private readonly List<int> _valueLineStarts = [0];
    private readonly int[] _yamlOffsets;

    /// <param name="value">The value as YAML read it.</param>
    /// <param name="yaml">The YAML it was read from.</param>
    /// <param name="from">Where the value's text starts in <paramref name="yaml"/> (past a block's header, past an opening quote).</param>
    /// <param name="firstLine">The file line <paramref name="yaml"/> starts at.</param>
    public TextPlacement(string value, string yaml, int from, int firstLine)
    {
        _yaml = yaml;
        _firstLine = firstLine;
        for (var i = value.IndexOf('\n'); i >= 0; i = value.IndexOf('\n', i + 1)) _valueLineStarts.Add(i + 1);
        _yamlOffsets = new int[value.Length + 1];
        var at = Math.Min(from, yaml.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var found = Find(value[i], yaml, at);
            _yamlOffsets[i] = found ?? at;
            if (found is { } offset) at = offset + 1;
        }
        _yamlOffsets[^1] = at;
    }

    /// <summary>The file's 1-based line and column where the value's 0-based <paramref name="line"/> and <paramref name="column"/> are written.</summary>
    public (int Line, int Column) At(int line, int column) =>
        At(_valueLineStarts[Math.Clamp(line, 0, _valueLineStarts.Count - 1)] + Math.Max(0, column));

    /// <summary>The file's 1-based line and column where the value's character at <paramref name="valueOffset"/> is written.</summary>
    public (int Line, int Column) At(int valueOffset)
    {
        var offset = _yamlOffsets[Math.Clamp(valueOffset, 0, _yamlOffsets.Length - 1)];
        return (YamlText.LineOf(_yaml, offset) + _firstLine - 1, YamlText.ColumnOf(_yaml, offset));
    }

    /// <summary>
    /// Where <paramref name="c"/> is written from <paramref name="at"/> on: next, or past what YAML reads as nothing of
    /// the value (line breaks and indents a fold turned into one space, quotes, escapes' backslashes), or within an
    /// escape's length. Null when it is not there, as for a character written as an escape (é as "\u00e9").
    /// </summary>
    private static int? Find(char c, string yaml, int at)
    {
        if (char.IsWhiteSpace(c)) return at < yaml.Length && char.IsWhiteSpace(yaml[at]) ? at : null;
        for (var i = at; i < yaml.Length && (yaml[i] == c || char.IsWhiteSpace(yaml[i]) || yaml[i] is '"' or '\'' or '\\'); i++)
            if (yaml[i] == c) return i;
        var window = yaml.AsSpan(at, Math.Min(EscapeWindow, yaml.Length - at)).IndexOf(c);
        return window < 0 ? null : at + window;
    }
}
