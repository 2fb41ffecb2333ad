using System.Data;
using Dapper;

namespace DigestService.Store;

/// <summary>
/// Keeps the suppression list and the audit trail in step with subscriber statuses. Every method runs inside the
/// caller's write transaction, so a status, its suppression and its audit row change together or not at all.
/// </summary>
public sealed class ConsentLedger(SqlCatalog sql, AddressHasher hasher)
{
    public Task<Suppression?> FindAsync(IDbConnection connection, IDbTransaction transaction, string email) =>
        connection.QuerySingleOrDefaultAsync<Suppression>(sql["FindSuppression"], new { Hash = hasher.Hash(email) }, transaction);

    /// <summary><see cref="FindAsync(IDbConnection, IDbTransaction, string)"/> with a prepared statement, for a batch.</summary>
    public async Task<Suppression?> FindAsync(PreparedCommands commands, string email)
    {
        await using var reader = await commands.For("FindSuppression", ("Hash", hasher.Hash(email))).ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Suppression(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>
    /// The audit row of a batch write (add, import) that changed a status, with a prepared statement. Such a write never
    /// makes anyone leave, and runs only for addresses that are not suppressed, so the list has nothing to change.
    /// </summary>
    public Task RecordAsync(PreparedCommands commands, StatusRow current, string? oldStatus, ChangeCause cause, string now) =>
        current.Status == oldStatus
            ? Task.CompletedTask
            : commands.For("InsertStatusChange", ("SubscriberId", current.Id), ("OldStatus", oldStatus), ("NewStatus", current.Status),
                ("Source", cause.Source), ("Reason", cause.Reason), ("Now", now)).ExecuteNonQueryAsync();

    public Task SuppressAsync(IDbConnection connection, IDbTransaction transaction, string email, string reason, string source, string now) =>
        connection.ExecuteAsync(sql["Suppress"], new { Hash = hasher.Hash(email), Reason = reason, Source = source, Now = now }, transaction);

    /// <summary>
    /// Runs <paramref name="change"/> on one subscriber and records what it did to their status: an audit row when the
    /// status changed; a suppression when they left (as <paramref name="suppressAs"/>, else by the new status); the
    /// suppression lifted when they became active. Returns the status before and after (null before: a new row).
    /// </summary>
    public async Task<(string? Before, string? After)> ChangeAsync(
        IDbConnection connection, IDbTransaction transaction, long subscriberId, ChangeCause cause, string now,
        Func<Task> change, string? suppressAs = null)
    {
        var before = await StatusAsync(connection, transaction, subscriberId);
        await change();
        var after = await StatusAsync(connection, transaction, subscriberId);
        if (after is null)
            return (before?.Status, null);
        await RecordAsync(connection, transaction, after, before?.Status, cause, now, suppressAs);
        return (before?.Status, after.Status);
    }

    /// <summary>Records a subscriber's current status as changed from <paramref name="oldStatus"/> (null: a new row).</summary>
    /// <param name="noteUnchanged">Record an audit row even when the status stays (an operator's request).</param>
    public async Task RecordAsync(IDbConnection connection, IDbTransaction transaction, StatusRow current, string? oldStatus, ChangeCause cause, string now,
        string? suppressAs = null, bool noteUnchanged = false)
    {
        if (current.Status != oldStatus || noteUnchanged)
        {
            await connection.ExecuteAsync(sql["InsertStatusChange"], new
            {
                SubscriberId = current.Id, OldStatus = oldStatus, NewStatus = current.Status, cause.Source, cause.Reason, Now = now,
            }, transaction);
        }
        var reason = suppressAs ?? current.Status switch
        {
            SubscriberStatus.Unsubscribed => SuppressionReason.Unsubscribed,
            SubscriberStatus.Bounced => SuppressionReason.Bounced,
            _ => null,
        };
        if (current.Status != oldStatus || suppressAs is not null)
        {
            if (reason is not null)
                await SuppressAsync(connection, transaction, current.Email, reason, cause.Source, now);
            else if (current.Status == SubscriberStatus.Active)
                await connection.ExecuteAsync(sql["LiftSuppression"], new { Hash = hasher.Hash(current.Email) }, transaction);
        }
    }

    public Task<StatusRow?> StatusAsync(IDbConnection connection, IDbTransaction transaction, long subscriberId) =>
        connection.QuerySingleOrDefaultAsync<StatusRow>(sql["SubscriberStatus"], new { Id = subscriberId }, transaction);
}

/// <summary>A subscriber's id, address and status, as read inside a write.</summary>
public sealed record StatusRow
{
    public StatusRow()
    {
    }

    public StatusRow(long id, string email, string status) => (Id, Email, Status) = (id, email, status);

    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string Status { get; init; } = "";
}
