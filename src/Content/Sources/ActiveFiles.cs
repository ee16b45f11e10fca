using System.Xml;

namespace PPNBlog.Content.Sources;

/// <summary>
/// Which files beside content may be published. A browser runs some kinds rather than show them: published with the site, a
/// web page, a script or an SVG picture holding one would run as the site's own (reading what the site may read). Which
/// kinds a server sends as a page depends on its own list of types (Debian's sends .xhtm as XHTML, a .hxt or .dtd file
/// runs too), so only the kinds below are published, and an SVG only once read and found without script.
/// </summary>
public static class ActiveFiles
{
    /// <summary>Pictures, documents, spreadsheets, slides, audio, video and their captions, and archives: kinds a browser shows or downloads.</summary>
    private static readonly HashSet<string> Publishable = new(StringComparer.OrdinalIgnoreCase)
    {
        // Pictures some browsers cannot show (an iPhone's HEIC, TIFF) are warned of as such (PPN025), not refused here.
        ".png", ".jpg", ".jpeg", ".jfif", ".gif", ".webp", ".avif", ".svg", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".ico",
        ".pdf", ".txt", ".csv", ".rtf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".epub", ".ics",
        ".mp3", ".m4a", ".ogg", ".oga", ".wav", ".mp4", ".m4v", ".webm", ".mov", ".vtt", ".srt",
        ".zip",
    };

    /// <summary>Kinds of file a browser opens as a page or runs, by extension, named as such when refused (XML of any kind may carry XHTML script).</summary>
    private static readonly HashSet<string> RunByBrowsers = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".js", ".mjs", ".xml", ".xsl", ".xslt", ".swf",
        ".rdf", ".rss", ".atom", ".xsd", ".htc",
    };

    /// <summary>SVG is read whole up to this size to look for scripts; a larger one is refused unread.</summary>
    private const int MaxSvgBytes = 4 * 1024 * 1024;

    /// <summary>SVG elements that run script or hold a page of their own, whatever namespace prefix they are written with.</summary>
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
    };

    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>Why <paramref name="file"/> may not be published (as the end of a sentence naming it), or null when it may.</summary>
    public static string? Why(string file)
    {
        // Read before anything else reads it: a named pipe (size 0, as is an empty file) would keep the reader waiting forever.
        if (new FileInfo(file).Length == 0) return "is empty, or not an ordinary file: there is nothing to publish";
        var extension = Path.GetExtension(file);
        if (RunByBrowsers.Contains(extension))
            return $"is a web page or script ({extension}), which would run as part of this site";
        if (extension.Equals(".svgz", StringComparison.OrdinalIgnoreCase))
            return "is a compressed SVG picture, which cannot be checked for scripts";
        if (!Publishable.Contains(extension))
            return $"is a kind of file this site does not publish ({(extension.Length > 1 ? extension : "no extension")}): a server may send it as a page that runs as part of this site. "
                + $"Published kinds: {string.Join(" ", Publishable.Order(StringComparer.Ordinal))}";
        if (!extension.Equals(".svg", StringComparison.OrdinalIgnoreCase)) return null;
        if (new FileInfo(file).Length > MaxSvgBytes)
            return "is an SVG picture that cannot be checked for scripts (over 4 MB)";
        return SvgProblem(file);
    }

    /// <summary>
    /// Reads the SVG as a browser does, as XML (its encoding from its own bytes, entities expanded), and refuses what would
    /// run: a script element under any namespace prefix, HTML inside it, an event handler, a javascript: address. An SVG
    /// that is not well-formed XML shows nothing in a browser and cannot be checked, so it is refused too.
    /// </summary>
    private static string? SvgProblem(string file)
    {
        const string Scripted = "is an SVG picture holding a script, which would run when the picture is opened on its own";
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null, MaxCharactersFromEntities = 10_000 };
        try
        {
            using var reader = XmlReader.Create(file, settings);
            while (reader.Read())
            {
                // Entities declared inside the file can hide any of the below, and expand beyond any limit.
                if (reader.NodeType == XmlNodeType.DocumentType && reader.Value.Trim().Length > 0) return Scripted;
                // <?xml-stylesheet type="text/xsl"?> has the browser build the document with XSLT, which can write any script.
                if (reader.NodeType == XmlNodeType.ProcessingInstruction) return Scripted;
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (ActiveElements.Contains(reader.LocalName) || reader.NamespaceURI == XhtmlNamespace) return Scripted;
                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || RunsScript(reader.Value)) return Scripted;
                }
                reader.MoveToElement();
            }
            return null;
        }
        catch (XmlException)
        {
            return "is not a well-formed SVG picture (a browser would show nothing), so it cannot be checked for scripts";
        }
    }

    /// <summary>True for a javascript: or vbscript: address, however spaced (browsers ignore tabs and newlines in one).</summary>
    private static bool RunsScript(string value)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));
        return compact.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || compact.Contains("vbscript:", StringComparison.OrdinalIgnoreCase);
    }
}
