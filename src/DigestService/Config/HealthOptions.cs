namespace DigestService.Config;

/// <summary>When GET /readyz calls the feed or the outbox Degraded.</summary>
public sealed class HealthOptions : ISelfValidatingOptions
{
    /// <summary>A source whose last success is older than this is stale; a day and two hours spares one missed slot of a daily feed.</summary>
    public TimeSpan FeedStaleAfter { get; set; } = TimeSpan.FromHours(26);

    /// <summary>A due outbox row waiting longer than this means sending has stalled.</summary>
    public TimeSpan OutboxLagAfter { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Validate()
    {
        if (FeedStaleAfter <= TimeSpan.Zero)
            yield return "Health:FeedStaleAfter must be a positive TimeSpan such as 1.02:00:00.";
        if (OutboxLagAfter <= TimeSpan.Zero)
            yield return "Health:OutboxLagAfter must be a positive TimeSpan such as 01:00:00.";
    }
}
