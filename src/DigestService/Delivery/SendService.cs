using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Delivery;

/// <summary>
/// What a send did: the digests it queued, the subscribers with nothing new, the editions it could not make because
/// no paper of their window is ingested yet (those subscribers are left for a later run), the digests that failed to
/// render (left for the next run), and what the outbox run did.
/// </summary>
public sealed record SendSummary(int Queued, int Skipped, IReadOnlyCollection<DateOnly> Unavailable, DrainSummary Drain, int RenderErrors = 0)
{
    public override string ToString() =>
        $"queued {Queued}, nothing new {Skipped}, {Drain}" +
        (RenderErrors == 0 ? "" : $"; {RenderErrors} digests could not be rendered (see the log), they wait for the next run") +
        (Unavailable.Count == 0 ? "" : $"; no papers ingested yet for {string.Join(", ", Unavailable.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}, those subscribers wait");
}

/// <summary>The one entry point of sending, used by the CLI and the scheduler alike.</summary>
public sealed class SendService(SubscriberStore subscribers, SendPipeline pipeline, OutboxSender sender)
{
    /// <summary>Delivers the edition of <paramref name="edition"/> to every active subscriber who has not had it.</summary>
    public Task<SendSummary> SendEditionAsync(DateOnly edition, CancellationToken cancellationToken = default) =>
        SendAsync(subscribers.StreamWithoutEditionAsync(edition, cancellationToken).Select(subscriber => (subscriber, (DateOnly?)edition)), cancellationToken);

    /// <summary>Delivers to the subscribers whose local delivery time has come at <paramref name="at"/>, each their local date's edition.</summary>
    public Task<SendSummary> SendDueAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        SendAsync(subscribers.StreamActiveWithLastEditionAsync(cancellationToken).Select(row => (row.Subscriber, DueSchedule.DueEdition(row.Subscriber, row.LastEdition, at))), cancellationToken);

    /// <summary>Streams the subscribers (never all in memory) through the pipeline into the outbox run, which sends as they come.</summary>
    private async Task<SendSummary> SendAsync(IAsyncEnumerable<(Subscriber Subscriber, DateOnly? Edition)> plan, CancellationToken cancellationToken)
    {
        var counts = new PipelineCounts();
        var drain = await sender.DrainAsync(async feed =>
        {
            try
            {
                await pipeline.RunAsync(plan, feed, counts, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping (SIGTERM): the run has paused and gives back what it holds; what was queued stays queued.
            }
        }, cancellationToken);
        return new SendSummary(counts.Queued, counts.Skipped, counts.Unavailable, drain, counts.RenderErrors);
    }
}
