using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

/// <summary>The outbox: one row per (subscriber, edition), claimed under a lease, finished with the server's reply.</summary>
public sealed class DeliveryStore(Database database, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Queues a rendered digest and records its papers as sent, in one transaction; a delivery with no message is
    /// stored as skipped (nothing new). False when the subscriber already has this edition.
    /// </summary>
    public Task<bool> QueueAsync(PlannedDelivery planned, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var edition = Iso.Date(planned.Edition);
            var id = await connection.ExecuteScalarAsync<long?>(database.Sql["InsertDelivery"], new
            {
                planned.SubscriberId,
                Edition = edition,
                State = planned.Message is null ? DeliveryState.Skipped : DeliveryState.Queued,
                planned.MessageId,
                planned.Message,
                PaperCount = planned.PaperIds.Count,
                Now = Iso.Instant(clock.GetUtcNow()),
            }, transaction);
            if (id is null)
                return false;
            foreach (var paperId in planned.PaperIds)
                await connection.ExecuteAsync(database.Sql["InsertSentPaper"], new { planned.SubscriberId, ArxivId = paperId, Edition = edition }, transaction);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, int limit, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<OutboxRow>>(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            await connection.ExecuteAsync(database.Sql["CancelSuppressed"], new { Now = Iso.Instant(now) }, transaction);
            var rows = await connection.QueryAsync<OutboxRow>(database.Sql["ClaimDeliveries"], new
            {
                Owner = owner,
                Now = Iso.Instant(now),
                LeaseExpires = Iso.Instant(now + options.Value.LeaseDuration),
                Limit = limit,
            }, transaction);
            return rows.ToList();
        }, cancellationToken);

    public async Task FinishAsync(OutboxRow row, string owner, string state, string reply, DateTimeOffset? nextAttemptAt = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(database.Sql["FinishDelivery"], new
        {
            row.Id,
            Owner = owner,
            State = state,
            Reply = reply.Length > 500 ? reply[..500] : reply,
            NextAttemptAt = nextAttemptAt is { } at ? Iso.Instant(at) : null,
            Now = Iso.Instant(clock.GetUtcNow()),
        });
    }

    /// <summary>When the earliest waiting retry falls due, or null when nothing waits.</summary>
    public async Task<DateTimeOffset?> NextRetryAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<string?>(database.Sql["NextRetry"]);
        return next is null ? null : Iso.ParseInstant(next);
    }
}
