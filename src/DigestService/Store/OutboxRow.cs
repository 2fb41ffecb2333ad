namespace DigestService.Store;

public static class DeliveryState
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Retry = "retry";
    public const string Failed = "failed";
    public const string Bounced = "bounced";
    public const string Skipped = "skipped";
}

/// <summary>A delivery claimed for sending: the stored message bytes and how many attempts it has had (this one included).</summary>
public sealed record OutboxRow
{
    public long Id { get; init; }
    public long SubscriberId { get; init; }
    public string Edition { get; init; } = "";
    public string MessageId { get; init; } = "";
    public byte[] Message { get; init; } = [];
    public long Attempts { get; init; }
}

/// <summary>A delivery ready to be queued: one subscriber's rendered message of one edition and the papers it carries.</summary>
public sealed record PlannedDelivery(long SubscriberId, DateOnly Edition, string MessageId, byte[]? Message, IReadOnlyList<string> PaperIds);
