using System.Threading.Channels;
using DigestService.Store;

namespace DigestService.Delivery;

/// <summary>How a send's pipeline hands the digests it queues straight to the connections of the outbox run.</summary>
public sealed class OutboxFeed(SendRun run, ChannelWriter<OutboxRow> rows, OutcomeRecorder recorder, int maxClaim, EarlyConnection early)
{
    /// <summary>The run to store new rows as claimed by; null once it has paused, and rows wait in the outbox for a later run.</summary>
    public string? Owner => run.IsPaused ? null : run.Owner;

    /// <summary>Says a digest is on its way, so a connection opens while it is rendered rather than after.</summary>
    public void DigestSelected() => early.Open();

    /// <summary>Rows to claim in one commit at most: under Smtp:MessagesPerSecond, no more than the rate sends within the lease.</summary>
    public int MaxClaim => maxClaim;

    /// <summary>Hands rows stored claimed to the connections; false when the run paused meanwhile (the rest went back).</summary>
    public Task<bool> HandOutAsync(IReadOnlyList<OutboxRow> claimed, CancellationToken cancellationToken) =>
        OutboxSender.HandOutAsync(run, rows, recorder, claimed, cancellationToken);
}
