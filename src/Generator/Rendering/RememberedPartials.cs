using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// Renders each partial once per build for each set of values it is given, when those values are the same on every page
/// that shows them: a post's card is rendered on about ten pages (home, its commitments' and tags' archives, other
/// posts' related lists), nine of them with the same text. Liquid's <c>render</c> gives a partial only what is passed to
/// it and the page's top-level values, so what it writes follows from the values of the names it reads (and those its
/// own partials read). Where every such value is text, a number, true or false, nothing, or a view many pages share
/// (which never changes), the render is remembered under those values. Anything else (a page's own view, the page's
/// content), or a partial using tags whose output depends on earlier renders (<c>cycle</c>, <c>increment</c>,
/// <c>include</c>, ...), is rendered as Fluid always does.
/// </summary>
internal sealed class RememberedPartials : AstRewriter
{
    private readonly Dictionary<string, PartialInputs?> _inputs = new(StringComparer.Ordinal);

    /// <param name="partials">Each partial as parsed from its file (by its path under partials/), before any rewriting.</param>
    public RememberedPartials(IReadOnlyDictionary<string, IFluidTemplate> partials)
    {
        foreach (var path in partials.Keys) InputsOf(path, partials);
    }

    /// <inheritdoc />
    protected override Statement VisitRenderStatement(RenderStatement renderStatement) =>
        renderStatement is { With: null, For: null } && ThemePartials.FileName(renderStatement.Path) is var partial
            && _inputs.GetValueOrDefault(partial) is { } inputs
            ? new RememberedRender(renderStatement, partial, inputs)
            : renderStatement;

    private PartialInputs? InputsOf(string path, IReadOnlyDictionary<string, IFluidTemplate> partials)
    {
        if (_inputs.TryGetValue(path, out var known)) return known;
        _inputs[path] = null; // while it is read, a partial rendering itself is not remembered
        if (!partials.TryGetValue(path, out var template)) return null;
        var reads = new Reads(name => InputsOf(ThemePartials.FileName(name), partials));
        reads.VisitTemplate(template);
        return _inputs[path] = reads.Remembered ? new PartialInputs([.. reads.Own], [.. reads.Top]) : null;
    }

    /// <summary>
    /// The names a partial reads: <see cref="Own"/> in its own scope (a value passed to it, else the page's), and
    /// <see cref="Top"/> at the page's top level (what the partials it renders read, other than what it passes them).
    /// A loop's variable read inside the loop is not among them; a name set by <c>assign</c> or <c>capture</c> is, as it
    /// may be read where it is not set: its value from outside is usually nothing, and makes the key longer, never wrong.
    /// </summary>
    private sealed class Reads(Func<string, PartialInputs?> inputsOf) : AstVisitor
    {
        // The variables of the loops around what is being read (and their forloop), which hide values from outside.
        private readonly List<string> _loopVariables = [];

        public HashSet<string> Own { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Top { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>False once the partial uses something whose output is not decided by the names it reads.</summary>
        public bool Remembered { get; private set; } = true;

        private T Never<T>(T node)
        {
            Remembered = false;
            return node;
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments[0] is IdentifierSegment first && !_loopVariables.Contains(first.Identifier, StringComparer.OrdinalIgnoreCase))
                Own.Add(first.Identifier);
            foreach (var segment in memberExpression.Segments)
                if (segment is IndexerSegment indexer) Visit(indexer.Expression);
                else if (segment is FunctionCallSegment) Remembered = false;
            return memberExpression;
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            base.VisitRenderStatement(renderStatement);
            if (renderStatement is not { With: null, For: null } || inputsOf(renderStatement.Path) is not { } nested) return Never(renderStatement);
            var passed = renderStatement.AssignStatements.Select(a => a.Identifier).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Top.UnionWith(nested.Own.Where(name => !passed.Contains(name)));
            Top.UnionWith(nested.Top);
            return renderStatement;
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            if (forStatement.OffsetIsContinue) return Never(forStatement); // continues where an earlier loop stopped
            Visit(forStatement.Source);
            Visit(forStatement.Limit);
            Visit(forStatement.Offset);
            _loopVariables.AddRange([forStatement.Identifier, "forloop"]);
            foreach (var statement in forStatement.Statements) Visit(statement);
            _loopVariables.RemoveRange(_loopVariables.Count - 2, 2);
            Visit(forStatement.Else);
            return forStatement;
        }

        // Tags that keep state from one render to the next, share the caller's scope, or are not Liquid's own.
        protected override Statement VisitCycleStatement(CycleStatement cycleStatement) => Never(cycleStatement);

        protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement) => Never(incrementStatement);

        protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement) => Never(decrementStatement);

        protected override Statement VisitIfChangedStatement(IfChangedStatement ifChangedStatement) => Never(ifChangedStatement);

        protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) => Never(includeStatement);

        protected override Statement VisitMacroStatement(MacroStatement macroStatement) => Never(macroStatement);

        protected override Statement VisitFromStatement(FromStatement fromStatement) => Never(fromStatement);

        protected override Statement VisitCallbackStatement(CallbackStatement callbackStatement) => Never(callbackStatement);

        protected override Statement VisitEmptyTagStatement(EmptyTagStatement emptyTagStatement) => Never(emptyTagStatement);

        protected override Statement VisitEmptyBlockStatement(EmptyBlockStatement emptyBlockStatement) => Never(emptyBlockStatement);

        protected override Statement VisitParserTagStatement<T>(ParserTagStatement<T> parserTagStatement) => Never(parserTagStatement);

        protected override Statement VisitParserBlockStatement<T>(ParserBlockStatement<T> parserBlockStatement) => Never(parserBlockStatement);

        public override Statement VisitOtherStatement(Statement statement) => Never(statement);

        public override Expression VisitOtherExpression(Expression expression) => Never(expression);
    }

    /// <summary>A <c>render</c> tag whose partial's output is decided by the values of <paramref name="inputs"/>.</summary>
    private sealed class RememberedRender(RenderStatement render, string partial, PartialInputs inputs) : Statement
    {
        // For each of the partial's own names, the expression the tag passes for it, or null when it is the page's value.
        // A name passed twice is seen with its last value, as Fluid assigns them in order.
        private readonly Expression?[] _passed = [.. inputs.Own.Select(name =>
            render.AssignStatements.LastOrDefault(a => string.Equals(a.Identifier, name, StringComparison.OrdinalIgnoreCase))?.Value)];

        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            if (context.AmbientValues.GetValueOrDefault(PageValues.Key) is not PageValues { Outputs: { } outputs } page) return await render.WriteToAsync(writer, encoder, context);
            // The first value that cannot be part of a key ends the search: the partial is rendered as usual.
            var values = new FluidValue[inputs.Own.Length + inputs.Top.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = i >= inputs.Own.Length ? page.Top(inputs.Top[i - inputs.Own.Length], context)
                    : _passed[i] is { } passed ? await passed.EvaluateAsync(context) : page.Top(inputs.Own[i], context);
                if (!RenderKey.Holds(values[i])) return await render.WriteToAsync(writer, encoder, context);
            }

            var key = new RenderKey(partial, values);
            if (!outputs.Written.TryGetValue(key, out var text))
            {
                using var output = new StringWriter(context.CultureInfo);
                await render.WriteToAsync(output, encoder, context);
                text = outputs.Written.GetOrAdd(key, output.ToString());
            }
            await writer.WriteAsync(text);
            return Completion.Normal;
        }
    }
}

/// <summary>The names whose values decide what a partial writes (see <see cref="RememberedPartials"/>).</summary>
/// <param name="Own">Read in its own scope: the value passed to it, else the page's top-level one.</param>
/// <param name="Top">Read at the page's top level, by partials it renders.</param>
internal sealed record PartialInputs(string[] Own, string[] Top);

/// <summary>What each remembered partial wrote for each set of values, for one build's pages (shared by its threads).</summary>
internal sealed class PartialOutputs
{
    internal ConcurrentDictionary<RenderKey, string> Written { get; } = new();
}

/// <summary>
/// A page's top-level values as its partials see them, and its build's <see cref="PartialOutputs"/> (if any): kept in
/// the page's template context (Fluid keeps its own top-level scope to itself).
/// </summary>
internal sealed class PageValues(PartialOutputs? outputs)
{
    public const string Key = "ppnblog.page";

    private readonly Dictionary<string, FluidValue> _top = new(StringComparer.OrdinalIgnoreCase);

    public PartialOutputs? Outputs { get; } = outputs;

    /// <summary>Sets top-level value <paramref name="name"/> of the page rendered in <paramref name="context"/>.</summary>
    public void Set(TemplateContext context, string name, object? value)
    {
        var converted = FluidValue.Create(value, context.Options);
        context.SetValue(name, converted);
        _top[name] = converted;
    }

    /// <summary>What a partial reads for <paramref name="name"/> at the top level: the page's value, else the theme's global one.</summary>
    public FluidValue Top(string name, TemplateContext context) => _top.TryGetValue(name, out var value) ? value : context.Options.Scope.GetValue(name);
}

/// <summary>A partial and the values it was rendered with; equal when it would write the same.</summary>
internal sealed class RenderKey : IEquatable<RenderKey>
{
    private readonly FluidValue[] _values;
    private readonly int _hash;

    public RenderKey(string partial, FluidValue[] values)
    {
        (Partial, _values) = (partial, values);
        var hash = new HashCode();
        hash.Add(partial);
        foreach (var value in values) hash.Add(HashOf(value));
        _hash = hash.ToHashCode();
    }

    /// <summary>The partial's file under partials/.</summary>
    public string Partial { get; }

    /// <summary>Whether <paramref name="value"/> can be part of a key: it shows the same on every page of a build.</summary>
    public static bool Holds(FluidValue value) =>
        value is StringValue or NumberValue or BooleanValue or BaseNilValue or EmptyValue or BlankValue || value is ViewValue { IsShared: true };

    private static int HashOf(FluidValue value) => value switch
    {
        StringValue text => HashCode.Combine(text.Encode, text.ToStringValue()),
        NumberValue number => number.ToNumberValue().GetHashCode(),
        BooleanValue truth => truth.ToBooleanValue().GetHashCode(),
        ViewValue view => RuntimeHelpers.GetHashCode(view),
        _ => value.GetType().GetHashCode(),
    };

    // Numbers compare with their scale (2 and 2.0 are written differently); text with whether it is encoded.
    private static bool Same(FluidValue a, FluidValue b) => (a, b) switch
    {
        (StringValue x, StringValue y) => x.Encode == y.Encode && string.Equals(x.ToStringValue(), y.ToStringValue(), StringComparison.Ordinal),
        (NumberValue x, NumberValue y) => decimal.GetBits(x.ToNumberValue()).AsSpan().SequenceEqual(decimal.GetBits(y.ToNumberValue())),
        (BooleanValue x, BooleanValue y) => x.ToBooleanValue() == y.ToBooleanValue(),
        (ViewValue, _) or (_, ViewValue) => ReferenceEquals(a, b),
        _ => a.GetType() == b.GetType(),
    };

    /// <inheritdoc />
    public bool Equals(RenderKey? other)
    {
        if (other is null || other._hash != _hash || other.Partial != Partial || other._values.Length != _values.Length) return false;
        for (var i = 0; i < _values.Length; i++)
            if (!Same(_values[i], other._values[i])) return false;
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RenderKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;
}
