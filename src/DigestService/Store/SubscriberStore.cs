using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

public sealed class SubscriberStore(Database database, IOptions<DigestOptions> digest, TimeProvider clock)
{
    public async Task<long> UpsertAsync(SubscriberChange change, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(database.Sql["UpsertSubscriber"], new
        {
            change.Email, change.Status, change.Topics, change.Keywords, change.TimeZone, change.DeliveryHour,
            change.Frequency, change.WeeklyDay, change.MaxPapers,
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
    public async IAsyncEnumerable<Subscriber> StreamWithoutEditionAsync(DateOnly edition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<Subscriber>(database.Sql["SubscribersWithoutEdition"], new { Edition = Iso.Date(edition) });
        await foreach (var subscriber in rows.WithCancellation(cancellationToken))
            yield return subscriber;
    }

    /// <summary>Active subscribers with the newest edition they have a row for, streamed.</summary>
    public async IAsyncEnumerable<(Subscriber Subscriber, DateOnly? LastEdition)> StreamActiveWithLastEditionAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<SubscriberWithLastEdition>(database.Sql["ActiveWithLastEdition"]);
        await foreach (var row in rows.WithCancellation(cancellationToken))
            yield return (row, row.LastEdition is null ? null : DateOnly.ParseExact(row.LastEdition, "yyyy-MM-dd", CultureInfo.InvariantCulture));
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
