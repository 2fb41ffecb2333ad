using Dapper;

namespace DigestService.Store;

public sealed record JobRun(string Job, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Ok, string Summary);

public sealed record OutboxLag(long Pending, DateTimeOffset? OldestDue);

public sealed record DailyCount(DateOnly Day, string Key, long Count);

public sealed record RecentBounce(DateTimeOffset At, string Email, string Kind, string Detail);

/// <summary>What operators look at: job runs, outbox lag, counts over time, recent bounces; and the retention that prunes them.</summary>
public sealed class OperationsStore(Database database, TimeProvider clock)
{
    public async Task RecordRunAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["RecordJobRun"], new
        {
            run.Job,
            StartedAt = Iso.Instant(run.StartedAt),
            FinishedAt = Iso.Instant(run.FinishedAt),
            Outcome = run.Ok ? "ok" : "failed",
            Summary = run.Summary.Length > 1000 ? run.Summary[..1000] : run.Summary,
        });
    }

    public async Task<IReadOnlyList<JobRun>> LastRunsAsync(int perJob, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Job, string StartedAt, string FinishedAt, string Outcome, string Summary)>(database.Sql["LastJobRuns"], new { PerJob = perJob });
        return rows.Select(r => new JobRun(r.Job, Iso.ParseInstant(r.StartedAt), Iso.ParseInstant(r.FinishedAt), r.Outcome == "ok", r.Summary)).ToList();
    }

    public async Task<OutboxLag> OutboxLagAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Pending, string? OldestDue)>(database.Sql["OutboxLag"], new { Now = Iso.Instant(clock.GetUtcNow()) });
        return new OutboxLag(row.Pending, row.OldestDue is null ? null : Iso.ParseInstant(row.OldestDue));
    }

    public async Task<IReadOnlyDictionary<string, long>> SubscribersByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(database.Sql["SubscribersByStatus"]);
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    /// <summary>Records today's subscriber counts by status; the latest snapshot of a day wins.</summary>
    public async Task SnapshotSubscriberCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["SnapshotSubscriberCounts"], new { Day = Iso.Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) });
    }

    public Task<IReadOnlyList<DailyCount>> SubscriberCountsSinceAsync(DateOnly since, CancellationToken cancellationToken = default) =>
        DailyAsync("SubscriberCountsSince", Iso.Date(since), cancellationToken);

    public Task<IReadOnlyList<DailyCount>> DeliveriesPerDaySinceAsync(DateOnly since, CancellationToken cancellationToken = default) =>
        DailyAsync("DeliveriesPerDay", Iso.Date(since), cancellationToken);

    public async Task<IReadOnlyList<RecentBounce>> RecentBouncesAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string At, string Email, string Kind, string Detail)>(database.Sql["RecentBounces"], new { Limit = limit });
        return rows.Select(r => new RecentBounce(Iso.ParseInstant(r.At), r.Email, r.Kind, r.Detail)).ToList();
    }

    /// <summary>Deletes finished records older than <paramref name="keepDays"/> and sent-paper memory older than <paramref name="keepSentPapersDays"/>.</summary>
    public Task<int> PruneAsync(int keepDays, int keepSentPapersDays, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var pruned = await connection.ExecuteAsync(database.Sql["PruneOperations"], new { Before = Iso.Instant(now.AddDays(-keepDays)) }, transaction);
            pruned += await connection.ExecuteAsync(database.Sql["PruneSentPapers"], new { Before = Iso.Date(DateOnly.FromDateTime(now.UtcDateTime.AddDays(-keepSentPapersDays))) }, transaction);
            return pruned;
        }, cancellationToken);

    /// <summary>The migrations the database has applied, for readiness.</summary>
    public async Task<IReadOnlySet<string>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(database.Sql["MigrationsApplied"])).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<DailyCount>> DailyAsync(string query, string since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Day, string Key, long Count)>(database.Sql[query], new { Since = since });
        return rows.Select(r => new DailyCount(Iso.ParseDate(r.Day), r.Key, r.Count)).ToList();
    }
}
