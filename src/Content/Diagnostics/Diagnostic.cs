namespace PPNBlog.Content.Diagnostics;

/// <summary>One problem found in the content or the theme, with where it is and how to fix it.</summary>
/// <param name="Code">The entry of the diagnostic table.</param>
/// <param name="Location">File, line and column.</param>
/// <param name="Message">What is wrong, naming the field or value.</param>
/// <param name="Hint">How to fix it; defaults to the code's hint.</param>
public sealed record Diagnostic(DiagnosticCode Code, SourceLocation Location, string Message, string? Hint = null)
{
    /// <summary>The code's severity.</summary>
    public Severity Severity => Code.Severity;

    /// <summary>True when this diagnostic fails the build.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <summary>The hint to print: this diagnostic's own, or the code's.</summary>
    public string EffectiveHint => Hint ?? Code.Hint;

    /// <summary>The compiler-style line: <c>path:line:col: error PPN0xx: message (hint: ...)</c>.</summary>
    public override string ToString() =>
        $"{Location.File}:{Location.Line}:{Location.Column}: {(IsError ? "error" : "warning")} {Code.Id}: {Message} (hint: {EffectiveHint})";
}
