using System.Collections.Concurrent;
using Octokit;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PPNBlog.Submissions.Tests.GitHub;

/// <summary>A failure the fake injects into the next matching requests.</summary>
/// <param name="Method">HTTP method to match.</param>
/// <param name="PathEnd">The request path's end to match, e.g. "/git/blobs".</param>
/// <param name="Kind">"502", "secondary-rate-limit" (403 with Retry-After), "rate-limit" (403 with the rate-limit headers at 0),
/// "slow" (answers after 3 s, past the tests' client timeout) or "drop" (the connection is cut).</param>
/// <param name="Times">How many matching requests fail.</param>
public sealed record Fault(string Method, string PathEnd, string Kind, int Times);

/// <summary>
/// A local HTTP server on 127.0.0.1 that behaves like the GitHub REST API for the endpoints the bot uses, keeping
/// real state (refs, blobs, trees, commits, pull requests, labels). Every route it serves exists in GitHub's OpenAPI
/// description, and every request it receives is checked against it; problems are collected in <see cref="Violations"/>.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    /// <summary>GitHub's own limit on a pull request's body (not in its OpenAPI description): 422 beyond 65,536 characters.</summary>
    private static IResult? BodyTooLong(JsonNode body) => (body["body"]?.GetValue<string>().Length ?? 0) <= 65_536 ? null
        : Results.Json(new { message = "Validation Failed", errors = new[] { new { resource = "PullRequest", code = "custom", field = "body", message = "body is too long (maximum is 65536 characters)" } } }, statusCode: 422);

    private readonly WebApplication _app;
    private readonly GitHubOpenApi _spec = GitHubOpenApi.Load();
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Tree, string[] Parents, string Message, string Author)> _commits = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _pulls = [];
    private readonly List<JsonObject> _issues = [];
    private readonly List<(int Number, string Text)> _comments = [];
    private int _clock;
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _labelDescriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal) { [TestToken] = true };
    private (long AppId, long InstallationId, RSA PublicKey)? _githubApp;

    private FakeGitHub(WebApplication app) => _app = app;

    /// <summary>The API base URL for Octokit.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests or routes that do not match GitHub's OpenAPI description.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Every request received, as "METHOD path".</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Pull requests opened so far.</summary>
    public IReadOnlyList<JsonObject> PullRequests { get { lock (_gate) return _pulls.Select(p => (JsonObject)p.DeepClone()).ToList(); } }

    /// <summary>Comments on pull requests and issues, in order, as they are now (an edited one with its new text).</summary>
    public IReadOnlyList<(int Number, string Text)> Comments { get { lock (_gate) return _comments.ToList(); } }

    /// <summary>Closes issue <paramref name="number"/>, as an editor does when done with it.</summary>
    public void CloseIssue(int number)
    {
        lock (_gate) _issues.Single(i => i["number"]!.GetValue<int>() == number)["state"] = "closed";
    }

    /// <summary>The issues opened (not pull requests), as GitHub would return them.</summary>
    public IReadOnlyList<JsonObject> Issues { get { lock (_gate) return _issues.Select(i => (JsonObject)i.DeepClone()).ToList(); } }

    /// <summary>Merges a pull request, as an editor would (its files land on main).</summary>
    public void Merge(int number)
    {
        lock (_gate)
        {
            var pull = _pulls.Single(p => p["number"]!.GetValue<int>() == number);
            var head = _refs["refs/heads/" + pull["head"]!["ref"]!.GetValue<string>()];
            var files = new Dictionary<string, string>(_trees[_commits[_refs["refs/heads/main"]].Tree]);
            foreach (var (path, blob) in _trees[_commits[head].Tree]) files[path] = blob;
            var tree = Sha(Encoding.UTF8.GetBytes(string.Join('\n', files.OrderBy(f => f.Key).Select(f => f.Key + f.Value))));
            _trees[tree] = files;
            var merge = Sha(Encoding.UTF8.GetBytes(tree + head + number));
            _commits[merge] = (tree, [_refs["refs/heads/main"], head], $"Merge pull request #{number}", "Editor");
            _refs["refs/heads/main"] = merge;
            pull["state"] = "closed";
            pull["merged"] = true;
            pull["merged_at"] = Timestamp();
            pull["updated_at"] = Timestamp();
        }
    }

    /// <summary>Closes a pull request without merging, as an editor would, first adding <paramref name="labels"/> to it.</summary>
    public void Close(int number, params string[] labels)
    {
        lock (_gate)
        {
            var pull = _pulls.Single(p => p["number"]!.GetValue<int>() == number);
            foreach (var name in labels) pull["labels"]!.AsArray().Add(LabelJson(name, _labels.GetValueOrDefault(name, "ededed")));
            pull["state"] = "closed";
            pull["closed_at"] = Timestamp();
            pull["updated_at"] = Timestamp();
        }
    }

    /// <summary>Branch names under refs/heads/.</summary>
    public IReadOnlyList<string> Branches { get { lock (_gate) return _refs.Keys.Select(r => r["refs/heads/".Length..]).ToList(); } }

    /// <summary>Labels that exist in the repository.</summary>
    public IReadOnlyCollection<string> Labels { get { lock (_gate) return _labels.Keys.ToList(); } }

    /// <summary>Each label's colour and description.</summary>
    public IReadOnlyDictionary<string, (string Color, string Description)> LabelDetails
    {
        get { lock (_gate) return _labels.ToDictionary(l => l.Key, l => (l.Value, _labelDescriptions.GetValueOrDefault(l.Key, ""))); }
    }

    /// <summary>Creates a label as an editor might have, by hand.</summary>
    public void AddLabel(string name, string color, string description)
    {
        lock (_gate)
        {
            _labels[name] = color;
            _labelDescriptions[name] = description;
        }
    }

    /// <summary>Starts the server with a repository holding one commit on main.</summary>
    public static async Task<FakeGitHub> StartAsync()
    {
        var app = Loopback.WebApp();
        var fake = new FakeGitHub(app);
        fake.Seed();
        fake.MapRoutes(app);
        fake.CheckRoutes(app);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First() + "/");
        return fake;
    }

    /// <summary>The token this server accepts from the tests.</summary>
    public const string TestToken = "test-token";

    /// <summary>An Octokit client for this server, with its test token (and a shorter timeout when given).</summary>
    public GitHubClient Client(TimeSpan? timeout = null)
    {
        var client = new GitHubClient(new ProductHeaderValue("ppnblog-tests"), BaseUrl) { Credentials = new Credentials(TestToken) };
        if (timeout is { } limit) client.SetRequestTimeout(limit);
        return client;
    }

    /// <summary>Makes the next matching requests fail.</summary>
    public void Inject(Fault fault) => _faults.Enqueue(fault);

    /// <summary>Registers a GitHub App: its JWTs (signed with the matching private key) buy installation tokens.</summary>
    public void RegisterApp(long appId, long installationId, RSA publicKey) => _githubApp = (appId, installationId, publicKey);

    /// <summary>Installation tokens issued so far.</summary>
    public int InstallationTokensIssued => _tokens.Count - 1;

    /// <summary>Commits <paramref name="text"/> at <paramref name="path"/> on main, as an editor would.</summary>
    public void PutOnMain(string path, string text)
    {
        lock (_gate)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var blob = Sha(bytes);
            _blobs[blob] = bytes;
            var parent = _refs["refs/heads/main"];
            var files = new Dictionary<string, string>(_trees[_commits[parent].Tree]) { [path] = blob };
            var tree = Sha(Encoding.UTF8.GetBytes(string.Join('\n', files.OrderBy(f => f.Key).Select(f => f.Key + f.Value))));
            _trees[tree] = files;
            var commit = Sha(Encoding.UTF8.GetBytes(tree + parent));
            _commits[commit] = (tree, [parent], "Add " + path, "Editor");
            _refs["refs/heads/main"] = commit;
        }
    }

    /// <summary>Ends all injected failures (GitHub has recovered).</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>The files (path → bytes) in the tree of the commit a branch points at.</summary>
    public IReadOnlyDictionary<string, byte[]> FilesOn(string branch)
    {
        lock (_gate) return _trees[_commits[_refs["refs/heads/" + branch]].Tree].ToDictionary(f => f.Key, f => _blobs[f.Value]);
    }

    /// <summary>The commits on a branch that are not on main.</summary>
    public IReadOnlyList<(string Message, string Author)> CommitsOnlyOn(string branch)
    {
        lock (_gate)
        {
            var result = new List<(string, string)>();
            for (var sha = _refs["refs/heads/" + branch]; sha != _refs["refs/heads/main"]; sha = _commits[sha].Parents[0])
                result.Add((_commits[sha].Message, _commits[sha].Author));
            return result;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The folders a file's path lies in, outermost first.</summary>
    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1)) yield return path[..slash];
    }

    private void Seed()
    {
        var readme = Sha(Encoding.UTF8.GetBytes("# PPNBlog\n"));
        _blobs[readme] = Encoding.UTF8.GetBytes("# PPNBlog\n");
        _trees["tree0"] = new() { ["README.md"] = readme };
        _commits["commit0"] = ("tree0", [], "Initial commit", "Editor");
        _refs["refs/heads/main"] = "commit0";
    }

    private void MapRoutes(WebApplication app)
    {
        // Octokit talks to a GitHub Enterprise-style address under /api/v3.
        app.UsePathBase("/api/v3");
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            _requests.Enqueue($"{context.Request.Method} {path}");
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            var template = _spec.TemplateFor(context.Request.Method, path);
            if (template is null) _violations.Enqueue($"{context.Request.Method} {path}: no such route in GitHub's API");
            else
            {
                foreach (var problem in _spec.UnknownQueryParameters(context.Request.Method, template, context.Request.Query.Keys)) _violations.Enqueue(problem);
                if (context.Request.Method is "POST" or "PATCH" or "PUT")
                    foreach (var problem in await _spec.ValidateBody(context.Request.Method, template, body)) _violations.Enqueue(problem);
            }
            var authorization = context.Request.Headers.Authorization.ToString();
            // GitHub takes "token X" and "Bearer X" alike; App routes take the App's JWT instead.
            var credential = authorization.Split(' ', 2) is [var scheme, var value] && scheme.ToLowerInvariant() is "token" or "bearer" ? value : "";
            if (!path.StartsWith("/app/", StringComparison.Ordinal) && !_tokens.ContainsKey(credential))
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { message = "Bad credentials", documentation_url = "https://docs.github.com/rest" });
                return;
            }
            if (TakeFault(context.Request.Method, path) is { } fault)
            {
                switch (fault.Kind)
                {
                    case "drop":
                        context.Abort();
                        return;
                    case "rate-limit":
                        context.Response.StatusCode = 403;
                        context.Response.Headers["x-ratelimit-limit"] = "5000";
                        context.Response.Headers["x-ratelimit-remaining"] = "0";
                        context.Response.Headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await context.Response.WriteAsJsonAsync(new { message = "API rate limit exceeded for installation.", documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" });
                        return;
                    case "slow":
                        // Answers later than the client waits: a timeout.
                        await Task.Delay(TimeSpan.FromSeconds(3));
                        break;
                    case "secondary-rate-limit":
                        context.Response.StatusCode = 403;
                        context.Response.Headers["Retry-After"] = "1";
                        await context.Response.WriteAsJsonAsync(new { message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" });
                        return;
                    default:
                        context.Response.StatusCode = 502;
                        await context.Response.WriteAsync("Bad gateway");
                        return;
                }
            }
            try
            {
                await next();
            }
            catch (Exception e)
            {
                // A crash in the fake is a test bug; surface it rather than let it pass as a GitHub 500.
                _violations.Enqueue($"the fake failed on {context.Request.Method} {path}: {e}");
                throw;
            }
        });
        app.MapPost("/app/installations/{installation:long}/access_tokens", async (long installation, HttpRequest request) =>
        {
            var jwt = request.Headers.Authorization.ToString();
            if (_githubApp is not { } registered || installation != registered.InstallationId || !jwt.StartsWith("Bearer ", StringComparison.Ordinal)) return NotFound();
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(jwt[7..], new TokenValidationParameters
            {
                ValidIssuer = registered.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ValidateAudience = false,
                IssuerSigningKey = new RsaSecurityKey(registered.PublicKey), RequireExpirationTime = true, ValidateLifetime = true,
            });
            if (!validation.IsValid) return Results.Json(new { message = "A JSON web token could not be decoded" }, statusCode: 401);
            var token = "ghs_" + Guid.NewGuid().ToString("N");
            _tokens[token] = true;
            return Results.Json(new { token, expires_at = DateTimeOffset.UtcNow.AddHours(1) }, statusCode: 201);
        });
        var repo = app.MapGroup("/repos/{owner}/{repo}");
        repo.MapGet("/contents/{**path}", (string path, string? @ref) => Locked(() =>
        {
            var branch = "refs/heads/" + (@ref ?? "main");
            if (!_refs.TryGetValue(branch, out var head) || !_trees[_commits[head].Tree].TryGetValue(path, out var blob)) return NotFound();
            return Results.Json(new
            {
                type = "file", encoding = "base64", size = _blobs[blob].Length, name = path.Split('/').Last(), path,
                content = Convert.ToBase64String(_blobs[blob]), sha = blob,
                url = $"{BaseUrl}repos/o/r/contents/{path}", git_url = $"{BaseUrl}repos/o/r/git/blobs/{blob}",
                html_url = $"https://github.example/o/r/blob/main/{path}", download_url = $"https://raw.example/o/r/main/{path}",
                _links = new { self = $"{BaseUrl}repos/o/r/contents/{path}", git = $"{BaseUrl}repos/o/r/git/blobs/{blob}", html = $"https://github.example/o/r/blob/main/{path}" },
            });
        }));
        repo.MapGet("/git/ref/{**reference}", (string reference) => Locked(() =>
            _refs.TryGetValue("refs/" + Uri.UnescapeDataString(reference), out var sha) ? Results.Json(RefJson("refs/" + Uri.UnescapeDataString(reference), sha)) : NotFound()));
        repo.MapGet("/git/commits/{sha}", (string sha) => Locked(() => _commits.ContainsKey(sha) ? Results.Json(CommitJson(sha)) : NotFound()));
        repo.MapGet("/git/trees/{**tree}", (string tree, string? recursive) => Locked(() =>
        {
            // A tree's SHA, a commit's, or a branch name, as GitHub takes them; folders are listed as well as files.
            tree = Uri.UnescapeDataString(tree);
            var sha = _trees.ContainsKey(tree) ? tree
                : _commits.TryGetValue(tree, out var commit) ? commit.Tree
                : _refs.TryGetValue("refs/heads/" + tree, out var head) ? _commits[head].Tree : null;
            if (sha is null) return NotFound();
            // Without recursive=…, only the top level: its files, and its folders by name.
            var files = _trees[sha].Where(f => recursive is not null || !f.Key.Contains('/')).ToList();
            var folders = _trees[sha].SelectMany(f => Folders(f.Key)).Where(f => recursive is not null || !f.Contains('/')).Distinct().Order(StringComparer.Ordinal).ToList();
            return Results.Json(new
            {
                sha, url = $"{BaseUrl}repos/o/r/git/trees/{sha}", truncated = false,
                tree = folders.Select(path => (object)new { path, mode = "040000", type = "tree", sha = Sha(Encoding.UTF8.GetBytes(path)), url = $"{BaseUrl}repos/o/r/git/trees/{path}" })
                    .Concat(files.Select(f => new { path = f.Key, mode = "100644", type = "blob", sha = f.Value, size = _blobs[f.Value].Length, url = $"{BaseUrl}repos/o/r/git/blobs/{f.Value}" })),
            });
        }));
        repo.MapPost("/git/blobs", async (HttpRequest request) =>
        {
            var body = await Body(request);
            var content = body["content"]!.GetValue<string>();
            var bytes = body["encoding"]?.GetValue<string>() == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
            var sha = Sha(bytes);
            lock (_gate) _blobs[sha] = bytes;
            return Results.Json(new { sha, url = $"{BaseUrl}repos/o/r/git/blobs/{sha}" }, statusCode: 201);
        });
        repo.MapPost("/git/trees", async (HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var files = body["base_tree"]?.GetValue<string>() is { } baseTree ? new Dictionary<string, string>(_trees[baseTree]) : [];
                foreach (var item in body["tree"]!.AsArray())
                {
                    var path = item!["path"]!.GetValue<string>();
                    if (path.StartsWith('/') || path.Split('/').Any(s => s is "" or "." or "..")) return Results.Json(new { message = "Invalid tree path" }, statusCode: 422);
                    var itemSha = item["sha"]!.GetValue<string>();
                    if (item["type"]?.GetValue<string>() == "tree")
                    {
                        // A folder replaced whole: what was under it goes, the subtree's files come in.
                        foreach (var old in files.Keys.Where(k => k.StartsWith(path + "/", StringComparison.Ordinal)).ToList()) files.Remove(old);
                        if (!_trees.TryGetValue(itemSha, out var subtree)) return Results.Json(new { message = "tree.sha is not a tree" }, statusCode: 422);
                        foreach (var (name, blob) in subtree) files[path + "/" + name] = blob;
                    }
                    else
                    {
                        if (!_blobs.ContainsKey(itemSha)) return Results.Json(new { message = "tree.sha is not a blob" }, statusCode: 422);
                        files[path] = itemSha;
                    }
                }
                var sha = Sha(Encoding.UTF8.GetBytes(string.Join('\n', files.OrderBy(f => f.Key).Select(f => f.Key + f.Value))));
                _trees[sha] = files;
                return Results.Json(new { sha, url = $"{BaseUrl}repos/o/r/git/trees/{sha}", truncated = false,
                    tree = files.Select(f => new { path = f.Key, mode = "100644", type = "blob", sha = f.Value, size = _blobs[f.Value].Length }) }, statusCode: 201);
            });
        });
        repo.MapPost("/git/commits", async (HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var parents = body["parents"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray();
                var message = body["message"]!.GetValue<string>();
                var sha = Sha(Encoding.UTF8.GetBytes(body.ToJsonString() + Guid.NewGuid()));
                _commits[sha] = (body["tree"]!.GetValue<string>(), parents, message, body["author"]?["name"]?.GetValue<string>() ?? "");
                return Results.Json(CommitJson(sha), statusCode: 201);
            });
        });
        repo.MapPost("/git/refs", async (HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var name = body["ref"]!.GetValue<string>();
                if (_refs.ContainsKey(name)) return Results.Json(new { message = "Reference already exists" }, statusCode: 422);
                _refs[name] = body["sha"]!.GetValue<string>();
                return Results.Json(RefJson(name, _refs[name]), statusCode: 201);
            });
        });
        repo.MapGet("/git/matching-refs/{**prefix}", (string prefix) => Locked(() =>
            Results.Json(new JsonArray(_refs.Where(r => r.Key.StartsWith("refs/" + Uri.UnescapeDataString(prefix), StringComparison.Ordinal))
                .OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (JsonNode)RefJson(r.Key, r.Value)).ToArray()))));
        repo.MapPatch("/git/refs/{**reference}", async (string reference, HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var name = "refs/" + Uri.UnescapeDataString(reference);
                if (!_refs.TryGetValue(name, out var current)) return Results.Json(new { message = "Reference does not exist" }, statusCode: 422);
                var sha = body["sha"]!.GetValue<string>();
                // Without force, only a fast-forward: the new commit must descend from the current one.
                if (body["force"]?.GetValue<bool>() != true && !Descends(sha, current)) return Results.Json(new { message = "Update is not a fast forward" }, statusCode: 422);
                _refs[name] = sha;
                foreach (var pull in _pulls.Where(p => "refs/heads/" + p["head"]!["ref"]!.GetValue<string>() == name)) pull["head"]!["sha"] = sha;
                return Results.Json(RefJson(name, sha));
            });
        });
        repo.MapDelete("/git/refs/{**reference}", (string reference) => Locked(() =>
            _refs.Remove("refs/" + Uri.UnescapeDataString(reference)) ? Results.NoContent() : Results.Json(new { message = "Reference does not exist" }, statusCode: 422)));
        repo.MapGet("/pulls", (string? head, string? state, string? @base) => Locked(() =>
        {
            var branch = head?.Split(':').Last();
            return Results.Json(new JsonArray(_pulls.Where(p => branch is null || p["head"]!["ref"]!.GetValue<string>() == branch)
                .Where(p => @base is null || p["base"]!["ref"]!.GetValue<string>() == @base)
                .Where(p => state is "all" || p["state"]!.GetValue<string>() == (state ?? "open"))
                .OrderByDescending(p => p["updated_at"]!.GetValue<string>()).ThenByDescending(p => p["number"]!.GetValue<int>())
                .Select(p => (JsonNode)p.DeepClone()).ToArray()));
        }));
        repo.MapPatch("/pulls/{number:int}", (int number, HttpRequest request) => OnPull(number, request, (pull, body) =>
        {
            if (BodyTooLong(body) is { } refused) return refused;
            foreach (var field in new[] { "title", "body", "state" })
                if (body[field] is { } value) pull[field] = value.GetValue<string>();
            pull["updated_at"] = Timestamp();
            return Results.Json(pull.DeepClone());
        }));
        // Comments on pull requests and issues alike, as GitHub's issue comments are.
        repo.MapPost("/issues/{number:int}/comments", async (int number, HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                if (!_pulls.Concat(_issues).Any(i => i["number"]!.GetValue<int>() == number)) return NotFound();
                _comments.Add((number, body["body"]!.GetValue<string>()));
                return Results.Json(CommentJson(_comments.Count), statusCode: 201);
            });
        });
        repo.MapGet("/issues/{number:int}/comments", (int number) => Locked(() =>
            Results.Json(new JsonArray(_comments.Select((c, i) => (c.Number, Id: i + 1)).Where(c => c.Number == number).Select(c => (JsonNode)CommentJson(c.Id)).ToArray()))));
        repo.MapPatch("/issues/comments/{id:long}", async (long id, HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                if (id < 1 || id > _comments.Count) return NotFound();
                _comments[(int)id - 1] = (_comments[(int)id - 1].Number, body["body"]!.GetValue<string>());
                return Results.Json(CommentJson((int)id));
            });
        });
        repo.MapPatch("/issues/{number:int}", async (int number, HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                if (_issues.FirstOrDefault(i => i["number"]!.GetValue<int>() == number) is not { } issue) return NotFound();
                if (BodyTooLong(body) is { } refused) return refused;
                foreach (var field in new[] { "title", "body", "state" })
                    if (body[field] is { } value) issue[field] = value.GetValue<string>();
                issue["updated_at"] = Timestamp();
                return Results.Json(issue.DeepClone());
            });
        });
        repo.MapPost("/pulls", async (HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var head = body["head"]!.GetValue<string>();
                if (!_refs.ContainsKey("refs/heads/" + head)) return Results.Json(new { message = "Validation Failed", errors = new[] { new { field = "head", code = "invalid" } } }, statusCode: 422);
                if (_pulls.Any(p => p["head"]!["ref"]!.GetValue<string>() == head && p["state"]!.GetValue<string>() == "open"))
                    return Results.Json(new { message = "Validation Failed", errors = new[] { new { message = $"A pull request already exists for o:{head}." } } }, statusCode: 422);
                if (BodyTooLong(body) is { } refused) return refused;
                var number = _pulls.Count + _issues.Count + 1;
                var pull = PullJson(number, body["title"]!.GetValue<string>(), body["body"]?.GetValue<string>() ?? "", head, body["base"]!.GetValue<string>());
                _pulls.Add(pull);
                return Results.Json(pull, statusCode: 201);
            });
        });
        repo.MapGet("/issues", (string? labels, string? state) => Locked(() =>
        {
            // GitHub lists pull requests among issues, marked with "pull_request".
            var wanted = labels?.Split(',') ?? [];
            var all = _issues.Concat(_pulls.Select(p => IssueJson(p["number"]!.GetValue<int>(), p["title"]!.GetValue<string>(), p["body"]!.GetValue<string>(),
                p["labels"]!.AsArray(), p["state"]!.GetValue<string>(), pull: true)));
            return Results.Json(new JsonArray(all
                .Where(i => wanted.All(w => i["labels"]!.AsArray().Any(l => l!["name"]!.GetValue<string>() == w)))
                .Where(i => state is "all" || i["state"]!.GetValue<string>() == (state ?? "open"))
                .OrderByDescending(i => i["number"]!.GetValue<int>())
                .Select(i => (JsonNode)i.DeepClone()).ToArray()));
        }));
        repo.MapPost("/issues", async (HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                if (BodyTooLong(body) is { } refused) return refused;
                var labels = new JsonArray((body["labels"]?.AsArray() ?? []).Select(l => (JsonNode)LabelJson(l!.GetValue<string>(), _labels.GetValueOrDefault(l.GetValue<string>(), "ededed"))).ToArray());
                var issue = IssueJson(_pulls.Count + _issues.Count + 1, body["title"]!.GetValue<string>(), body["body"]?.GetValue<string>() ?? "", labels, "open", pull: false);
                _issues.Add(issue);
                return Results.Json(issue, statusCode: 201);
            });
        });
        repo.MapGet("/labels/{name}", (string name) => Locked(() =>
            _labels.TryGetValue(Uri.UnescapeDataString(name), out var color) ? Results.Json(LabelJson(Uri.UnescapeDataString(name), color)) : NotFound()));
        repo.MapPatch("/labels/{name}", async (string name, HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var label = Uri.UnescapeDataString(name);
                if (!_labels.ContainsKey(label)) return NotFound();
                _labels[label] = body["color"]?.GetValue<string>() ?? _labels[label];
                _labelDescriptions[label] = body["description"]?.GetValue<string>() ?? "";
                return Results.Json(LabelJson(label, _labels[label]));
            });
        });
        repo.MapPost("/labels", async (HttpRequest request) =>
        {
            var body = await Body(request);
            return Locked(() =>
            {
                var name = body["name"]!.GetValue<string>();
                if (_labels.ContainsKey(name)) return Results.Json(new { message = "Validation Failed" }, statusCode: 422);
                _labels[name] = body["color"]?.GetValue<string>() ?? "ededed";
                _labelDescriptions[name] = body["description"]?.GetValue<string>() ?? "";
                return Results.Json(LabelJson(name, _labels[name]), statusCode: 201);
            });
        });
        repo.MapPost("/issues/{number:int}/labels", (int number, HttpRequest request) => OnPull(number, request, (pull, body) =>
        {
            var names = (body["labels"] ?? body)!.AsArray().Select(l => l!.GetValue<string>());
            var labels = pull["labels"]!.AsArray();
            foreach (var name in names.Where(n => labels.All(l => l!["name"]!.GetValue<string>() != n)))
                labels.Add(LabelJson(name, _labels.GetValueOrDefault(name, "ededed")));
            return Results.Json(labels.DeepClone());
        }));
        repo.MapPost("/pulls/{number:int}/requested_reviewers", (int number, HttpRequest request) => OnPull(number, request, (pull, body) =>
        {
            pull["requested_reviewers"] = new JsonArray((body["reviewers"]?.AsArray() ?? []).Select(r => (JsonNode)new JsonObject { ["login"] = r!.GetValue<string>(), ["id"] = 2, ["type"] = "User" }).ToArray());
            pull["requested_teams"] = new JsonArray((body["team_reviewers"]?.AsArray() ?? []).Select(t => (JsonNode)new JsonObject { ["slug"] = t!.GetValue<string>(), ["name"] = t.GetValue<string>(), ["id"] = 3 }).ToArray());
            return Results.Json(pull.DeepClone(), statusCode: 201);
        }));
    }

    /// <summary>Every route this server maps, checked against the OpenAPI description (parameter names aside).</summary>
    private void CheckRoutes(WebApplication app)
    {
        static string Shape(string template) => Regex.Replace(template, @"\{[^}]*}", "{}");
        var known = _spec.Templates.Select(Shape).ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var template = Shape(endpoint.RoutePattern.RawText ?? "");
            if (!known.Contains(template)) _violations.Enqueue($"the fake serves {endpoint.RoutePattern.RawText}, which GitHub's API does not have");
        }
    }

    /// <summary>An always-increasing timestamp, so "most recently updated" has an order.</summary>
    private string Timestamp() => new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero).AddSeconds(++_clock).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private bool Descends(string sha, string ancestor)
    {
        var pending = new Stack<string>([sha]);
        while (pending.TryPop(out var next))
        {
            if (next == ancestor) return true;
            if (_commits.TryGetValue(next, out var commit)) foreach (var parent in commit.Parents) pending.Push(parent);
        }
        return false;
    }

    private Fault? TakeFault(string method, string path)
    {
        lock (_gate)
        {
            var all = _faults.ToList();
            var match = all.FirstOrDefault(f => f.Method == method && path.EndsWith(f.PathEnd, StringComparison.Ordinal) && f.Times > 0);
            if (match is null) return null;
            _faults.Clear();
            foreach (var fault in all) _faults.Enqueue(fault == match ? fault with { Times = fault.Times - 1 } : fault);
            return match;
        }
    }

    /// <summary>Reads the request body and runs <paramref name="handle"/> on pull request <paramref name="number"/> (404 when there is none).</summary>
    private async Task<IResult> OnPull(int number, HttpRequest request, Func<JsonObject, JsonObject, IResult> handle)
    {
        var body = await Body(request);
        return Locked(() => _pulls.FirstOrDefault(p => p["number"]!.GetValue<int>() == number) is { } pull ? handle(pull, body) : NotFound());
    }

    /// <summary>Comment <paramref name="id"/> (its place in the list, from 1) as GitHub returns one.</summary>
    private JsonObject CommentJson(int id)
    {
        var (number, text) = _comments[id - 1];
        return new JsonObject
        {
            ["id"] = id, ["node_id"] = "IC_" + id, ["body"] = text, ["url"] = $"{BaseUrl}repos/o/r/issues/comments/{id}",
            ["html_url"] = $"https://github.example/o/r/pull/{number}#issuecomment-{id}", ["issue_url"] = $"{BaseUrl}repos/o/r/issues/{number}",
            ["user"] = new JsonObject { ["login"] = "ppn-blog-bot", ["id"] = 1, ["type"] = "Bot" }, ["created_at"] = Timestamp(), ["updated_at"] = Timestamp(),
            ["author_association"] = "NONE",
        };
    }

    private IResult Locked(Func<IResult> handle)
    {
        lock (_gate) return handle();
    }

    private static IResult NotFound() => Results.Json(new { message = "Not Found", documentation_url = "https://docs.github.com/rest" }, statusCode: 404);

    private static async Task<JsonObject> Body(HttpRequest request) => JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));

    private JsonObject RefJson(string name, string sha) => new()
    {
        ["ref"] = name, ["node_id"] = "REF_" + sha, ["url"] = $"{BaseUrl}repos/o/r/git/{name}",
        ["object"] = new JsonObject { ["type"] = "commit", ["sha"] = sha, ["url"] = $"{BaseUrl}repos/o/r/git/commits/{sha}" },
    };

    private JsonObject CommitJson(string sha)
    {
        var commit = _commits[sha];
        var person = new JsonObject { ["name"] = commit.Author, ["email"] = "bot@example.org", ["date"] = "2026-11-24T12:00:00Z" };
        return new JsonObject
        {
            ["sha"] = sha, ["node_id"] = "C_" + sha, ["url"] = $"{BaseUrl}repos/o/r/git/commits/{sha}", ["html_url"] = $"https://github.example/o/r/commit/{sha}",
            ["author"] = person, ["committer"] = person.DeepClone(), ["message"] = commit.Message,
            ["tree"] = new JsonObject { ["sha"] = commit.Tree, ["url"] = $"{BaseUrl}repos/o/r/git/trees/{commit.Tree}" },
            ["parents"] = new JsonArray(commit.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p, ["url"] = $"{BaseUrl}repos/o/r/git/commits/{p}", ["html_url"] = "" }).ToArray()),
            ["verification"] = new JsonObject { ["verified"] = false, ["reason"] = "unsigned", ["signature"] = null, ["payload"] = null },
        };
    }

    private JsonObject PullJson(int number, string title, string body, string head, string baseBranch)
    {
        var user = new JsonObject { ["login"] = "ppn-blog-bot", ["id"] = 1, ["type"] = "Bot" };
        JsonObject Branch(string name) => new() { ["label"] = "o:" + name, ["ref"] = name, ["sha"] = _refs["refs/heads/" + name], ["user"] = user.DeepClone() };
        return new JsonObject
        {
            ["id"] = number, ["node_id"] = "PR_" + number, ["number"] = number, ["state"] = "open", ["title"] = title, ["body"] = body,
            ["url"] = $"{BaseUrl}repos/o/r/pulls/{number}", ["html_url"] = $"https://github.example/o/r/pull/{number}",
            ["head"] = Branch(head), ["base"] = Branch(baseBranch), ["user"] = user, ["labels"] = new JsonArray(),
            ["created_at"] = Timestamp(), ["updated_at"] = Timestamp(), ["merged"] = false, ["merged_at"] = null, ["draft"] = false,
        };
    }

    private JsonObject IssueJson(int number, string title, string body, JsonArray labels, string state, bool pull)
    {
        var issue = new JsonObject
        {
            ["id"] = number, ["node_id"] = "I_" + number, ["number"] = number, ["state"] = state, ["title"] = title, ["body"] = body,
            ["url"] = $"{BaseUrl}repos/o/r/issues/{number}", ["html_url"] = $"https://github.example/o/r/{(pull ? "pull" : "issues")}/{number}",
            ["user"] = new JsonObject { ["login"] = "ppn-blog-bot", ["id"] = 1, ["type"] = "Bot" }, ["labels"] = labels.DeepClone(),
            ["comments"] = 0, ["created_at"] = Timestamp(), ["updated_at"] = Timestamp(), ["locked"] = false, ["author_association"] = "NONE",
        };
        if (pull) issue["pull_request"] = new JsonObject { ["url"] = $"{BaseUrl}repos/o/r/pulls/{number}", ["html_url"] = $"https://github.example/o/r/pull/{number}" };
        return issue;
    }

    private JsonObject LabelJson(string name, string color) => new()
    {
        ["id"] = Math.Abs(name.GetHashCode()), ["node_id"] = "L_" + name, ["url"] = $"{BaseUrl}repos/o/r/labels/{Uri.EscapeDataString(name)}",
        ["name"] = name, ["color"] = color, ["default"] = false, ["description"] = _labelDescriptions.GetValueOrDefault(name),
    };
}
