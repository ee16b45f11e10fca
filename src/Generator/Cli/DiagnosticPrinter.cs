using PPNBlog.Content.Diagnostics;

namespace PPNBlog.Generator.Cli;

/// <summary>How diagnostics are printed.</summary>
public enum DiagnosticFormat
{
    /// <summary><c>path:line:col: error PPN0xx: message (hint: …)</c>, as compilers print them.</summary>
    Text,

    /// <summary>GitHub Actions workflow commands, which show as annotations on the pull request's changed lines.</summary>
    Github,
}

/// <summary>Prints diagnostics one per line.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Prints every diagnostic to <paramref name="writer"/>, then a one-line count.</summary>
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, TextWriter writer)
    {
        foreach (var d in diagnostics) writer.WriteLine(format == DiagnosticFormat.Github ? Annotation(d) : d.ToString());
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0) writer.WriteLine($"{errors} error(s), {warnings} warning(s)");
    }

    /// <summary>A GitHub Actions annotation: <c>::error file=…,line=…,col=…,title=PPN0xx::message</c>.</summary>
    public static string Annotation(Diagnostic d) =>
        $"::{(d.IsError ? "error" : "warning")} file={Property(d.Location.File)},line={d.Location.Line},col={d.Location.Column}," +
        $"title={Property($"{d.Code.Id} {d.Code.Title}")}::{Data($"{d.Message}. {d.EffectiveHint}")}";

    // Escaping as GitHub's runner toolkit does: data escapes %, CR, LF; properties also ':' and ','.
    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
