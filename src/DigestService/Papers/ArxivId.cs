using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestService.Papers;

/// <summary>arXiv identifiers: new style (2608.12313) and old style (hep-th/9901001), without their version.</summary>
public static partial class ArxivId
{
    // [0-9], not \d: .NET's \d matches every Unicode decimal digit, and a look-alike id must not become a new paper.
    [GeneratedRegex(@"(?<id>[0-9]{4}\.[0-9]{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>
    /// The bare id found in an id, a versioned id, an abs/pdf URL or an OAI identifier; null when there is none.
    /// Digits of any script (Arabic-Indic, full-width, ...) are read as the ASCII digits they stand for.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var match = IdPattern().Match(AsciiDigits(text.Trim()));
        return match.Success ? match.Groups["id"].Value : null;
    }

    private static string AsciiDigits(string text)
    {
        if (text.All(char.IsAscii))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
                builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            else
                builder.Append(rune.ToString());
        }
        return builder.ToString();
    }
}
