namespace DigestService.Feed;

/// <summary>One GET of a source and the listing day its papers count for.</summary>
/// <param name="PerDay">True when the URL names the day, so errors can say which day failed.</param>
public sealed record FeedRequest(Uri Url, DateOnly ListedOn, bool PerDay)
{
    /// <summary>Prefixes a one-line reason with the day when the source is read day by day.</summary>
    public string Describe(string reason) => PerDay ? $"{ListedOn:yyyy-MM-dd}: {reason}" : reason;
}
