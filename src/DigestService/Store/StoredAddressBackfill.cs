using Dapper;
using DigestService.Addresses;

namespace DigestService.Store;

/// <summary>
/// Once, at start: converts addresses stored before the canonical form (<c>"victim"@x</c>, <c>user@BÜCHER.de</c>,
/// <c>Ä@x</c> beside <c>ä@x</c>) to it. Rows that turn out to be one inbox become one person: someone who left
/// (unsubscribed or bounced) wins over active, else the earliest confirmed; one log line per merge. A leaver's
/// suppression is written under the canonical key too, so the opt-out holds for every spelling.
/// </summary>
public sealed partial class StoredAddressBackfill(Database database, ConsentLedger ledger, TimeProvider clock, ILogger<StoredAddressBackfill> logger)
{
    private const string Done = "addresses_canonicalized";

    public Task RunAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<string?>(database.Sql["GetSetting"], new { Key = Done }, transaction) is not null)
                return false;
            var now = Iso.Instant(clock.GetUtcNow());
            var rows = await connection.QueryAsync<StoredAddress>(database.Sql["StoredAddresses"], transaction: transaction);
            // Addresses the canonicalizer refuses stay as they are: they still compare as before.
            foreach (var inbox in rows.GroupBy(r => AddressCanonicalizer.Canonicalize(r.Email).Address ?? r.Email, StringComparer.Ordinal))
            {
                var ordered = inbox.OrderByDescending(r => r.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Bounced)
                    .ThenBy(r => r.ConfirmedAt is null).ThenBy(r => r.ConfirmedAt, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
                var keeper = ordered[0];
                foreach (var duplicate in ordered.Skip(1))
                {
                    await connection.ExecuteAsync(database.Sql["RemoveSubscriberById"], new { duplicate.Id }, transaction);
                    LogMerged(duplicate.Id, duplicate.Status, keeper.Id, keeper.Status, inbox.Key);
                }
                if (keeper.Email != inbox.Key)
                    await connection.ExecuteAsync(database.Sql["SetSubscriberEmail"], new { Email = inbox.Key, keeper.Id }, transaction);
                if (keeper.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Bounced && await ledger.FindAsync(connection, transaction, inbox.Key) is null)
                    await ledger.SuppressAsync(connection, transaction, inbox.Key, keeper.Status, keeper.Status == SubscriberStatus.Bounced ? ChangeSource.Bounce : ChangeSource.Link, now);
            }
            await connection.ExecuteAsync(database.Sql["PutSetting"], new { Key = Done, Value = now }, transaction);
            return true;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {Duplicate} ({DuplicateStatus}) merged into subscriber {Keeper} ({KeeperStatus}): both are {Address}")]
    private partial void LogMerged(long duplicate, string duplicateStatus, long keeper, string keeperStatus, string address);

    private sealed record StoredAddress(long Id, string Email, string Status, string? ConfirmedAt);
}
