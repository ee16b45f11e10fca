using System.Diagnostics;
using PPNBlog.Generator.Markdown;

// The floor under a build, for bench.py: the two parts no build of this site can skip, each timed alone on all cores.
//   ppnblog-floor markdown INPUT   reads every post and turns its Markdown into HTML with ppnblog's Markdig pipeline
//   ppnblog-floor write SITE OUT   writes every file of a built site (read into memory first, untimed) into OUT
// Each prints its seconds, timed inside the process: a lower bound, with nothing else a build does.
if (args is ["markdown", var input])
{
    var clock = Stopwatch.StartNew();
    long characters = 0;
    Parallel.ForEach(Directory.GetFiles(Path.Combine(input, "posts"), "*.md", SearchOption.AllDirectories), file =>
    {
        var text = File.ReadAllText(file);
        // The body follows the front matter's closing line.
        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        var body = close < 0 ? text : text[(text.IndexOf('\n', close + 1) + 1)..];
        Interlocked.Add(ref characters, Markdig.Markdown.ToHtml(body, MarkdownRenderer.Pipeline).Length);
    });
    Console.WriteLine($"{clock.Elapsed.TotalSeconds:F3} {characters}");
}
else if (args is ["write", var site, var output])
{
    var files = Directory.GetFiles(site, "*", SearchOption.AllDirectories).Select(f => (Path: Path.GetRelativePath(site, f), Bytes: File.ReadAllBytes(f))).ToList();
    var clock = Stopwatch.StartNew();
    Parallel.ForEach(files, file =>
    {
        var path = Path.Combine(output, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, file.Bytes);
    });
    Console.WriteLine($"{clock.Elapsed.TotalSeconds:F3} {files.Sum(f => (long)f.Bytes.Length)}");
}
else
{
    Console.Error.WriteLine("usage: ppnblog-floor markdown INPUT | write SITE OUT");
    return 2;
}
return 0;
