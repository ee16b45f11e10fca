using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Model;
using PPNBlog.Content.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PPNBlog.Content.FrontMatter;

/// <summary>A located text value, so later checks (unknown commitment, missing image) can point at it.</summary>
public readonly record struct Located(string Value, SourceLocation Location);

/// <summary>
/// The top-level keys of one front matter block, read safely (size, depth and node limits against hostile YAML) and
/// handed out as typed values; every shape problem becomes a diagnostic at the value's own line.
/// </summary>
public sealed class FrontMatterFields
{
    /// <summary>Front matter larger than this (64 KiB) is refused: real front matter is well under 2 KiB.</summary>
    public const int MaxYamlChars = 64 * 1024;

    private const int MaxDepth = 16;
    private const int MaxEvents = 10_000;

    /// <summary>Quoted values wrapped onto under-indented lines read as libyaml reads them, up to this many a block.</summary>
    private const int MaxQuotedValueRepairs = 32;

    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries;
    private readonly string _yaml;
    private readonly string _file;
    private readonly int _firstLine;
    private readonly DiagnosticList _diagnostics;

    private FrontMatterFields(Dictionary<string, (YamlScalarNode, YamlNode)> entries, string yaml, string file, int firstLine, DiagnosticList diagnostics)
    {
        _yaml = yaml;
        _entries = entries;
        _file = file;
        _firstLine = firstLine;
        _diagnostics = diagnostics;
    }

    /// <summary>Where the block starts: the location of problems that concern the whole block (a missing field).</summary>
    public SourceLocation BlockLocation => new(_file, Math.Max(1, _firstLine - 1), 1);

    /// <summary>Parses the YAML of <paramref name="block"/>; returns null (with a diagnostic) when it is missing or not a usable mapping.</summary>
    public static FrontMatterFields? Parse(FrontMatterBlock block, string file, DiagnosticList diagnostics)
    {
        switch (block.Shape)
        {
            // Hugo's other front matter formats, met when posts move over from a Hugo site.
            case FrontMatterShape.None when block.Body.AsSpan().TrimStart().StartsWith("+++"):
                diagnostics.Add(DiagnosticCode.MissingFrontMatter, SourceLocation.WholeFile(file), "the front matter is TOML (between '+++' lines); PPNBlog reads YAML",
                    "Write it as YAML between '---' lines: 'title = \"A title\"' becomes 'title: \"A title\"'.");
                return null;
            case FrontMatterShape.None when block.Body.AsSpan().TrimStart().StartsWith('{'):
                diagnostics.Add(DiagnosticCode.MissingFrontMatter, SourceLocation.WholeFile(file), "the front matter is JSON (between '{' and '}'); PPNBlog reads YAML",
                    "Write it as YAML between '---' lines: '\"title\": \"A title\",' becomes 'title: \"A title\"'.");
                return null;
            case FrontMatterShape.None:
                diagnostics.Add(DiagnosticCode.MissingFrontMatter, SourceLocation.WholeFile(file),
                    block.Body.Length == 0 ? "the file is empty, or not an ordinary file (a named pipe, a device): it has no front matter" : "the file has no front matter");
                return null;
            case FrontMatterShape.Unclosed:
                diagnostics.Add(DiagnosticCode.MalformedYaml, new SourceLocation(file, block.YamlFirstLine - 1, 1),
                    "the front matter is never closed", "Add a '---' line after the last field.");
                return null;
        }
        return ParseYaml(block.Yaml, block.YamlFirstLine, file, diagnostics);
    }

