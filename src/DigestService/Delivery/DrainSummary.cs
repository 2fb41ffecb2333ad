namespace DigestService.Delivery;

/// <summary>What one run of the outbox did.</summary>
public sealed record DrainSummary(int Sent, int Retried, int Bounced, int Failed, string? StoppedBecause)
{
    public override string ToString() =>
        $"sent {Sent}, retried {Retried}, bounced {Bounced}, failed {Failed}" + (StoppedBecause is null ? "" : $"; stopped: {StoppedBecause}");
}
