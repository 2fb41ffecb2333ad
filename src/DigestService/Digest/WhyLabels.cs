namespace DigestService.Digest;

/// <summary>A reader's topic and keyword labels with the candidates each matches (sorted), shared by every reader of the same choice.</summary>
public sealed class WhyLabels(string[]? labels, int[][] matches)
{
    public static readonly WhyLabels None = new(null, []);

    public string[]? Labels { get; } = labels;

    /// <summary>A bit per label (the first 64) that candidate <paramref name="index"/> matches.</summary>
    public ulong MatchesOf(int index)
    {
        ulong mask = 0;
        for (var i = 0; i < matches.Length && i < 64; i++)
        {
            if (Array.BinarySearch(matches[i], index) >= 0)
                mask |= 1UL << i;
        }
        return mask;
    }
}
