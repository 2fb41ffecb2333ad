using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Delivery;

/// <summary>
/// What a send did: the digests it queued, the subscribers with nothing new, the editions it could not make because
/// no paper of their window is ingested yet (those subscribers are left for a later run), and what the outbox run did.
/// </summary>
public sealed record SendSummary(int Queued, int Skipped, IReadOnlyCollection<DateOnly> Unavailable, DrainSummary Drain)
{
    public override string ToString() =>
        $"queued {Queued}, nothing new {Skipped}, {Drain}" +
        (Unavailable.Count == 0 ? "" : $"; no papers ingested yet for {string.Join(", ", Unavailable.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}, those subscribers wait");
}

/// <summary>The one entry point of sending, used by the CLI and the scheduler alike.</summary>
public sealed class SendService(SubscriberStore subscribers, PaperSelector selector, EditionQueue queue, OutboxSender sender)
{
    /// <summary>Delivers the edition of <paramref name="edition"/> to every active subscriber who has not had it.</summary>
    public Task<SendSummary> SendEditionAsync(DateOnly edition, CancellationToken cancellationToken = default) =>
        SendAsync(subscribers.StreamWithoutEditionAsync(edition, cancellationToken).Select(subscriber => (subscriber, (DateOnly?)edition)), cancellationToken);

    /// <summary>Delivers to the subscribers whose local delivery time has come at <paramref name="at"/>, each their local date's edition.</summary>
    public Task<SendSummary> SendDueAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        SendAsync(subscribers.StreamActiveWithLastEditionAsync(cancellationToken).Select(row => (row.Subscriber, DueSchedule.DueEdition(row.Subscriber, row.LastEdition, at))), cancellationToken);

    /// <summary>Streams the subscribers (never all in memory), selects through one shared session, queues, then drains the outbox.</summary>
    private async Task<SendSummary> SendAsync(IAsyncEnumerable<(Subscriber Subscriber, DateOnly? Edition)> plan, CancellationToken cancellationToken)
    {
        var session = selector.StartSession();
        int queued = 0, skipped = 0;
        var unavailable = new HashSet<DateOnly>();
        await foreach (var (subscriber, due) in plan.WithCancellation(cancellationToken))
        {
            if (due is not { } edition)
                continue;
            // An empty window means the feed was not ingested yet, not "nothing new": recording it would lose the day.
            if (await session.IsEmptyAsync(subscriber, edition, cancellationToken))
            {
                unavailable.Add(edition);
                continue;
            }
            var papers = await session.SelectAsync(subscriber, edition, cancellationToken);
            switch (await queue.QueueAsync(subscriber, edition, papers, cancellationToken))
            {
                case QueueResult.Queued: queued++; break;
                case QueueResult.NothingNew: skipped++; break;
            }
        }
        return new SendSummary(queued, skipped, unavailable, await sender.DrainAsync(cancellationToken));
    }
}
