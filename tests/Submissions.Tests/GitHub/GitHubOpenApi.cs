using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>
/// GitHub's own OpenAPI description (npm @octokit/openapi): which routes exist, and the JSON schema of each request
/// body. The fake server checks every route it serves and every request it receives against it.
/// </summary>
public sealed class GitHubOpenApi
{
    private readonly JsonObject _paths;
    private readonly JsonObject _components;
    private readonly List<(Regex Pattern, string Template)> _templates;
    private readonly ConcurrentDictionary<(string, string), Task<JsonSchema?>> _schemas = new();

    private GitHubOpenApi(JsonObject document)
    {
        _paths = document["paths"]!.AsObject();
        _components = document["components"]!.AsObject();
        // "{ref}" and "{path}" may hold slashes (heads/submissions/…, .github/…); other parameters are one segment.
        _templates = _paths.Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Key).Replace(@"\{", "{"), @"\{(\w+)}", m => m.Groups[1].Value is "ref" or "path" ? "(.+)" : "([^/]+)") + "$"), p.Key))
            .OrderBy(t => t.Key.Count(c => c == '{')).ToList();
    }

    /// <summary>Loads the description installed by npm under tests/Submissions.Tests/node_modules; fails loudly when it is missing.</summary>
    public static GitHubOpenApi Load() => Shared.Value;

    private static readonly Lazy<GitHubOpenApi> Shared = new(() =>
    {
        var path = Path.Combine(Emails.RepositoryRoot, "tests", "Submissions.Tests", "node_modules", "@octokit", "openapi", "generated", "api.github.com.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"GitHub's OpenAPI description is not installed at {path}: run ./test.sh (it runs npm ci there).");
        return new GitHubOpenApi(JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    });

    /// <summary>Every path template in the description.</summary>
    public IEnumerable<string> Templates => _paths.Select(p => p.Key);

    /// <summary>The spec's path template for <paramref name="method"/> on <paramref name="path"/>, or null when GitHub has no such route.</summary>
    public string? TemplateFor(string method, string path)
    {
        foreach (var (pattern, template) in _templates)
            if (pattern.IsMatch(path) && _paths[template]![method.ToLowerInvariant()] is not null) return template;
        return null;
    }

    /// <summary>Query parameters the route does not document (empty when all are known).</summary>
    public IReadOnlyList<string> UnknownQueryParameters(string method, string template, IEnumerable<string> names)
    {
        var declared = new[] { _paths[template]!["parameters"], _paths[template]![method.ToLowerInvariant()]?["parameters"] }
            .OfType<JsonArray>().SelectMany(list => list)
            .Select(p => p?["$ref"]?.GetValue<string>() is { } reference ? _components["parameters"]?[reference.Split('/').Last()] : p)
            .Where(p => p?["in"]?.GetValue<string>() == "query")
            .Select(p => p!["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        return names.Where(n => !declared.Contains(n)).Select(n => $"{method} {template}: no query parameter '{n}' in GitHub's API").ToList();
    }

    /// <summary>Problems with a JSON request body against the route's schema (empty when valid).</summary>
    public async Task<IReadOnlyList<string>> ValidateBody(string method, string template, string body)
    {
        var schema = await _schemas.GetOrAdd((method, template), key => LoadSchema(key.Item1, key.Item2));
        if (body.Trim().Length == 0)
            return _paths[template]![method.ToLowerInvariant()]?["requestBody"]?["required"]?.GetValue<bool>() == true ? [$"{method} {template} needs a JSON body"] : [];
        if (schema is null) return [$"{method} {template} takes no JSON body"];
        return schema.Validate(body).Select(e => $"{method} {template}: {e.Kind} at {e.Path}").ToList();
    }

    private async Task<JsonSchema?> LoadSchema(string method, string template)
    {
        var schema = _paths[template]![method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"];
        return schema is null ? null : await JsonSchema.FromJsonAsync(Resolve(schema.DeepClone(), 0)!.ToJsonString());
    }

    /// <summary>Inlines "#/components/…" references (request bodies use few, and none recursively deep).</summary>
    private JsonNode? Resolve(JsonNode? node, int depth)
    {
        if (depth > 20) return new JsonObject();
        switch (node)
        {
            case JsonObject obj when obj["$ref"]?.GetValue<string>() is { } reference:
                var target = reference.Replace("#/components/", "").Split('/').Aggregate((JsonNode?)_components, (n, part) => n?[part]);
                return Resolve(target?.DeepClone(), depth + 1);
            case JsonObject obj:
                // OpenAPI 3.0's "nullable" is not JSON Schema: allow null where the spec does.
                if (obj["nullable"]?.GetValue<bool>() == true && obj["type"] is JsonValue type)
                    obj["type"] = new JsonArray(type.GetValue<string>(), "null");
                foreach (var key in obj.Select(p => p.Key).ToList()) obj[key] = Resolve(obj[key]?.DeepClone(), depth + 1);
                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(item => Resolve(item?.DeepClone(), depth + 1)).ToArray());
            default:
                return node;
        }
    }
}
