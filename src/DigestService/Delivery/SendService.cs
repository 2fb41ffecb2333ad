using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Delivery;

/// <summary>What a send did: the outbox rows it queued and skipped, and what the outbox run made of them.</summary>
public sealed record SendSummary(int Queued, int Skipped, DrainSummary Drain)
{
    public override string ToString() => $"queued {Queued}, nothing new {Skipped}, {Drain}";
}

/// <summary>The one entry point of sending, used by the CLI and the scheduler alike.</summary>
public sealed class SendService(SubscriberStore subscribers, EditionQueue queue, OutboxSender sender)
{
    /// <summary>Delivers the edition of <paramref name="edition"/> to every active subscriber who has not had it.</summary>
    public async Task<SendSummary> SendEditionAsync(DateOnly edition, CancellationToken cancellationToken = default)
    {
        int queued = 0, skipped = 0;
        await foreach (var subscriber in subscribers.StreamWithoutEditionAsync(edition, cancellationToken))
            Count(await queue.QueueAsync(subscriber, edition, cancellationToken), ref queued, ref skipped);
        return new SendSummary(queued, skipped, await sender.DrainAsync(cancellationToken));
    }

    /// <summary>Delivers to the subscribers whose local delivery time has come at <paramref name="at"/>.</summary>
    public async Task<SendSummary> SendDueAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        int queued = 0, skipped = 0;
        await foreach (var (subscriber, last) in subscribers.StreamActiveWithLastEditionAsync(cancellationToken))
        {
            if (DueSchedule.DueEdition(subscriber, last, at) is { } edition)
                Count(await queue.QueueAsync(subscriber, edition, cancellationToken), ref queued, ref skipped);
        }
        return new SendSummary(queued, skipped, await sender.DrainAsync(cancellationToken));
    }

    private static void Count(QueueResult result, ref int queued, ref int skipped)
    {
        if (result == QueueResult.Queued) queued++;
        else if (result == QueueResult.NothingNew) skipped++;
    }
}
