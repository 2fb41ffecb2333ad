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
public sealed record PlannedDelivery(long SubscriberId, DateOnly Edition, string MessageId, byte[]? Message, IReadOnlyList<string> PaperIds)
{
    /// <summary>The Why line of each paper, in the order of <see cref="PaperIds"/>.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }
}

/// <summary>What one attempt at a claimed row came to: its new state, the server's reply, and when to try again.</summary>
public sealed record DeliveryOutcome(OutboxRow Row, string State, string Reply, DateTimeOffset? NextAttemptAt = null);

/// <summary>One failed recipient of a delivery status notification read from the bounce mailbox.</summary>
public sealed record BounceReport(string ReportId, string Recipient, string Status, string? MessageId, string Diagnostic);

/// <summary>A spam complaint (RFC 5965 feedback report) read from the bounce mailbox, about the digest with <paramref name="MessageId"/>.</summary>
public sealed record ComplaintReport(string ReportId, string FeedbackType, string MessageId, string? UserAgent);
