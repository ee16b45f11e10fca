using System.Collections.Concurrent;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Generator.Rendering;

namespace PPNBlog.Generator.Tests.Rendering;

/// <summary>
/// A partial rendered alike on many pages is rendered once per build (<see cref="RememberedPartials"/>): every page is
/// what it is when each partial is rendered on each page, also when pages render in parallel, and a partial whose
/// output may depend on more than its values (a page's own view, the page's content, tags that count) is never reused.
/// </summary>
public sealed class RememberedPartialsTests : IDisposable
{
    private readonly string _theme = Path.Combine(Path.GetTempPath(), "ppnblog-partials-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_theme, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_theme, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private ThemeTemplates Load()
    {
        Write("layouts/base.liquid", "{{ content | raw }}{% render 'footer', site: site %}{% render 'peek' %}{% render 'loop' %}");
        foreach (var name in ThemeTemplates.PageTemplates.Where(n => n != "home")) Write($"templates/{name}.liquid", name);
        // Cards with and without a level (then read from the page, where some pages set one), a number written two ways
        // and passed twice (the last counts), text encoded and not, partials that count, and one given the page's own view.
        Write("templates/home.liquid", """
            {% for post in cards %}{% render 'card', post: post %}|{% render 'card', post: post, level: 2 %}|{% endfor %}
            {% render 'num', n: 2 %}{% render 'num', n: 2.0 %}{% render 'num', n: count %}{% render 'num', n: 5, n: 6 %}{% render 'num', n: 5 %}
            {% assign unencoded = label | raw %}{% render 'text', t: label %}{% render 'text', t: unencoded %}
            {% render 'counter' %}{% render 'counter' %}{% render 'own', post: post %}{% render 'card', post: post %}
            """);
        Write("partials/card.liquid", """
            <h{{ level | default: 3 }}>{{ post.title }}</h>{% for c in post.commitments %}{{ c.title }}{% endfor %}{% render 'tagline', post: post %}
            """);
        Write("partials/tagline.liquid", "{{ post.url }} on {{ page_label }}");
        Write("partials/num.liquid", "[{{ n }}]");
        Write("partials/text.liquid", "[{{ t }}]");
        Write("partials/counter.liquid", "{% increment hits %}{% cycle 'x', 'y' %}");
        Write("partials/own.liquid", "{{ post.title }} {{ post.reading_minutes }}");
        // A loop's variable hides the page's value of that name inside the loop, not after it.
        Write("partials/footer.liquid", "{{ site.title }}{% for tag in site.commitments %}{{ tag.url }}{{ forloop.index }}{% endfor %}");
        Write("partials/loop.liquid", "{% for c in (1..2) %}{{ c }}{% endfor %}/{{ c }}");
        Write("partials/peek.liquid", "{{ content | size }}");
        var diagnostics = new DiagnosticList();
        var templates = ThemeTemplates.Load(_theme, diagnostics);
        Assert.Empty(diagnostics.Sorted());
        return templates!;
    }

    [Fact]
    public void Pages_rendered_in_parallel_with_remembered_partials_are_what_each_render_writes()
    {
        var templates = Load();
        var views = new SampleViews();
        Dictionary<string, object?> Values(int page)
        {
            var values = new Dictionary<string, object?>
            {
                ["site"] = views.Site, ["cards"] = views.Cards.Skip(page % 20).Take(10).ToList(), ["post"] = views.Post(page % 30),
                ["page_label"] = $"page {page % 3}", ["count"] = page % 4, ["label"] = page % 2 == 0 ? "<b>&" : "plain",
                ["tag"] = views.Post(page % 30), ["c"] = page % 2 == 0 ? "even" : "odd",
            };
            if (page % 4 == 0) values["level"] = 4;
            return values;
        }

        var expected = Enumerable.Range(0, 200).Select(page => templates.RenderForThread("home", Values(page), partials: null).ToString()).ToList();
        var outputs = new PartialOutputs();
        var rendered = new ConcurrentDictionary<int, string>();
        Parallel.For(0, 200, page => rendered[page] = templates.RenderForThread("home", Values(page), outputs).ToString());

        Assert.Contains("<h4>Post 0 &quot;quoted&quot;</h>Commitment 1 &amp; more/posts/p0/ on page 0", expected[0]);
        Assert.Contains("<h3>Post 1 &quot;quoted&quot;</h>Commitment 2 &amp; more/posts/p1/ on page 1", expected[1]);
        Assert.Contains("[2][2.0][0][6][5]", expected[0]);
        Assert.Contains("[&lt;b&gt;&amp;][<b>&]", expected[0]);
        Assert.Matches(@"/commitments/c5/5\d+12/even$", expected[0]);
        Assert.Matches(@"/commitments/c5/5\d+12/odd$", expected[1]);
        for (var page = 0; page < 200; page++) Assert.Equal(expected[page], rendered[page]);

        var remembered = outputs.Written.Keys.GroupBy(k => k.Partial).ToDictionary(g => g.Key, g => g.Count());
        // 30 cards, each at level 2, 3 and 4 on pages of three labels (a card's tagline shows the page's label), and
        // the page's own post's card; 4,000 renders of cards in all.
        Assert.InRange(remembered["card.liquid"], 30, 30 * 3 * 3);
        Assert.Equal(["card.liquid", "footer.liquid", "loop.liquid", "num.liquid", "tagline.liquid", "text.liquid"], remembered.Keys.Order());
        Assert.Equal(1, remembered["footer.liquid"]);
        Assert.Equal(2, remembered["loop.liquid"]);
    }
}
