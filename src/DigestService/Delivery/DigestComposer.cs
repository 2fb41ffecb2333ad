using System.Collections.Concurrent;
using DigestService.Config;
using DigestService.Digest;
using DigestService.Links;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;

namespace DigestService.Delivery;

/// <summary>Renders subscribers' editions into the messages the outbox stores, signed and ready for the wire.</summary>
public sealed class DigestComposer(DigestRenderer renderer, MessageFactory messages, SiteLinks links, IOptions<DigestOptions> digest, DigestMetrics metrics)
{
    /// <summary>A composer for one send run: the pages it renders are kept for the run (upvotes move between runs).</summary>
    public Run StartRun() => new(renderer, messages, links, digest.Value, metrics);

    public sealed class Run(DigestRenderer renderer, MessageFactory messages, SiteLinks links, DigestOptions digest, DigestMetrics metrics)
    {
        // Enough for every distinct page of a large mixed list (tens of KB each); past it the cache starts over.
        private const int PagesKept = 512;
        private readonly ConcurrentDictionary<string, (DigestPage Page, MessageTemplate? Message)> _pages = new(StringComparer.Ordinal);

        /// <summary>
        /// The outbox entry for <paramref name="papers"/>. With none, no message: the edition is recorded as skipped
        /// (so the subscriber is not looked at again for that date), or, with Digest:WhenNothingNew = Note, a short
        /// note. Each distinct page is rendered once; a subscriber costs filling in their values (or, with DKIM, one
        /// MIME message and its signature). Thread-safe: renderers call it in parallel.
        /// </summary>
        public PlannedDelivery Compose(Subscriber subscriber, DateOnly edition, IReadOnlyList<StoredPaper> papers)
        {
            var messageId = messages.NewMessageId($"digest.{edition:yyyyMMdd}.{subscriber.Id}");
            byte[]? bytes = null;
            if (papers.Count > 0 || digest.WhenNothingNew == NothingNewPolicy.Note)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var (page, template) = PageOf(edition, papers, DigestRenderer.HasInterests(subscriber));
                var unsubscribe = links.Unsubscribe(subscriber.Id);
                var rendered = page.Fill(subscriber.Email, links.Preferences(subscriber.Id), unsubscribe);
                if (template is null)
                {
                    using var message = messages.Create(subscriber.Email, rendered.Subject, rendered.Text, rendered.Html, messageId, unsubscribe);
                    bytes = MessageFactory.WireBytes(message);
                }
                else
                    bytes = template.Fill(subscriber.Email, messageId, unsubscribe, rendered.Text, rendered.Html);
                metrics.Rendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            return new PlannedDelivery(subscriber.Id, edition, messageId, bytes, papers.Select(p => p.ArxivId).ToList());
        }

        private (DigestPage, MessageTemplate?) PageOf(DateOnly edition, IReadOnlyList<StoredPaper> papers, bool hasInterests)
        {
            var key = DigestRenderer.PageKey(edition, papers, hasInterests);
            if (_pages.TryGetValue(key, out var cached))
                return cached;
            if (_pages.Count >= PagesKept)
                _pages.Clear();
            return _pages.GetOrAdd(key, _ =>
            {
                var page = renderer.Page(edition, papers, hasInterests);
                return (page, messages.Signs ? null : new MessageTemplate(messages, page.Subject));
            });
        }
    }
}