    /// <summary>Parses a YAML mapping (front matter, or a whole settings file starting at <paramref name="firstLine"/>).</summary>
    public static FrontMatterFields? ParseYaml(string yaml, int firstLine, string file, DiagnosticList diagnostics)
    {
        if (yaml.Length > MaxYamlChars)
        {
            diagnostics.Add(DiagnosticCode.TooLarge, new SourceLocation(file, firstLine, 1),
                $"front matter is {yaml.Length / 1024} KiB; the limit is {MaxYamlChars / 1024} KiB");
            return null;
        }
        // An invisible byte-order mark inside the YAML (a pasted or joined file) derails YamlDotNet far from where it is.
        if (yaml.IndexOf('\uFEFF') is var mark and >= 0)
        {
            var before = yaml.AsSpan(0, mark);
            diagnostics.Add(DiagnosticCode.MalformedYaml, SourceLocation.FromMarkdown(file, before.Count('\n'), mark - before.LastIndexOf('\n') - 1, firstLine),
                "the front matter holds an invisible byte-order mark (U+FEFF)", "Delete it: retype the line, or remove the character with an editor that shows it.");
            return null;
        }
        yaml = YamlSeparators.Plain(yaml);
        for (var repairs = 0; ; repairs++)
        {
            var parser = new LimitedParser(yaml);
            try
            {
                return Load(parser, yaml, file, firstLine, diagnostics);
            }
            catch (YamlException e) when (repairs < MaxQuotedValueRepairs && QuotedValueIndentation.Indent(yaml, e, MaxYamlChars) is { } indented)
            {
                yaml = indented;
            }
            catch (LimitException e)
            {
                diagnostics.Add(e.Code, SourceLocation.FromYaml(file, e.Start, firstLine), e.Message, e.Hint);
                return null;
            }
            catch (YamlException e)
            {
                var (line, column, message, hint) = YamlMistakes.Explain(yaml, e);
                diagnostics.Add(DiagnosticCode.MalformedYaml, new SourceLocation(file, (int)line + firstLine - 1, (int)column), message, hint);
                return null;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet fails so, not with a YamlException, on some malformed YAML: most often a '[' or '{' left open
                // with lines after it. Reported there, not as a crash.
                diagnostics.Add(DiagnosticCode.MalformedYaml, SourceLocation.FromYaml(file, parser.Reached, firstLine),
                    "invalid YAML: it cannot be read past this point", YamlMistakes.UnclosedHint);
                return null;
            }
        }
    }

