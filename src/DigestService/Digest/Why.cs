using System.Globalization;
using System.Text;

namespace DigestService.Digest;

/// <summary>
/// Why a paper is in a reader's digest, kept as facts until a digest is rendered (a send run picks millions of papers
/// and renders each reader once). <see cref="Labels"/> are the reader's topic labels and <c>keyword "…"</c>s, and
/// <see cref="Matched"/> has a bit for each label the paper matches.
/// </summary>
public readonly record struct Why(string[]? Labels, ulong Matched, string? Author, string? Like, long Upvotes)
{
    /// <summary>The Why line a digest was sent with, as stored: shown again as it was.</summary>
    public static Why Stated(string? text, long upvotes) => new(text is null ? null : [text], text is null ? 0 : 1UL, null, null, upvotes) { Replayed = true };

    /// <summary>True for a Why line read back from a sent digest (its topics are no longer known apart).</summary>
    public bool Replayed { get; init; }

    /// <summary>True when the paper is there for the reader's topics or keywords.</summary>
    public bool InTopics => Matched != 0 && !Replayed;

    /// <summary>One short line: <c>Agents · keyword "sparse attention"</c>, <c>you follow Jane Doe</c>, <c>like "…"</c>, <c>trending (▲ 172)</c>.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>(3);
            if (Author is not null)
                parts.Add("you follow " + Author);
            if (Labels is not null)
            {
                for (var i = 0; i < Labels.Length && i < 64; i++)
                {
                    if ((Matched & (1UL << i)) != 0)
                        parts.Add(Labels[i]);
                }
            }
            if (Like is not null)
                parts.Add($"like \"{Shorten(Like)}\"");
            if (parts.Count == 0)
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"trending (\u25B2 {Upvotes})"));
            return string.Join(" \u00B7 ", parts);
        }
    }

    private const int LongestTitle = 60;

    private static string Shorten(string title)
    {
        if (title.Length <= LongestTitle)
            return title;
        var cut = title.LastIndexOf(' ', LongestTitle);
        return new StringBuilder(title, 0, cut > 20 ? cut : LongestTitle, LongestTitle + 1).Append('\u2026').ToString();
    }
}

/// <summary>A paper picked for a reader and why.</summary>
public readonly record struct Pick(Store.StoredPaper Paper, Why Why);
