using System.Text.RegularExpressions;

namespace DigestService.Papers;

/// <summary>arXiv identifiers: new style (2608.12313) and old style (hep-th/9901001), without their version.</summary>
public static partial class ArxivId
{
    [GeneratedRegex(@"(?<id>\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>The bare id found in an id, a versioned id, an abs/pdf URL or an OAI identifier; null when there is none.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var match = IdPattern().Match(text.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }
}
