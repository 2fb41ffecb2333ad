using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

public sealed class SubscriberStore(Database database, IOptions<DigestOptions> digest, TimeProvider clock)
{
    /// <summary>Subscribers read per page when streaming a whole list.</summary>
    private const int Page = 1000;

    public async Task<long> UpsertAsync(SubscriberChange change, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(database.Sql["UpsertSubscriber"], new
        {
            change.Email, change.Status, change.Topics, change.Keywords, change.Authors, change.TimeZone, change.DeliveryHour,
            Frequency = change.Frequency is { } frequency ? FrequencyNames.Of(frequency) : null, change.WeeklyDay, change.MaxPapers,
            DefaultMaxPapers = digest.Value.MaxPapers,
            Now = Iso.Instant(clock.GetUtcNow()),
        });
    }

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

    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(database.Sql["RemoveSubscriber"], new { Email = email }) > 0;
    }
}
