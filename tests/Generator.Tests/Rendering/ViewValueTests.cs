using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Tests.Rendering;

/// <summary>
/// Templates read views through <see cref="ViewValue"/>, which keeps each member's value once read: every page shows
/// what Fluid's own object values show, also when pages rendering in parallel share one card or the site's view.
/// </summary>
public sealed class ViewValueTests
{
    private static readonly FluidParser Parser = new();

    private static TemplateOptions Options(bool viewValues)
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        ThemeTemplates.RegisterViews(options.MemberAccessStrategy);
        if (viewValues) options.ValueConverters.Add(ViewValue.Convert);
        return options;
    }

    // Members read twice, nested, in loops, by filters and by index; a member no view has; a dictionary; a derived view.
    private const string Template = """
        {{ site.title }}|{{ site.title }}|{{ site.og_locale }}|{{ site.assets.css }}|{{ site.assets['favicon'] }}|{{ site.nav.home }}|
        {% for c in site.commitments %}{{ c.title }}:{{ c.post_count }}{% unless forloop.last %},{% endunless %}{% endfor %}|
        {{ site.commitments | map: 'slug' | join: '+' }}|{{ site.commitments.size }}|{{ site.commitments.first.url }}|{{ site.missing }}|
        {% for card in cards %}[{{ card.title }} {{ card.kind_label }} {{ card.role | default: 'no role' }} {{ card.commitments[0].title }}
        {%- if card.role %} has role{% endif %}{% if card.missing == nil %} nil{% endif %}]{% endfor %}|
        {{ post.title }} {{ post.reading_minutes | plus: 1 }} {{ post.related.size }} {% for r in post.related %}{{ r.url }} {% endfor %}
        {{- post.tags | map: 'name' | join: ',' }} {{ post.previous.title }} {{ post.next.title | default: 'none' }}|{{ page.breadcrumbs.last.title }}
        """;

    [Fact]
    public void Pages_show_what_Fluid_object_values_show_when_rendered_in_parallel_from_shared_views()
    {
        var views = new SampleViews();
        var template = Parser.Parse(Template);

        string Render(TemplateOptions options, int page)
        {
            var context = new TemplateContext(options);
            context.SetValue("site", views.Site);
            context.SetValue("cards", views.Cards.Skip(page % 20).Take(10).ToList());
            context.SetValue("post", views.Post(page % 30));
            context.SetValue("page", new PageMetaView("T", "H", "D", "u", "o", "website", "i", "s", [new LinkView("Home", "/"), new LinkView($"Page {page}", "/p/")], null));
            return template.Render(context, HtmlEncoder.Default);
        }

        var plain = Options(viewValues: false);
        var expected = Enumerable.Range(0, 200).Select(page => Render(plain, page)).ToList();
        var withViewValues = Options(viewValues: true);
        var rendered = new ConcurrentDictionary<int, string>();
        Parallel.For(0, 200, page => rendered[page] = Render(withViewValues, page));

        Assert.Contains("Commitment 1 &amp; more:7", expected[0]);
        Assert.Contains("[Post 3 &quot;quoted&quot; Keynote no role Commitment 4 &amp; more nil]", expected[0]);
        for (var page = 0; page < 200; page++) Assert.Equal(expected[page], rendered[page]);
    }

    [Fact]
    public void Shared_views_keep_one_value_and_a_post_page_view_its_own()
    {
        var card = new PostCardView("T", "/u/", "d", "d", "a", null, "blog", "Blog", "s", []);
        var post = new PostView(card, "https://x/u/", 1, "", [], null, null, null, null, null, null, null, []);

        Assert.Same(ViewValue.Convert(card), ViewValue.Convert(card));
        Assert.NotSame(ViewValue.Convert(post), ViewValue.Convert(post));
        Assert.Null(ViewValue.Convert("a string"));
    }
}
