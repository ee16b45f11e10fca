using System.Globalization;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// Checks each Liquid range, such as <c>(1..100000000)</c>, for its length before Fluid lists its numbers: Fluid makes
/// the whole list before a loop's first step, so the step limit came too late (5 s and 4.7 GB for that one). A range
/// longer than a page's steps could never finish within them, so it is an error at once.
/// </summary>
internal sealed class BoundedRanges : AstRewriter
{
    /// <inheritdoc />
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) => new BoundedRange(rangeExpression);

    private sealed class BoundedRange(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (to - from >= ThemeTemplates.MaxStepsPerPage)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"the range ({from}..{to}) has more numbers than the {ThemeTemplates.MaxStepsPerPage:N0} Liquid steps a page may run"));
            return await range.EvaluateAsync(context);
        }
    }
}
