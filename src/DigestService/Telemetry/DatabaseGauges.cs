using System.Diagnostics.Metrics;
using DigestService.Store;

namespace DigestService.Telemetry;

/// <summary>
/// The gauges that describe the database rather than this process: outbox backlog and lag, subscribers by status and
/// each source's last success. Observable-gauge callbacks are synchronous, so the values are read (async, one round
/// of queries) just before each scrape and the callbacks report the last reading.
/// </summary>
public sealed class DatabaseGauges
{
    private readonly OperationsStore operations;
    private readonly FeedSourceStore sources;
    private readonly TimeProvider clock;
    private volatile Reading _last = Reading.Empty;

    public DatabaseGauges(DigestMetrics metrics, OperationsStore operations, FeedSourceStore sources, TimeProvider clock)
    {
        this.operations = operations;
        this.sources = sources;
        this.clock = clock;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("digest.outbox.pending", () => _last.Pending, description: "Deliveries queued, waiting for a retry or being sent.");
        meter.CreateObservableGauge("digest.outbox.oldest_due", () => _last.OldestDueSeconds, unit: "s", description: "How long the longest-waiting due delivery has waited (0 when none).");
        meter.CreateObservableGauge("digest.subscribers", () => _last.Subscribers, description: "Subscribers by status.");
        meter.CreateObservableGauge("digest.feed.last_success_timestamp", () => _last.FeedSuccess, unit: "s", description: "Unix time of each source's last successful ingest.");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var lag = await operations.OutboxLagAsync(cancellationToken);
        var subscribers = await operations.SubscribersByStatusAsync(cancellationToken);
        var feeds = await sources.StatusAsync(cancellationToken);
        var waited = lag.OldestDue is { } due ? Math.Max(0, (clock.GetUtcNow() - due).TotalSeconds) : 0;
        _last = new Reading(
            lag.Pending,
            waited,
            [.. subscribers.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("status", s.Key)))],
            [.. feeds.Where(f => f.LastSuccessAt is not null)
                .Select(f => new Measurement<double>(f.LastSuccessAt!.Value.ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("source", f.Name)))]);
    }

    private sealed record Reading(long Pending, double OldestDueSeconds, Measurement<long>[] Subscribers, Measurement<double>[] FeedSuccess)
    {
        public static readonly Reading Empty = new(0, 0, [], []);
    }
}
