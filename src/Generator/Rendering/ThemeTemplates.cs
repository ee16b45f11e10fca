using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using PPNBlog.Content.Diagnostics;
using PPNBlog.Content.Sources;
using PPNBlog.Content.Model;
using PPNBlog.Generator.Loading;

namespace PPNBlog.Generator.Rendering;

/// <summary>
/// The theme's Liquid templates, parsed once with Fluid: <c>layouts/base.liquid</c> wraps every page,
/// <c>templates/&lt;name&gt;.liquid</c> renders a page type, <c>partials/</c> holds what they <c>render</c>.
/// Editors change these files without recompiling.
/// </summary>
public sealed partial class ThemeTemplates
{
    /// <summary>The page templates the generator renders.</summary>
    public static readonly IReadOnlyList<string> PageTemplates = ["home", "post", "commitments", "commitment", "tags", "tag", "page", "search", "404"];

    private readonly Dictionary<string, (IFluidTemplate Template, string DisplayPath)> _templates;
    private readonly (IFluidTemplate Template, string DisplayPath) _layout;
    private readonly TemplateOptions _options;

    private ThemeTemplates(Dictionary<string, (IFluidTemplate, string)> templates, (IFluidTemplate, string) layout, TemplateOptions options)
    {
        _templates = templates;
        _layout = layout;
        _options = options;
    }

    /// <summary>
    /// The records templates read (Views.cs). Fluid reads their properties by reflection, so each is named here, where
    /// the compiler sees it: a native (ahead-of-time compiled) ppnblog keeps what is named.
    /// </summary>
    internal static void RegisterViews(MemberAccessStrategy strategy)
    {
        strategy.Register<SiteView>();
        strategy.Register<NavView>();
        strategy.Register<PageMetaView>();
        strategy.Register<LinkView>();
        strategy.Register<CommitmentView>();
        strategy.Register<CommitmentLinkView>();
        strategy.Register<TagView>();
        strategy.Register<PostCardView>();
        strategy.Register<PostView>();
        strategy.Register<PaginationView>();
        strategy.Register<PaginationItemView>();
        strategy.Register<FilterView>();
        strategy.Register<PageContentView>();
    }

    /// <summary>The most Liquid statements one page may run (Fluid's steps), its template and layout together.</summary>
    public const int MaxStepsPerPage = 10_000_000;

    private static readonly BoundedRanges Bounded = new();

    /// <summary>Parses every template; returns null with PPN016 diagnostics (file, line, column) when any does not parse.</summary>
    public static ThemeTemplates? Load(string themeDirectory, DiagnosticList diagnostics)
    {
        var parser = new FluidParser();
        var themeRoot = Path.GetFullPath(themeDirectory);
        var partials = ThemePartials.Read(Path.Combine(themeRoot, "partials"), themeRoot);
        var options = new TemplateOptions
        {
            FileProvider = partials,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = PostDate.UkTime,
            // A runaway loop in an edited template (a nested loop of a million each) stops the build with PPN016,
            // not after hours: each page of this theme at 10,000 posts runs fewer than 2,000 steps (measured).
            MaxSteps = MaxStepsPerPage,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.Filters.AddFilter("raw", RenderedContent.Raw);
        RegisterViews(options.MemberAccessStrategy);
        options.ValueConverters.Add(ViewValue.Convert);

        var ok = partials.LinkedOutside.Count == 0;
        foreach (var linked in partials.LinkedOutside) LinkedOutside(linked);
        void LinkedOutside(string path) =>
            diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(ContentLoader.DisplayPath(path)),
                $"theme file '{Path.GetRelativePath(themeRoot, path)}' is a link to a file outside the theme folder",
                "Replace the link with the file itself: what a template shows is published, and a link could show any file of the machine that builds.");

        (IFluidTemplate Template, string DisplayPath)? Parse(string relativePath)
        {
            var path = Path.Combine(themeRoot, relativePath);
            var display = ContentLoader.DisplayPath(path);
            if (!File.Exists(path))
            {
                diagnostics.Add(DiagnosticCode.TemplateError, SourceLocation.WholeFile(display), $"theme template '{relativePath}' is missing",
                    "Restore the file from the repository (git checkout -- theme/).");
                ok = false;
                return null;
            }
            if (FolderBounds.LinksOutside(themeRoot, path))
            {
                LinkedOutside(path);
                ok = false;
                return null;
            }
            return ParseText(File.ReadAllText(path), display);
        }

        (IFluidTemplate Template, string DisplayPath)? ParseText(string text, string display)
        {
            // A partial that is not there would fail every page that renders it, told as a render failure at line 1.
            foreach (Match tag in RenderTag().Matches(text))
            {
                var name = tag.Groups["name"].Value;
                if (partials.Has(name)) continue;
                var before = text.AsSpan(0, tag.Index);
                diagnostics.Add(DiagnosticCode.TemplateError, new SourceLocation(display, before.Count('\n') + 1, tag.Index - before.LastIndexOf('\n')),
                    $"the partial '{name}' does not exist: there is no theme/partials/{ThemePartials.FileName(name)}",
                    "Restore the partial from the repository (git checkout -- theme/partials/), or remove the tag that renders it.");
                ok = false;
            }
            if (parser.TryParse(text, out var template, out var error)) return (template, display);
            var (line, column) = PositionIn(error);
            // Fluid's message ends with the position and the source line, which the location already gives.
            var message = TrailingPosition().Replace(error.Split('\n')[0], "");
            diagnostics.Add(DiagnosticCode.TemplateError, new SourceLocation(display, line, column), $"Liquid syntax error: {message}");
            ok = false;
            return null;
        }

        var layout = Parse(Path.Combine("layouts", "base.liquid"));
        var templates = new Dictionary<string, (IFluidTemplate Template, string DisplayPath)>(StringComparer.Ordinal);
        foreach (var name in PageTemplates)
            if (Parse(Path.Combine("templates", name + ".liquid")) is { } parsed) templates[name] = parsed;
        // Partials are checked now too, so a syntax error in one is reported with its line before any page is rendered.
        var parsedPartials = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var (path, text) in partials.Texts)
            if (ParseText(text, ContentLoader.DisplayPath(Path.Combine(themeRoot, "partials", path))) is { } parsed) parsedPartials[path] = parsed.Template;
        if (!ok || layout is null) return null;

