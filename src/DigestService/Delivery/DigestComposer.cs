using DigestService.Config;
using DigestService.Digest;
using DigestService.Links;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Delivery;

/// <summary>Renders one subscriber's edition into the message the outbox stores, signed and ready for the wire.</summary>
public sealed class DigestComposer(DigestRenderer renderer, MessageFactory messages, SiteLinks links, IOptions<DigestOptions> digest)
{
    /// <summary>
    /// The outbox entry for <paramref name="papers"/>. With none, no message: the edition is recorded as skipped (so
    /// the subscriber is not looked at again for that date), or, with Digest:WhenNothingNew = Note, a short note.
    /// Thread-safe: renderers call it in parallel.
    /// </summary>
    public PlannedDelivery Compose(Subscriber subscriber, DateOnly edition, IReadOnlyList<StoredPaper> papers)
    {
        var messageId = messages.NewMessageId($"digest.{edition:yyyyMMdd}.{subscriber.Id}");
        byte[]? bytes = null;
        if (papers.Count > 0 || digest.Value.WhenNothingNew == NothingNewPolicy.Note)
        {
            var rendered = renderer.Render(subscriber, edition, papers);
            using var message = messages.Create(subscriber.Email, rendered.Subject, rendered.Text, rendered.Html, messageId, links.Unsubscribe(subscriber.Id));
            bytes = MessageFactory.WireBytes(message);
        }
        return new PlannedDelivery(subscriber.Id, edition, messageId, bytes, papers.Select(p => p.ArxivId).ToList());
    }
}
