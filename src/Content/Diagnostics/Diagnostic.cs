using System.Text;

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

    /// <summary>
    /// The compiler-style line: <c>path:line:col: error PPN0xx: message (hint: ...)</c>. One line whatever a file name or
    /// quoted value holds: line breaks and other control characters are shown escaped (<c>\n</c>, <c>\u001B</c>), so
    /// content cannot start a line of its own in a log (a GitHub Actions command, a forged diagnostic) or restyle a
    /// terminal, and bidirectional overrides cannot disguise a name.
    /// </summary>
    public override string ToString() =>
        $"{Escaped(Location.File)}:{Location.Line}:{Location.Column}: {(IsError ? "error" : "warning")} {Code.Id}: {Escaped(Message)} (hint: {Escaped(EffectiveHint)})";

    private static string Escaped(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029';
}