        var remembered = new RememberedPartials(parsedPartials);
        IFluidTemplate Ready(IFluidTemplate template) => remembered.VisitTemplate(Bounded.VisitTemplate(template));
        options.TemplateParsed = (_, partial) => Ready(partial);
        return new ThemeTemplates(templates.ToDictionary(t => t.Key, t => (Ready(t.Value.Template), t.Value.DisplayPath)), (Ready(layout.Value.Template), layout.Value.DisplayPath), options);
    }

    /// <summary>
    /// Renders page template <paramref name="name"/> with <paramref name="values"/>, then the layout around it, into a
    /// builder the calling thread keeps (so pages are not built up in fresh memory): valid only until the thread renders
    /// again, so it is for a page written or copied at once. Output is HTML-encoded unless a template asks for
    /// <c>raw</c>. Partials rendered alike on many pages are rendered once into <paramref name="partials"/>, shared by
    /// the pages of one build (without it, every partial is rendered on every page). Throws <see cref="TemplateRenderException"/>.
    /// </summary>
    internal StringBuilder RenderForThread(string name, IReadOnlyDictionary<string, object?> values, PartialOutputs? partials)
    {
        var (template, display) = _templates[name];
        var context = new TemplateContext(_options);
        var page = new PageValues(partials);
        context.AmbientValues[PageValues.Key] = page;
        foreach (var (key, value) in values) page.Set(context, key, value);
        var content = t_content ??= new StringBuilder();
        Run(template, context, display, content);
        page.Set(context, "content", new RenderedContent(content));
        var whole = t_page ??= new StringBuilder();
        Run(_layout.Template, context, _layout.DisplayPath, whole);
        return whole;
    }

    /// <summary>Each thread's page content (the page template's output) and whole page, kept between pages.</summary>
    [ThreadStatic]
    private static StringBuilder? t_content, t_page;

    // Escapes markup characters but leaves letters such as é and – as they are: the pages are UTF-8.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static void Run(IFluidTemplate template, TemplateContext context, string display, StringBuilder into)
    {
        into.Clear();
        try
        {
            using var writer = new StringWriter(into, CultureInfo.InvariantCulture);
            template.RenderAsync(writer, context, Encoder, isolateContext: true).AsTask().GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith(FluidLimitMessage, StringComparison.Ordinal))
        {
            // Fluid says the same for too many steps as for includes nested too deep.
            throw new TemplateRenderException(display, string.Create(CultureInfo.InvariantCulture,
                $"the page ran more than {MaxStepsPerPage:N0} Liquid steps or nested includes {context.Options.MaxRecursion} deep: look for a loop that runs too long or a partial that includes itself"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new TemplateRenderException(display, string.Join(" ", e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        }
    }

    /// <summary>How Fluid's message begins when a page passes <see cref="MaxStepsPerPage"/> or its include depth.</summary>
    private const string FluidLimitMessage = "The maximum level of recursion has been reached.";

    private static (int Line, int Column) PositionIn(string error)
    {
        var match = Position().Match(error);
        return match.Success ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : (1, 1);
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"\s*at\s*\(\d+:\d+\)\s*$")]
    private static partial Regex TrailingPosition();

    /// <summary>A render or include tag naming its partial in quotes.</summary>
    [GeneratedRegex(@"\{%-?\s*(?:render|include)\s+(['""])(?<name>[^'""]+)\1")]
    private static partial Regex RenderTag();
}

/// <summary>A template that parsed but failed while rendering (e.g. a missing partial).</summary>
public sealed class TemplateRenderException(string file, string message) : Exception(message)
{
    /// <summary>The template's display path.</summary>
    public string File { get; } = file;
}
