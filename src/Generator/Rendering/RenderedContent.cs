using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// The layout's <c>content</c>: the page template's output, left in the builder it was rendered into. Written into the
/// layout with <c>raw</c> (as the theme does), it is copied from the builder; anywhere else it is the string it holds,
/// made when first asked for (what <see cref="StringValue"/> overrides is handed to one). At 10,000 posts a string of
/// every page's content first was 500 MB more to allocate.
/// </summary>
internal sealed class RenderedContent(StringBuilder text, bool raw = false) : FluidValue
{
    private StringValue? _value;

    /// <summary>
    /// Liquid's <c>raw</c> filter, as Fluid defines it (the input's text, written unencoded), except that rendered
    /// content stays in its builder.
    /// </summary>
    public static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input is RenderedContent content ? content.Unencoded() : new StringValue(input.ToStringValue(), false);

    private RenderedContent Unencoded() => new(text, raw: true);

    private StringValue Value => _value ??= new StringValue(text.ToString(), encode: !raw);

    /// <inheritdoc />
    public override FluidValues Type => FluidValues.String;

    /// <inheritdoc />
    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (!raw) return Value.WriteToAsync(writer, encoder, cultureInfo);
        foreach (var chunk in text.GetChunks()) writer.Write(chunk.Span);
        return default;
    }

    /// <inheritdoc />
    public override bool Equals(FluidValue other) => Value.Equals(other);

    /// <inheritdoc />
    public override bool ToBooleanValue() => Value.ToBooleanValue();

    /// <inheritdoc />
    public override decimal ToNumberValue() => Value.ToNumberValue();

    /// <inheritdoc />
    public override string ToStringValue() => Value.ToStringValue();

    /// <inheritdoc />
    public override object ToObjectValue() => Value.ToObjectValue();

    /// <inheritdoc />
    public override bool Contains(FluidValue value) => Value.Contains(value);

    /// <inheritdoc />
    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => Value.Enumerate(context);

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => Value.GetValueAsync(name, context);

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => Value.GetIndexAsync(index, context);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();
}
