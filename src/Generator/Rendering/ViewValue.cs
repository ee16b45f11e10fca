using System.Runtime.CompilerServices;
using Fluid;
using Fluid.Values;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// A view record (<see cref="ITemplateView"/>) as templates see it: Fluid's object value, except that each member a
/// template reads is looked up and converted to a Fluid value once per record, not at every read. The views are
/// immutable, so a member's value never changes. The site's view, the commitments' and the post cards are shared by
/// every page showing them (each card by about ten), so each has one value for the whole build: at 10,000 posts Fluid
/// otherwise read <c>site.assets</c>, <c>site.commitments</c> and every card's fields by reflection again on each page.
/// </summary>
internal sealed class ViewValue : ObjectValueBase
{
    /// <summary>The values of the shared views, for as long as each view is part of the site.</summary>
    private static readonly ConditionalWeakTable<object, ViewValue> Shared = [];

    // Members read so far: few, and templates name a member by the same string each time, so a scan finds it at once.
    // Replaced, never changed, as pages rendering in parallel read a shared view's members; two pages adding a member
    // at once may keep only one of them, and the other is read again when next asked for.
    private (string Name, FluidValue Value)[] _members = [];

    private ViewValue(object view, bool shared) : base(view) => IsShared = shared;

    /// <summary>Whether this is the one value of a view many pages show (see <see cref="Convert"/>).</summary>
    public bool IsShared { get; }

    /// <summary>The value converter Fluid asks first for any object it converts: views become <see cref="ViewValue"/>s.</summary>
    public static object? Convert(object value) =>
        value is not ITemplateView ? null : ShownByMany(value) ? Shared.GetValue(value, view => new ViewValue(view, shared: true)) : new ViewValue(value, shared: false);

    /// <summary>Views many pages show. A post's page view is a card too (it derives from one), but belongs to its page alone.</summary>
    private static bool ShownByMany(object view) => view is SiteView or CommitmentView || view.GetType() == typeof(PostCardView);

    /// <inheritdoc />
    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        var members = _members;
        foreach (var (known, value) in members)
            if (ReferenceEquals(known, name) || known == name) return new(value);
        var read = base.GetValueAsync(name, context);
        if (!read.IsCompletedSuccessfully) return read;
        _members = [.. members, (name, read.Result)];
        return read;
    }
}
