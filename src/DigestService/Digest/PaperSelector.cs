using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Digest;

/// <summary>Chooses the papers of one subscriber's edition: listed in the window ending at the edition date, not had before.</summary>
public sealed class PaperSelector(PaperStore papers, IOptions<FeedOptions> feed)
{
    public Task<IReadOnlyList<StoredPaper>> SelectAsync(Subscriber subscriber, DateOnly edition, CancellationToken cancellationToken = default) =>
        papers.EditionAsync(edition.AddDays(1 - feed.Value.WindowDays), edition, subscriber.Id, (int)subscriber.MaxPapers, cancellationToken);
}
