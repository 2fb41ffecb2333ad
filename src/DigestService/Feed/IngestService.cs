using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Feed;

/// <summary>The outcome for one source: its counts, or the one-line reason it failed.</summary>
public sealed record SourceResult(string Name, UpsertCounts? Counts, string? Error)
{
    public override string ToString() => Error is null
        ? $"{Name}: fetched {Counts!.Fetched}, new {Counts.New}, updated {Counts.Updated}"
        : $"{Name}: error: {Error}";
}

/// <summary>Fetches every configured source for the window ending at a date and stores what each one returned.</summary>
public sealed partial class IngestService(
    IEnumerable<IFeedFormat> formats,
    PaperStore papers,
    IOptions<FeedOptions> options,
    ILogger<IngestService> logger)
{
    public async Task<IReadOnlyList<SourceResult>> IngestAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var feed = options.Value;
        var days = Enumerable.Range(0, feed.WindowDays).Select(i => date.AddDays(i - feed.WindowDays + 1)).ToList();
        var results = new List<SourceResult>();
        foreach (var source in feed.EffectiveSources)
            results.Add(await IngestSourceAsync(source, days, cancellationToken));
        return results;
    }

    private async Task<SourceResult> IngestSourceAsync(FeedSourceOptions source, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var format = formats.Single(f => f.Format == source.Format);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout * days.Count);
        try
        {
            var fetched = await format.FetchAsync(source, days, timeout.Token);
            var counts = await papers.UpsertAsync(fetched, source.Name, cancellationToken);
            LogIngested(source.Name, counts.Fetched, counts.New, counts.Updated);
            return new SourceResult(source.Name, counts, null);
        }
        catch (Exception e) when (e is FeedFormatException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is OperationCanceledException ? $"no answer within {options.Value.Timeout}" : e.Message;
            LogFailed(source.Name, reason);
            return new SourceResult(source.Name, null, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Source}: fetched {Fetched}, new {New}, updated {Updated}")]
    private partial void LogIngested(string source, int fetched, int @new, int updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest of {Source} failed: {Reason}")]
    private partial void LogFailed(string source, string reason);
}