    /// <summary>The mapping <paramref name="parser"/> reads, as fields; null (with a diagnostic) when it is not a mapping.</summary>
    private static FrontMatterFields? Load(LimitedParser parser, string yaml, string file, int firstLine, DiagnosticList diagnostics)
    {
        var stream = new YamlStream();
        stream.Load(parser);
        var root = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" })
            root = new YamlMappingNode();
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Add(DiagnosticCode.MalformedYaml, SourceLocation.FromYaml(file, root.Start, firstLine),
                "front matter must be a list of 'key: value' lines");
            return null;
        }
        var entries = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalarKey) entries[name] = (scalarKey, value);
            else diagnostics.Add(DiagnosticCode.MalformedYaml, SourceLocation.FromYaml(file, key.Start, firstLine),
                "a front-matter key must be plain text");
        }
        return new FrontMatterFields(entries, yaml, file, firstLine, diagnostics);
    }

    /// <summary>
    /// The parser YamlStream reads the front matter through: it refuses deep nesting and huge node counts (alias bombs,
    /// nesting bombs) before the tree grows past them, and reports duplicate top-level keys, which YAML forbids and which
    /// hide an editor's intent. Checking as the tree is built parses the YAML once (a walk before it parsed it twice).
    /// </summary>
    private sealed class LimitedParser(string yaml) : IParser
    {
        private readonly Parser _parser = new(new StringReader(yaml));
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private int _depth;
        private int _events;
        private bool _rootIsMapping;
        private bool _expectKey;
        private readonly Stack<(Mark Start, bool Flow)> _open = new();
        private Mark _last = Mark.Empty;

        public ParsingEvent? Current => _parser.Current;

        /// <summary>
        /// Where reading went wrong, when YamlDotNet fails without saying where: the innermost '[' or '{' still open (the
        /// usual cause), else the start of the last event read.
        /// </summary>
        public Mark Reached => _open.FirstOrDefault(o => o.Flow) is { Flow: true } flow ? flow.Start : _last;

        public bool MoveNext()
        {
            if (!_parser.MoveNext()) return false;
            var current = _parser.Current!;
            _last = current.Start;
            if (++_events > MaxEvents) throw new LimitException(DiagnosticCode.TooLarge, current.Start, $"front matter has more than {MaxEvents} YAML nodes");
            switch (current)
            {
                // "title: !Important news" or "&more": YAML takes the first word as a tag or an anchor and keeps only the
                // rest; a tag of YAML's own changes what the rest is ("!!binary aGVsbG8=" is "hello", "!!python/object:…"
                // asks for an object). A tag is refused on any value, a list or a mapping too; an anchor on text.
                case NodeEvent node when !node.Tag.IsEmpty || (node is Scalar && !node.Anchor.IsEmpty):
                    var (column, message, hint) = (node is Scalar ? YamlMistakes.ReservedStart(YamlText.LineAt(yaml, (int)current.Start.Index)) : null)
                        ?? (node.Tag.IsEmpty
                            ? ((int)current.Start.Column, $"'&{node.Anchor.Value}' before a value is YAML's, not text, and is left out of it", "Put the whole value in double quotes.")
                            : ((int)current.Start.Column, $"'{Written(node.Tag)}' before a value is a YAML type (a tag), which front matter does not use",
                                "Remove it; if the '!' is meant as text, put the whole value in double quotes."));
                    throw new LimitException(DiagnosticCode.MalformedYaml, new Mark(current.Start.Index, current.Start.Line, column), message, hint);
                case MappingStart or SequenceStart:
                    _open.Push((current.Start, current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }));
                    if (_depth == 0) (_rootIsMapping, _expectKey) = (current is MappingStart, true);
                    if (++_depth > MaxDepth)
                        throw new LimitException(DiagnosticCode.MalformedYaml, current.Start, $"front matter is nested more than {MaxDepth} levels deep");
                    break;
                case MappingEnd or SequenceEnd:
                    _open.Pop();
                    // A nested value (or complex key) of the root mapping has ended.
                    if (--_depth == 1) _expectKey = !_expectKey;
                    break;
                // A quoted value can write a control character as an escape ("\a", "\x1b"): no feed could hold it.
                case Scalar { Value: var text } when ControlCharacters.IndexOf(text) is var at and >= 0:
                    throw new LimitException(DiagnosticCode.ControlCharacter, current.Start,
                        $"a value holds the control character {ControlCharacters.Name(text[at])}, which feeds cannot carry and pages do not show",
                        "Remove the escape (such as \\a, \\v or \\x1b) from the quoted value.");
                // YamlDotNet keeps "<<: *defaults" as a key named "<<", so the keys it was to copy would be missing.
                case Scalar { Value: "<<", Style: ScalarStyle.Plain } when _depth == 1 && _rootIsMapping && _expectKey:
                    throw new LimitException(DiagnosticCode.MalformedYaml, current.Start,
                        "'<<' (a YAML merge key, copying the keys of another value) is not supported in front matter",
                        "Write out each key it would copy on a line of its own (title: …, date: …), and remove the '<<' line.");
                case Scalar or AnchorAlias when _depth == 1 && _rootIsMapping:
                    if (_expectKey && current is Scalar { Value: var key } && !_keys.Add(key))
                        throw new LimitException(DiagnosticCode.MalformedYaml, current.Start, $"the key '{key}' appears twice", "Keep one of the two lines.");
                    _expectKey = !_expectKey;
                    break;
            }
            return true;
        }
    }

    /// <summary>A tag as it is written: <c>!!binary</c> for YAML's own <c>tag:yaml.org,2002:binary</c>.</summary>
    private static string Written(TagName tag) =>
        tag.Value.StartsWith(YamlTagPrefix, StringComparison.Ordinal) ? "!!" + tag.Value[YamlTagPrefix.Length..] : tag.Value;

    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    /// <summary>What <see cref="LimitedParser"/> refused, where.</summary>
    private sealed class LimitException(DiagnosticCode code, Mark start, string message, string? hint = null) : Exception(message)
    {
        public DiagnosticCode Code { get; } = code;

        public Mark Start { get; } = start;

        public string? Hint { get; } = hint;
    }

    /// <summary>The slug a commitment or page takes from its file name, reported when it is not URL-safe.</summary>
    public string FileSlug(string fullPath, string what)
    {
        var slug = Path.GetFileNameWithoutExtension(fullPath);
        if (!PPNBlog.Content.Text.Slugs.IsValid(slug))
            _diagnostics.Add(DiagnosticCode.InvalidSlug, SourceLocation.WholeFile(_file), $"{what} file name '{slug}' is not a URL-safe slug",
                $"Rename the file to '{PPNBlog.Content.Text.Slugs.Slugify(slug)}.md'.");
        return slug;
    }

    /// <summary>Where each character of <paramref name="key"/>'s text (as <see cref="Value"/> gives it) is written; null when it has none.</summary>
    public TextPlacement? Placement(string key)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Value is not YamlScalarNode { Value: { } value } scalar) return null;
        var from = YamlText.OffsetOf(_yaml, scalar.Start);
        if (from < 0) return null;
        // A '|' or '>' block's text starts on the line after its header; a quoted one after its quote.
        from = scalar.Style switch
        {
            ScalarStyle.Literal or ScalarStyle.Folded => YamlText.LineEnd(_yaml, from) + 1,
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => from + 1,
            _ => from,
        };
        return new TextPlacement(value.Trim(), _yaml, from, _firstLine);
    }

    /// <summary>Where <paramref name="key"/> is written, or the block start when absent.</summary>
    public SourceLocation LocationOf(string key) =>
        _entries.TryGetValue(key, out var entry) ? Locate(entry.Value) : BlockLocation;

    /// <summary>
    /// A text value; a number or boolean is taken as its text. Null when absent or empty. Warns when a '#' on its line
    /// began a YAML comment that cut it short (<c>title: Our week #PPW2024</c>), as hashtags in titles do. A value
    /// <c>oneLine</c> (a name or title, shown on one line everywhere) with a line break or tab in it is an error: two
    /// authors on two lines would read as one person, "Sam Patel Jo Evans".
    /// </summary>
    public string? Text(string key, bool required = false, string? listHint = null, string? missingHint = null, bool oneLine = false)
    {
        var text = Single(key, required, missingHint, DiagnosticCode.InvalidValue, "a single line of text",
            node => listHint ?? QuotedListHint(key, node) ?? OneValueHint(key, node));
        if (text is null) return null;
        WarnCommentAfter(key, _entries[key].Value, list: false);
        if (oneLine && text.AsSpan().TrimEnd().IndexOfAny(LineBreaks) >= 0)
        {
            Report(DiagnosticCode.InvalidValue, _entries[key].Value, $"'{key}' is written on more than one line (or holds a tab); it is shown on one line",
                listHint ?? $"Write it on one line: {key}: {YamlText.Quoted(SingleLine.From(text))}");
            return null;
        }
        // An override or isolate reverses how the text after it reads, past the value's end: a card's "· Blog" and the
        // tab's site name came out backwards after an author with one.
        if (text.AsSpan().IndexOfAny(DirectionControls) >= 0)
        {
            Report(DiagnosticCode.InvalidValue, _entries[key].Value, $"'{key}' holds a character that changes the direction of the text after it (U+202A–U+202E, U+2066–U+2069)",
                $"Write it without: {key}: {YamlText.Quoted(string.Concat(text.Where(c => !DirectionControls.Contains(c))))}");
            return null;
        }
        return text;
    }

    /// <summary>
    /// A text value the site shows as it is written (a summary, on cards, in feeds, as the meta description): Markdown or
    /// HTML in it is warned of where it starts, with the text as readers should see it.
    /// </summary>
    public string? PlainText(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null || PlainTextMarkup.In(text) is not { } markup) return text;
        var location = Placement(key)?.At(markup.Index) is var (line, column) ? new SourceLocation(_file, line, column) : LocationOf(key);
        var quoted = markup.Written.Select(w => $"'{w}'").ToList();
        var listed = quoted.Count <= MarkupShown ? Listed(quoted) : $"{string.Join(", ", quoted.Take(MarkupShown))} and {quoted.Count - MarkupShown} more";
        _diagnostics.Add(DiagnosticCode.MarkupInPlainText, location, $"'{key}' is shown as plain text, so readers would see {listed} as written",
            $"Write it without Markdown or HTML: {key}: {YamlText.Quoted(markup.Plain)}");
        return text;
    }

    /// <summary>How many pieces of markup a diagnostic quotes.</summary>
    private const int MarkupShown = 4;

    /// <summary>"'a'", "'a' and 'b'", "'a', 'b' and 'c'".</summary>
    private static string Listed(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r\t\v\f\u0085\u2028\u2029");

    private static readonly System.Buffers.SearchValues<char> DirectionControls = System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>Warns when a '#' after a one-line plain value began a comment, which YAML leaves out of the value.</summary>
    private void WarnCommentAfter(string key, YamlNode node, bool list)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value } plain && plain.Start.Line == plain.End.Line
            && YamlText.CommentAfter(_yaml, (int)plain.End.Index) is { } comment)
            _diagnostics.Add(DiagnosticCode.CommentInValue,
                new SourceLocation(_file, YamlText.LineOf(_yaml, comment.Offset) + _firstLine - 1, YamlText.ColumnOf(_yaml, comment.Offset)),
                $"'{comment.Text}' is a YAML comment, so it is not part of '{key}' (its value is '{value}')",
                list ? $"To keep it as a value of the list, write: {key}: [{value}, {YamlText.Quoted(comment.Text)}]"
                    : $"To keep it, put the whole value in double quotes: {key}: {YamlText.Quoted(value + " " + comment.Text)}");
    }

    /// <summary>A single value as written, for values that are not prose: a slug, a URL, a kind.</summary>
    public string? Value(string key, bool required = false) =>
        Single(key, required, null, DiagnosticCode.InvalidValue, "a single line of text", node => OneValueHint(key, node));

    /// <summary>
    /// The text of <paramref name="key"/>'s one value; null when it is absent or empty, or is a list or mapping, which is
    /// reported (as <paramref name="code"/>) as not being <paramref name="expected"/>, with the hint <paramref name="hint"/> gives.
    /// </summary>
    private string? Single(string key, bool required, string? missingHint, DiagnosticCode code, string expected, Func<YamlNode, string?> hint)
    {
        if (!TryGet(key, required, out var node, missingHint)) return null;
        if (node is YamlScalarNode scalar) return Required(key, scalar.Value!.Trim(), required);
        Report(code, node, $"'{key}' should be {expected}, not a {Shape(node)}", hint(node));
        return null;
    }

    /// <summary>"title: [Draft]" is a list to YAML: as text it needs quotes, which the hint gives (null for another list).</summary>
    private string? QuotedListHint(string key, YamlNode node)
    {
        var written = node is YamlSequenceNode { Style: SequenceStyle.Flow } or YamlMappingNode { Style: MappingStyle.Flow } && node.Start.Line == _entries[key].Key.Start.Line
            ? YamlText.RestOfLine(_yaml, node.Start) : null;
        return written is [.., ']' or '}'] ? $"If it is text, put it in double quotes: {key}: {YamlText.Quoted(written)}" : null;
    }

    /// <summary>
    /// "draft: [true]": a list of one value where a value is wanted; the hint gives that value alone, when
    /// <paramref name="isValue"/> (if any) takes it. Null for any other list or mapping.
    /// </summary>
    private static string? OneValueHint(string key, YamlNode node, Func<string, bool>? isValue = null) =>
        node is YamlSequenceNode { Children: [YamlScalarNode { Value: { } item } only] } && !IsNull(only) && (isValue?.Invoke(item.Trim()) ?? true)
            ? $"Write it as one value, not a list: {key}: {(only.Style is ScalarStyle.Plain ? item.Trim() : YamlText.Quoted(item))}"
            : null;

    /// <summary>A list of text values, accepting a single value too (<c>tags: wellbeing</c>) or several on one line (<c>tags: wellbeing, research</c>).</summary>
    public IReadOnlyList<Located> TextList(string key, bool required = false)
    {
        if (!TryGet(key, required, out var node)) return [];
        WarnCommentAfter(key, node, list: true);
        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        var values = new List<Located>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && !IsNull(item))
            {
                if (node is YamlSequenceNode { Style: SequenceStyle.Block } && item is YamlScalarNode { Style: ScalarStyle.Plain } plain && item.Start.Line != item.End.Line)
                    ReportJoinedItems(key, plain);
                // One line of values, "a, b", is read as the list [a, b] that its writer meant.
                var parts = node is YamlSequenceNode ? [text] : text.Split(',');
                if (parts.Length > MaxEvents)
                {
                    Report(DiagnosticCode.TooLarge, item, $"'{key}' has more than {MaxEvents} values");
                    return [];
                }
                values.AddRange(parts.Where(p => p.Trim().Length > 0).Select(p => new Located(p.Trim(), Locate(item))));
            }
            else if (!IsNull(item))
            {
                Report(DiagnosticCode.InvalidValue, item, $"each item of '{key}' should be text, not a {Shape(item)}");
            }
        }
        if (values.Count == 0 && required)
            Report(DiagnosticCode.MissingField, node, $"'{key}' needs at least one value");
        return values;
    }

    /// <summary>
    /// Reports a list item's plain text wrapped onto lines starting with '- ': their writer meant more items, but each is
    /// indented past the item's own '-', so YAML reads it as more of the item ("anxiety - young people", a tag page of
    /// its own, and neither tag's).
    /// </summary>
    private void ReportJoinedItems(string key, YamlScalarNode item)
    {
        var start = YamlText.OffsetOf(_yaml, item.Start);
        if (start < 0) return;
        var dash = _yaml.LastIndexOf('-', start - 1);
        var itemIndent = dash - (dash == 0 ? 0 : _yaml.LastIndexOf('\n', dash - 1) + 1);
        (int Line, int Indent, string Written)? first = null;
        var items = 1;
        var offset = start;
        for (var line = (int)item.Start.Line + 1; line <= item.End.Line; line++)
        {
            offset = YamlText.LineEnd(_yaml, offset) + 1;
            var written = YamlText.LineAt(_yaml, offset);
            var indent = written.Length - written.TrimStart(' ').Length;
            if (!written.AsSpan(indent).StartsWith("- ", StringComparison.Ordinal)) continue;
            first ??= (line, indent, written);
            items++;
        }
        if (first is not { } joined) return;
        var more = joined.Indent - itemIndent;
        _diagnostics.Add(DiagnosticCode.InvalidValue, new SourceLocation(_file, joined.Line + _firstLine - 1, joined.Indent + 1),
            $"'{item.Value}' joins {Count(items, "item")} of '{key}': the line '{joined.Written}' is indented {Count(more, "space")} more than the item above it, so YAML reads it as the same item",
            "Line the '-' up under the one above.");
    }

    /// <summary>"one space", "two items", "12 items": a count in words, as a sentence says a small one.</summary>
    private static string Count(int count, string what) =>
        (count is >= 0 and < 10 ? SmallNumbers[count] : count.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + what + (count == 1 ? "" : "s");

    private static readonly string[] SmallNumbers = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>A date (see <see cref="PostDate.TryParse"/>).</summary>
    public PostDate? Date(string key, bool required = false, string? missingHint = null)
    {
        // Any other list gets the code's hint, which says how dates are written.
        var text = Single(key, required, missingHint, DiagnosticCode.InvalidDate, "a date",
            node => OneValueHint(key, node, item => PostDate.TryParse(item, out _, out _)));
        if (text is null) return null;
        if (PostDate.TryParse(text, out var date, out var problem)) return date;
        Report(DiagnosticCode.InvalidDate, _entries[key].Value, $"'{key}': {problem}");
        return null;
    }

    /// <summary>A true/false value (YAML 1.1's yes/no/on/off too, as older blogs use them).</summary>
    public bool? Bool(string key) =>
        Typed<bool>(key, required: false, "true or false", $"Write {key}: true or {key}: false.", static text => text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => null,
        });

    /// <summary>A whole number; <paramref name="example"/> is one the hint gives when it is not.</summary>
    public int? Int(string key, int example, bool required = false) =>
        Typed<int>(key, required, "a whole number", $"Write a whole number in figures, e.g. {key}: {example}.",
            static text => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null);

    /// <summary>
    /// A value <paramref name="parse"/> reads from its text (null when it cannot); one that is not
    /// <paramref name="expected"/>, however it is written (a word, a list, a mapping), is reported as such.
    /// </summary>
    private T? Typed<T>(string key, bool required, string expected, string hint, Func<string, T?> parse) where T : struct
    {
        var text = Single(key, required, null, DiagnosticCode.InvalidValue, expected,
            node => OneValueHint(key, node, item => parse(item) is not null) ?? hint);
        if (text is null) return null;
        if (parse(text) is { } value) return value;
        Report(DiagnosticCode.InvalidValue, _entries[key].Value, $"'{key}' should be {expected}, not '{text}'", hint);
        return null;
    }

    /// <summary>Warns once for each key not in <paramref name="known"/>: real posts carry layout, categories, permalink…</summary>
    public void WarnUnknownKeys(IReadOnlySet<string> known, string what)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (known.Contains(name)) continue;
            var suggestion = PPNBlog.Content.Text.Slugs.Nearest(name, known);
            _diagnostics.Add(DiagnosticCode.UnknownKey, Locate(key), $"unknown key '{name}' in {what} front matter is ignored",
                suggestion is not null ? $"Did you mean '{suggestion}'? Otherwise remove the line." : OtherGeneratorKeyHint(name, known));
        }
    }

    /// <summary>
    /// What keys of Jekyll, Hugo, Eleventy, Quarto and MkDocs are called here (a post moved over keeps its old front
    /// matter): the key the site reads instead, or null when it has no use for one.
    /// </summary>
    private static readonly Dictionary<string, string?> OtherGeneratorKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["description"] = "summary", ["excerpt"] = "summary", ["subtitle"] = "summary", ["abstract"] = "summary", ["teaser"] = "summary",
        ["categories"] = "tags", ["category"] = "tags", ["keywords"] = "tags", ["topics"] = "tags",
        ["permalink"] = "slug", ["url"] = "slug",
        ["published"] = "draft",
        ["cover"] = "image", ["cover_image"] = "image", ["featured_image"] = "image", ["feature_image"] = "image", ["thumbnail"] = "image",
        ["hero"] = "image", ["banner"] = "image", ["header_image"] = "image", ["og_image"] = "image",
        ["layout"] = null, ["template"] = null, ["format"] = null, ["toc"] = null, ["comments"] = null, ["sidebar"] = null,
        ["aliases"] = null, ["redirect_from"] = "aliases",
    };

    /// <summary>How to carry over a key another site generator reads, or null for a key of none.</summary>
    private static string? OtherGeneratorKeyHint(string name, IReadOnlySet<string> known) =>
        !OtherGeneratorKeys.TryGetValue(name, out var ours) ? null
        : ours is null ? "PPNBlog lays out every page with its theme, at its own address, and has no use for it: remove the line."
        : !known.Contains(ours) ? null
        : ours == "draft" ? "Here it is 'draft': 'published: false' is 'draft: true'; otherwise remove the line."
        : ours == "slug" ? "Here the address is /posts/<slug>/: give its last part as 'slug' (e.g. slug: my-post), or remove the line."
        : $"Here it is '{ours}': rename the key.";

    private bool TryGet(string key, bool required, out YamlNode node, string? missingHint = null)
    {
        if (_entries.TryGetValue(key, out var entry) && !IsNull(entry.Value))
        {
            node = entry.Value;
            return true;
        }
        var present = _entries.TryGetValue(key, out var empty);
        var comment = present ? YamlMistakes.CommentedOutValue(_yaml, empty.Key.Start) : null;
        if (required)
            _diagnostics.Add(DiagnosticCode.MissingField, present ? Locate(empty.Key) : BlockLocation,
                comment is null ? $"required field '{key}' is missing" : $"required field '{key}' is empty", comment ?? missingHint);
        else if (comment is not null)
            _diagnostics.Add(DiagnosticCode.CommentInValue, Locate(empty.Key), $"'{key}' is empty", comment);
        node = null!;
        return false;
    }

    private string? Required(string key, string value, bool required)
    {
        if (!ShowsNothing(value)) return value;
        if (required)
            _diagnostics.Add(DiagnosticCode.MissingField, LocationOf(key), $"required field '{key}' is empty",
                value.Length > 0 ? "It holds only characters that show as nothing (such as a zero-width space): write its text." : null);
        return null;
    }

    /// <summary>True for a value a reader would see as nothing: empty, or only invisible characters (a zero-width space, a word joiner).</summary>
    private static bool ShowsNothing(string value) => value.AsSpan().IndexOfAnyInRange('!', '~') < 0 && SingleLine.From(value).Length == 0;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "set of 'key: value' pairs",
        _ => "value",
    };

    private SourceLocation Locate(YamlNode node) => SourceLocation.FromYaml(_file, node.Start, _firstLine);

    private void Report(DiagnosticCode code, YamlNode node, string message, string? hint = null) =>
        _diagnostics.Add(code, Locate(node), message, hint);
}
