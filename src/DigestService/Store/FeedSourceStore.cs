using Dapper;

namespace DigestService.Store;

/// <summary>When a source last worked or failed.</summary>
public sealed record SourceStatus(string Name, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError);

/// <summary>Per-source ingest state: cache validators for conditional GET, last success and last error.</summary>
public sealed class FeedSourceStore(Database database, TimeProvider clock)
{
    /// <summary>The validators each URL of the source answered with last time, by absolute URL.</summary>
    public async Task<IReadOnlyDictionary<string, CacheValidators>> ValidatorsAsync(string source, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Url, string? ETag, string? LastModified)>(database.Sql["SourceValidators"], new { Source = source });
        return rows.ToDictionary(r => r.Url, r => new CacheValidators(r.ETag, r.LastModified), StringComparer.Ordinal);
    }

    /// <summary>
    /// Records a source that answered: the validators of the URLs that answered (200 or 304) replace the old ones,
    /// and <paramref name="error"/> is the first failed request's reason when some failed.
    /// </summary>
    public Task RecordSuccessAsync(string source, IReadOnlyDictionary<string, CacheValidators> answered, string? error, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            foreach (var (url, validators) in answered)
                await connection.ExecuteAsync(database.Sql["SaveSourceValidators"], new { Source = source, Url = url, validators.ETag, validators.LastModified, Now = now }, transaction);
            await connection.ExecuteAsync(database.Sql["PruneSourceValidators"], new { Source = source, Now = now }, transaction);
            return await connection.ExecuteAsync(database.Sql["RecordSourceSuccess"], new { Source = source, Now = now, Error = error }, transaction);
        }, cancellationToken);

    public async Task RecordFailureAsync(string source, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["RecordSourceFailure"], new { Source = source, Now = Iso.Instant(clock.GetUtcNow()), Error = error });
    }

    public async Task<IReadOnlyList<SourceStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string? LastSuccessAt, string? LastErrorAt, string? LastError)>(database.Sql["SourceStatus"]);
        return rows.Select(r => new SourceStatus(r.Name, Instant(r.LastSuccessAt), Instant(r.LastErrorAt), r.LastError)).ToList();
    }

    private static DateTimeOffset? Instant(string? text) => text is null ? null : Iso.ParseInstant(text);
}
