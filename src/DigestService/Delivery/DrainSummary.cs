namespace DigestService.Delivery;

/// <summary>What one run of the outbox did, and what the bounce mailbox said before it (null when none is configured).</summary>
public sealed record DrainSummary(int Sent, int Retried, int Bounced, int Failed, string? StoppedBecause)
{
    public BounceCheck? Bounces { get; init; }

    public override string ToString() =>
        $"sent {Sent}, retried {Retried}, bounced {Bounced}, failed {Failed}"
        + Bounces switch
        {
            null => "",
            { Error: { } error } => $"; bounce mailbox unreadable: {error}",
            { Applied: var applied, Complaints: var complaints } => $", late bounces {applied}, complaints {complaints}",
        }
        + (StoppedBecause is null ? "" : $"; stopped: {StoppedBecause}");
}
