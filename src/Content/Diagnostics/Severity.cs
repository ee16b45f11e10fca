namespace PPNBlog.Content.Diagnostics;

/// <summary>How serious a diagnostic is: errors stop a build, warnings are printed and the build goes on.</summary>
public enum Severity
{
    /// <summary>Printed; the build still succeeds.</summary>
    Warning,

    /// <summary>The build fails and the existing output is left untouched.</summary>
    Error,
}
