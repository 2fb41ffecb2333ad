namespace DigestService.Store;

public static class SubscriberStatus
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Unsubscribed = "unsubscribed";
    public const string Bounced = "bounced";
}

/// <summary>A subscriber row as stored.</summary>
public record Subscriber
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string Status { get; init; } = SubscriberStatus.Pending;
    public string Topics { get; init; } = "";
    public string Keywords { get; init; } = "";
    public string TimeZone { get; init; } = "UTC";
    public long DeliveryHour { get; init; } = 7;
    public Frequency Frequency { get; init; }
    public long WeeklyDay { get; init; } = 1;
    public long MaxPapers { get; init; } = 10;
    public string? PausedUntil { get; init; }
    public long HardBounces { get; init; }
    public string CreatedAt { get; init; } = "";
    public string? ConfirmedAt { get; init; }
    public string? UnsubscribedAt { get; init; }
    public string Authors { get; init; } = "";

    public IReadOnlyList<string> TopicKeys => Split(Topics);

    public IReadOnlyList<string> KeywordPhrases => Split(Keywords);

    public IReadOnlyList<string> FollowedAuthors => Split(Authors);

    private static IReadOnlyList<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>What `subscribers add` or a form changes; null fields stay as stored.</summary>
public sealed record SubscriberChange(string Email)
{
    public string? Status { get; init; }
    public string? Topics { get; init; }
    public string? Keywords { get; init; }
    public string? Authors { get; init; }
    public string? TimeZone { get; init; }
    public int? DeliveryHour { get; init; }
    public Frequency? Frequency { get; init; }
    public int? WeeklyDay { get; init; }
    public int? MaxPapers { get; init; }
}
