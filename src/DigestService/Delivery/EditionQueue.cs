using DigestService.Digest;
using DigestService.Store;
using DigestService.Web;

namespace DigestService.Delivery;

public enum QueueResult { AlreadyHad, Queued, NothingNew }

/// <summary>Renders one subscriber's edition once and puts it in the outbox with the papers it carries.</summary>
public sealed class EditionQueue(PaperSelector selector, DigestRenderer renderer, MessageFactory messages, SiteLinks links, DeliveryStore outbox)
{
    /// <summary>An edition with nothing new is recorded as skipped, so the subscriber is not looked at again for that date.</summary>
    public async Task<QueueResult> QueueAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default)
    {
        var papers = await selector.SelectAsync(subscriber, edition, cancellationToken);
        var messageId = messages.MessageId($"digest.{edition:yyyyMMdd}.{subscriber.Id}");
        if (papers.Count == 0)
            return await outbox.QueueAsync(new PlannedDelivery(subscriber.Id, edition, messageId, null, []), cancellationToken) ? QueueResult.NothingNew : QueueResult.AlreadyHad;
        var digest = renderer.Render(subscriber, edition, papers);
        using var message = messages.Create(subscriber.Email, digest.Subject, digest.Text, digest.Html, messageId, links.Unsubscribe(subscriber.Id));
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, cancellationToken);
        var planned = new PlannedDelivery(subscriber.Id, edition, messageId, bytes.ToArray(), papers.Select(p => p.ArxivId).ToList());
        return await outbox.QueueAsync(planned, cancellationToken) ? QueueResult.Queued : QueueResult.AlreadyHad;
    }
}
