using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;

namespace DigestService.Feed;

/// <summary>Fetches every configured source for the window ending at a date and stores what each one returned.</summary>
public sealed partial class IngestService(
    IEnumerable<IFeedFormat> formats,
    SourceReader reader,
    PaperStore papers,
    FeedSourceStore sources,
    IOptions<FeedOptions> options,
    DigestMetrics metrics,
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

    /// <summary>
    /// Reads the source, then stores its papers in one transaction and only then its cache validators, so a later
    /// 304 can never stand for papers that were not stored.
    /// </summary>
    private async Task<SourceResult> IngestSourceAsync(FeedSourceOptions source, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var format = formats.Single(f => f.Format == source.Format);
        var known = await sources.ValidatorsAsync(source.Name, cancellationToken);
        var read = await reader.ReadAsync(format, source, days, known, cancellationToken);
        foreach (var error in read.Errors)
            LogFailed(source.Name, error);
        if (read.Failed)
        {
            await sources.RecordFailureAsync(source.Name, read.Errors[0], cancellationToken);
            metrics.Ingested(source.Name, 0, 0, read.Errors.Count);
            return SourceResult.Failure(source.Name, read.Errors);
        }
        var counts = await papers.UpsertAsync(read.Papers, source.Name, cancellationToken);
        await sources.RecordSuccessAsync(source.Name, read.Answered, read.Errors.FirstOrDefault(), cancellationToken);
        metrics.Ingested(source.Name, counts.New, counts.Updated, read.Errors.Count);
        LogIngested(source.Name, counts.Fetched, counts.New, counts.Updated, read.Skipped, read.Unchanged, read.Errors.Count);
        return new SourceResult(source.Name, counts, read.Skipped, read.Unchanged, read.Errors, Failed: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Source}: fetched {Fetched}, new {New}, updated {Updated}, skipped {Skipped}, unchanged {Unchanged}, errors {Errors}")]
    private partial void LogIngested(string source, int fetched, int @new, int updated, int skipped, int unchanged, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest of {Source}: a request failed: {Reason}")]
    private partial void LogFailed(string source, string reason);
}
