using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Digest;

/// <summary>Chooses the papers of editions: a <see cref="SelectionSession"/> per send run shares the work across its subscribers.</summary>
public sealed class PaperSelector(EditionStore store, ProfileStore profiles, IOptions<TopicCatalogOptions> topics, IOptions<FeedOptions> feed)
{
    public SelectionSession StartSession() => new(store, profiles, topics.Value, feed.Value.WindowDays);

    /// <summary>One subscriber's edition on its own, as <c>preview</c> shows it.</summary>
    public Task<Selection> SelectAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default) =>
        StartSession().SelectAsync(subscriber, edition, cancellationToken);

    /// <summary>True when nothing is ingested for the subscriber's window ending at <paramref name="edition"/>.</summary>
    public Task<bool> IsEmptyAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default) =>
        StartSession().IsEmptyAsync(subscriber, edition, cancellationToken);
}
