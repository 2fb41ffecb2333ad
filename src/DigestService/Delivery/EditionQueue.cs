using DigestService.Config;
using DigestService.Digest;
using DigestService.Store;
using Microsoft.Extensions.Options;
using DigestService.Links;

namespace DigestService.Delivery;

public enum QueueResult { AlreadyHad, Queued, NothingNew }

/// <summary>Renders one subscriber's edition once and puts it in the outbox with the papers it carries.</summary>
public sealed class EditionQueue(DigestRenderer renderer, MessageFactory messages, SiteLinks links, DeliveryStore outbox, IOptions<DigestOptions> digest)
{
    /// <summary>
    /// Queues the digest of <paramref name="papers"/>. With none, the edition is recorded as skipped (so the subscriber
    /// is not looked at again for that date), or, with Digest:WhenNothingNew = Note, a short note is queued instead.
    /// </summary>
    public async Task<QueueResult> QueueAsync(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers, CancellationToken cancellationToken = default)
    {
        var messageId = messages.NewMessageId($"digest.{edition:yyyyMMdd}.{subscriber.Id}");
        var planned = new PlannedDelivery(subscriber.Id, edition, messageId, null, papers.Select(p => p.Paper.ArxivId).ToList()) { Reasons = papers.Select(p => p.Why.Text).ToList() };
        if (papers.Count > 0 || digest.Value.WhenNothingNew == NothingNewPolicy.Note)
        {
            var rendered = renderer.Render(subscriber, edition, papers);
            using var message = messages.Create(subscriber.Email, rendered.Subject, rendered.Text, rendered.Html, messageId, links.Unsubscribe(subscriber.Id));
            using var bytes = new MemoryStream();
            await message.WriteToAsync(bytes, cancellationToken);
            planned = planned with { Message = bytes.ToArray() };
        }
        if (!await outbox.QueueAsync(planned, cancellationToken))
            return QueueResult.AlreadyHad;
        return papers.Count > 0 ? QueueResult.Queued : QueueResult.NothingNew;
    }
}
