using System.Collections.Concurrent;
using DigestService.Config;
using DigestService.Digest;
using DigestService.Links;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Delivery;

/// <summary>Renders subscribers' editions into the messages the outbox stores, signed and ready for the wire.</summary>
public sealed class DigestComposer(DigestRenderer renderer, MessageFactory messages, SiteLinks links, IOptions<DigestOptions> digest)
{
    /// <summary>A composer for one send run: the pages it renders are kept for the run (upvotes move between runs).</summary>
    public Run StartRun() => new(renderer.StartRun(), messages, links, digest.Value);

    public sealed class Run(DigestPages pages, MessageFactory messages, SiteLinks links, DigestOptions digest)
    {
        private readonly ConcurrentDictionary<string, MessageTemplate?> _templates = new(StringComparer.Ordinal);

        /// <summary>
        /// The outbox entry for <paramref name="papers"/>. With none, no message: the edition is recorded as skipped
        /// (so the subscriber is not looked at again for that date), or, with Digest:WhenNothingNew = Note, a short
        /// note. The MIME form is written once per subject with slots; a subscriber costs rendering their page and
        /// filling it in (or, with DKIM, one MimeKit message and its signature). Thread-safe: renderers call it in parallel.
        /// </summary>
        public void WarmUp() => pages.WarmUp();

        public PlannedDelivery Compose(Subscriber subscriber, DateOnly edition, IReadOnlyList<Pick> papers)
        {
            var messageId = messages.NewMessageId($"digest.{edition:yyyyMMdd}.{subscriber.Id}");
            byte[]? bytes = null;
            if (papers.Count > 0 || digest.WhenNothingNew == NothingNewPolicy.Note)
            {
                var rendered = pages.Render(subscriber, edition, papers);
                var unsubscribe = links.Unsubscribe(subscriber.Id);
                var template = _templates.GetOrAdd(rendered.Subject, subject => messages.Signs ? null : new MessageTemplate(messages, subject));
                if (template is null)
                {
                    using var message = messages.Create(subscriber.Email, rendered.Subject, rendered.Text, rendered.Html, messageId, unsubscribe);
                    bytes = MessageFactory.WireBytes(message);
                }
                else
                    bytes = template.Fill(subscriber.Email, messageId, unsubscribe, rendered.TextUtf8, rendered.HtmlUtf8);
            }
            return new PlannedDelivery(subscriber.Id, edition, messageId, bytes, papers.Select(p => p.Paper.ArxivId).ToList()) { Reasons = papers.Select(p => p.Why.Text).ToList() };
        }
    }
}
