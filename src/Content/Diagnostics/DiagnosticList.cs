using System.Collections.Concurrent;

namespace PPNBlog.Content.Diagnostics;

/// <summary>Collects diagnostics from parallel stages; read back in file order so output is stable.</summary>
public sealed class DiagnosticList
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Adds a diagnostic built from its parts.</summary>
    public void Add(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        _items.Enqueue(new Diagnostic(code, location, message, hint));

    /// <summary>Adds several diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        if (diagnostics is IReadOnlyCollection<Diagnostic> { Count: 0 }) return;
        foreach (var d in diagnostics) _items.Enqueue(d);
    }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>All diagnostics sorted by file, line, column and code.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
              .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
              .ThenBy(d => d.Code.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
              // The same problem at the same place once: a YAML alias repeats one bad value in every list that uses it.
              .Distinct()
              .ToList();
}
