using System.Text.RegularExpressions;

namespace DigestService.Digest;

/// <summary>
/// Turns a keyword or topic term into an FTS5 phrase. The text is always inside double quotes (embedded quotes doubled),
/// so <c>"</c>, <c>*</c>, <c>NEAR</c>, <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>-</c>, <c>:</c> and parentheses reach the
/// tokenizer as plain text and can neither break the query nor widen it. The only syntax added is ours: a <c>*</c> after
/// the closing quote, which lets the last word match as a prefix ("agent" finds "agents" and "agentic").
/// </summary>
public static partial class FtsQuery
{
    /// <summary>Shorter last words match whole words only, so "AI" does not find "aims" nor "RL" find "RLHF".</summary>
    public const int PrefixMinLength = 3;

    /// <summary>The FTS5 phrase for <paramref name="text"/>, or null when it holds no word to search for.</summary>
    public static string? Phrase(string text)
    {
        var lastWord = 0;
        foreach (var word in Word().EnumerateMatches(text))
            lastWord = word.Length;
        if (lastWord == 0)
            return null;
        var body = Whitespace().Replace(text.Trim(), " ").ToLowerInvariant().Replace("\"", "\"\"", StringComparison.Ordinal);
        return lastWord >= PrefixMinLength ? $"\"{body}\"*" : $"\"{body}\"";
    }

    // Letters, digits, marks and private-use characters: what FTS5's unicode61 tokenizer keeps as parts of a word.
    [GeneratedRegex(@"[\p{L}\p{N}\p{M}\p{Co}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
