using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

public sealed class SubscriberStore(Database database, ConsentLedger ledger, IOptions<DigestOptions> digest, TimeProvider clock)
{
    /// <summary>Subscribers read per page when streaming a whole list.</summary>
    private const int Page = 1000;

    /// <summary>
    /// Adds or updates subscribers (CLI add and import) in one transaction, refusing every suppressed address: the
    /// check and the write share the transaction, so an unsubscribe cannot land between them and be overwritten.
    /// </summary>
    public Task<IReadOnlyList<UpsertResult>> UpsertAsync(IReadOnlyList<SubscriberChange> changes, ChangeCause cause, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<UpsertResult>>(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            var results = new List<UpsertResult>(changes.Count);
            using var commands = new PreparedCommands(connection, transaction, database.Sql);
            foreach (var change in changes)
            {
                if (await ledger.FindAsync(commands, change.Email) is { } suppression)
                {
                    results.Add(new UpsertResult(change.Email, UpsertKind.Refused, null, suppression));
                    continue;
                }
                var before = await commands.For("SubscriberStatusByEmail", ("Email", change.Email)).ExecuteScalarAsync() as string;
                StatusRow after;
                await using (var upserted = await commands.For("UpsertSubscriber",
                    ("Email", change.Email), ("Status", change.Status), ("Topics", change.Topics), ("Keywords", change.Keywords), ("Authors", change.Authors),
                    ("TimeZone", change.TimeZone), ("DeliveryHour", change.DeliveryHour),
                    ("Frequency", change.Frequency is { } frequency ? FrequencyNames.Of(frequency) : null), ("WeeklyDay", change.WeeklyDay),
                    ("MaxPapers", change.MaxPapers), ("DefaultMaxPapers", digest.Value.MaxPapers), ("Now", now)).ExecuteReaderAsync())
                {
                    await upserted.ReadAsync();
                    after = new StatusRow(upserted.GetInt64(0), upserted.GetString(1), upserted.GetString(2));
                }
                await ledger.RecordAsync(commands, after, before, cause, now);
                results.Add(new UpsertResult(after.Email, before is null ? UpsertKind.Imported : UpsertKind.Updated, after.Status, null));
            }
            return results;
        }, cancellationToken);

    /// <summary>"Delete me": the subscriber and everything tied to them go; only a keyed hash of the address stays, suppressed.</summary>
    public Task EraseAsync(Subscriber subscriber, ChangeCause cause, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await ledger.SuppressAsync(connection, transaction, subscriber.Email, SuppressionReason.Deleted, cause.Source, Iso.Instant(clock.GetUtcNow()));
            return await connection.ExecuteAsync(database.Sql["RemoveSubscriber"], new { subscriber.Email }, transaction);
        }, cancellationToken);

    /// <summary>
    /// Puts everyone who left before the suppression list existed on it, once (a database upgraded from before it).
    /// </summary>
    public Task BackfillSuppressionsAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<string?>(database.Sql["GetSetting"], new { Key = "suppressions_backfilled" }, transaction) is not null)
                return false;
            var now = Iso.Instant(clock.GetUtcNow());
            foreach (var leaver in await connection.QueryAsync<StatusRow>(database.Sql["LegacyLeavers"], transaction: transaction))
            {
                await connection.ExecuteAsync(database.Sql["RestoreLeaver"], new { leaver.Id, leaver.Status }, transaction);
                await ledger.SuppressAsync(connection, transaction, leaver.Email, leaver.Status, leaver.Status == SubscriberStatus.Bounced ? ChangeSource.Bounce : ChangeSource.Link, now);
            }
            await connection.ExecuteAsync(database.Sql["PutSetting"], new { Key = "suppressions_backfilled", Value = now }, transaction);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The subscriber to send an operator's confirmation to for a suppressed address: the one we know, unchanged, or
    /// (for someone who was deleted) a new pending one. Null when the address is not suppressed.
    /// </summary>
    public Task<(Subscriber Subscriber, Suppression Suppression)?> ForUnsuppressAsync(string email, ChangeCause cause, CancellationToken cancellationToken = default) =>
        database.WriteAsync<(Subscriber, Suppression)?>(async (connection, transaction) =>
        {
            if (await ledger.FindAsync(connection, transaction, email) is not { } suppression)
                return null;
            var now = Iso.Instant(clock.GetUtcNow());
            var added = await connection.ExecuteAsync(database.Sql["SignUp"], new { Email = email, Topics = "", TimeZone = "UTC", DefaultMaxPapers = digest.Value.MaxPapers, Now = now }, transaction) > 0;
            var subscriber = await connection.QuerySingleAsync<Subscriber>(database.Sql["SubscriberByEmail"], new { Email = email }, transaction);
            // The request itself goes in the audit trail, with the status it leaves unchanged.
            await ledger.RecordAsync(connection, transaction, new StatusRow(subscriber.Id, subscriber.Email, subscriber.Status), added ? null : subscriber.Status, cause, now, noteUnchanged: true);
            return (subscriber, suppression);
        }, cancellationToken);

    public async Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Subscriber>(database.Sql["SubscriberByEmail"], new { Email = email });
    }

    public async Task<Subscriber?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Subscriber>(database.Sql["SubscriberById"], new { Id = id });
    }

    public async Task<IReadOnlyList<Subscriber>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Subscriber>(database.Sql["ListSubscribers"])).ToList();
    }

    /// <summary>Active subscribers with no outbox row for the edition, streamed so a large list is never held in memory.</summary>
    public IAsyncEnumerable<Subscriber> StreamWithoutEditionAsync(DateOnly edition, CancellationToken cancellationToken = default) =>
        PagesAsync<Subscriber>("SubscribersWithoutEdition", after => new { Edition = Iso.Date(edition), Now = Iso.Instant(clock.GetUtcNow()), After = after, Page }, s => s.Id, cancellationToken);

    /// <summary>Active subscribers with the newest edition they have a row for, streamed.</summary>
    public async IAsyncEnumerable<(Subscriber Subscriber, DateOnly? LastEdition)> StreamActiveWithLastEditionAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = PagesAsync<SubscriberWithLastEdition>("ActiveWithLastEdition", after => new { After = after, Page }, s => s.Id, cancellationToken);
        await foreach (var row in rows)
            yield return (row, row.LastEdition is null ? null : DateOnly.ParseExact(row.LastEdition, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads a keyset-paged query page by page, each on a short read: one read held open across a whole send would keep
    /// SQLite from checkpointing, and the WAL file would grow with every digest queued meanwhile.
    /// </summary>
    private async IAsyncEnumerable<T> PagesAsync<T>(string query, Func<long, object> parameters, Func<T, long> id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            List<T> page;
            await using (var connection = await database.OpenAsync(cancellationToken))
                page = (await connection.QueryAsync<T>(database.Sql[query], parameters(after))).AsList();
            foreach (var row in page)
                yield return row;
            if (page.Count < Page)
                yield break;
            after = id(page[^1]);
        }
    }

    private sealed record SubscriberWithLastEdition : Subscriber
    {
        public string? LastEdition { get; init; }
    }
}

public enum UpsertKind { Imported, Updated, Refused }

/// <summary>What an add or import did with one address: its status now, or the suppression that refused it.</summary>
public sealed record UpsertResult(string Email, UpsertKind Kind, string? Status, Suppression? Suppression);
