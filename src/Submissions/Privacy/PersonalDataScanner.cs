using System.Text.RegularExpressions;

namespace PPNBlog.Submissions.Privacy;

/// <summary>Something in a post that looks like personal data, by line (the value itself is never repeated).</summary>
/// <param name="Line">1-based line in the post file.</param>
/// <param name="Kind">"NHS number", "phone number", "email address", "postcode", "date of birth" or "hospital number".</param>
public sealed record PersonalDataFinding(int Line, string Kind);

/// <summary>
/// Finds what looks like personal data in a post before anything is published: NHS numbers (ten digits passing the
/// modulus 11 check), UK phone numbers (in the text, or a tel:, sms: or WhatsApp link), email addresses, UK postcodes,
/// dates of birth and hospital numbers.
/// </summary>
public static partial class PersonalDataScanner
{
    /// <summary>
    /// An attachment's file name as the pull request may show it (in its lists and its warnings to the editor): the name,
    /// or only its type when the name looks like it holds personal data ("Consent - Sarah Jones DOB 14-02-1990.pdf", a
    /// phone number), as the pull request is public to the repository.
    /// </summary>
    public static string NameOrType(string fileName) =>
        Scan(fileName).Count == 0 ? fileName : $"[name left out: it looks like personal data]{Path.GetExtension(fileName)}";

    /// <summary>
    /// Scans <paramref name="postText"/> line by line, its front matter's values as well as its body. Link targets are
    /// only searched for email addresses (a mailto:, a form's ?email=): a URL may hold long digit runs.
    /// </summary>
    public static IReadOnlyList<PersonalDataFinding> Scan(string postText)
    {
        var findings = new List<PersonalDataFinding>();
        var lines = postText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---") continue;
            var line = Conversion.MarkdownText.Unescape(lines[i]);
            var targets = LinkTarget().Matches(line).Select(t => PercentDecoded(t.Value)).ToList();
            var targetHasEmail = targets.Any(t => Email().IsMatch(t));
            // A phone number is in a link's target only as one: tel:, sms:, WhatsApp's wa.me/.
            var targetHasPhone = targets.Any(t => PhoneLink().IsMatch(t));
            line = LinkTarget().Replace(line, "]");
            if (NhsNumber().Matches(line).Any(m => IsValidNhsNumber(m.Value))) findings.Add(new(i + 1, "NHS number"));
            if (targetHasPhone || Phone().IsMatch(line)) findings.Add(new(i + 1, "phone number"));
            if (targetHasEmail || Email().IsMatch(line)) findings.Add(new(i + 1, "email address"));
            if (Postcode().IsMatch(line)) findings.Add(new(i + 1, "postcode"));
            if (DateOfBirth().IsMatch(line)) findings.Add(new(i + 1, "date of birth"));
            if (HospitalNumber().IsMatch(line)) findings.Add(new(i + 1, "hospital number"));
        }
        return findings;
    }

    private static string PercentDecoded(string target)
    {
        try { return Uri.UnescapeDataString(target); }
        catch (UriFormatException) { return target; }
    }

    /// <summary>The NHS number check: weights 10 to 2 on the first nine digits; 11 minus the remainder mod 11 is the tenth (11 → 0, 10 → invalid).</summary>
    public static bool IsValidNhsNumber(string text)
    {
        var digits = text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10 || digits.All(d => d == digits[0])) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9];
    }

    [GeneratedRegex(@"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")]
    private static partial Regex NhsNumber();

    /// <summary>A UK number as people write it: +44, 0044 or 0 first, its parts apart by spaces, hyphens or full stops.</summary>
    [GeneratedRegex(@"(?<![\d+])((\+|00)44[\s.-]?\(?0?\)?[\s.-]?|\(?0)\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^\]\((<)?(tel:|sms:|https?://(wa\.me|api\.whatsapp\.com)/)[^)]*\d{6}", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneLink();

    /// <summary>
    /// A date of birth: a cue ("DOB", "D.O.B.", "date of birth", "born", "born on") and a date, in numbers ("14.02.1990")
    /// or with its month's name, either way round ("14 February 1990", "3rd of March 1985", "14-Feb-90", "March 3, 1985").
    /// A date without a cue is an event's.
    /// </summary>
    [GeneratedRegex(@"\b(DOB|D\.O\.B\b\.?|date of birth|born( on)?)\W{0,3}(is\s+|was\s+)?(the\s+)?(\d{1,2}[/.\- ]\d{1,2}[/.\- ]\d{2,4}\b"
        + @"|" + Day + @"(\s+of)?[\s/.\-]+" + Month + @"[\s/.,\-]+" + Year
        + @"|" + Month + @"[\s/.\-]+" + Day + @",?[\s/.\-]+" + Year + ")", RegexOptions.IgnoreCase)]
    private static partial Regex DateOfBirth();

    private const string Day = @"(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?";

    private const string Month = @"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?";

    private const string Year = @"(\d{4}|'?\d{2})(?!\d)";

    [GeneratedRegex(@"\b(hospital|patient|MRN|RiO|case) (no|number|ID)\b\.?\s*:?\s*[A-Z0-9]{0,4}\s?\d{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex HospitalNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex Email();

    /// <summary>A UK postcode, in capitals or not ("LS9 7TF", "ls9 7tf").</summary>
    [GeneratedRegex(@"\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();
}
