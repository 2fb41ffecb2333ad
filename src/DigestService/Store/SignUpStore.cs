using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

/// <summary>
/// Sign-ups and their confirmation requests. A sign-up adds a pending subscriber for an address we do not know and
/// changes nothing about one we know; a confirmation request holds what was asked for until its link is used, once.
/// </summary>
public sealed class SignUpStore(Database database, ConsentLedger ledger, IOptions<DigestOptions> digest, TimeProvider clock)
{
    private static readonly ChangeCause FormSignUp = new(ChangeSource.Web, "signed up on the web form");

    /// <summary>
    /// The subscriber for the address: a new pending one, or the one we know, unchanged. Returns the row's id, status
    /// and stored address: mail goes to it, not to another spelling of it that matched.
    /// </summary>
    public Task<(long Id, string Status, string Email)> SignUpAsync(string email, string topics, string timeZone, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            var inserted = await connection.ExecuteAsync(database.Sql["SignUp"], new
            {
                Email = email, Topics = topics, TimeZone = timeZone, DefaultMaxPapers = digest.Value.MaxPapers, Now = now,
            }, transaction);
            var row = await connection.QuerySingleAsync<Subscriber>(database.Sql["SubscriberByEmail"], new { Email = email }, transaction);
            if (inserted > 0)
                await ledger.RecordAsync(connection, transaction, new StatusRow(row.Id, row.Email, row.Status), oldStatus: null, FormSignUp, now);
            return (row.Id, row.Status, row.Email);
        }, cancellationToken);

    /// <summary>Counts one confirmation email for the subscriber; false, and nothing counted, when the day's allowance is used up.</summary>
    public Task<bool> TryRecordConfirmationMailAsync(long subscriberId, int perDay, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            // Nodes counting for the same subscriber take turns (an advisory lock on PostgreSQL), so both cannot pass.
            await connection.ExecuteAsync(database.Sql["LockAddress"], new { Key = $"confirmation {subscriberId}" }, transaction);
            return await connection.ExecuteAsync(database.Sql["RecordConfirmationMail"], new
            {
                SubscriberId = subscriberId,
                Now = Iso.Instant(now),
                Since = Iso.Instant(now.AddDays(-1)),
                PerDay = perDay,
            }, transaction) > 0;
        }, cancellationToken);

    /// <summary>Records a confirmation request (what to apply when its link is used) and returns its id, for the link.</summary>
    public async Task<long> RequestConfirmationAsync(long subscriberId, string? topics, string? timeZone, ChangeCause cause, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(database.Sql["InsertConfirmation"], new
        {
            SubscriberId = subscriberId, Topics = topics, TimeZone = timeZone, cause.Source, cause.Reason,
            Now = Iso.Instant(now), ExpiresAt = Iso.Instant(now + lifetime),
        });
    }

    /// <summary>The subscriber an open (unused, unexpired) confirmation request is for; null otherwise.</summary>
    public async Task<Subscriber?> FindOpenAsync(long confirmationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var open = await connection.QuerySingleOrDefaultAsync<OpenConfirmation>(database.Sql["OpenConfirmation"], new { Id = confirmationId, Now = Iso.Instant(clock.GetUtcNow()) });
        return open is null ? null : await connection.QuerySingleOrDefaultAsync<Subscriber>(database.Sql["SubscriberById"], new { Id = open.SubscriberId });
    }

    /// <summary>
    /// Uses a confirmation link: applies what it asked for, activates the subscriber, lifts their suppression and
    /// closes every open link of theirs, all at once. Null when the link was used, voided or expired: nothing changes.
    /// </summary>
    public Task<Subscriber?> ConfirmAsync(long confirmationId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var now = Iso.Instant(clock.GetUtcNow());
            var open = await connection.QuerySingleOrDefaultAsync<OpenConfirmation>(database.Sql["OpenConfirmation"], new { Id = confirmationId, Now = now }, transaction);
            if (open is null)
                return null;
            var cause = new ChangeCause(ChangeSource.Link, open.Source == ChangeSource.Cli
                ? $"confirmed from the emailed link (sent by an operator: {open.Reason})"
                : $"confirmed from the emailed link ({open.Reason})");
            await ledger.ChangeAsync(connection, transaction, open.SubscriberId, cause, now, async () =>
            {
                await connection.ExecuteAsync(database.Sql["ApplyConfirmedRequest"], new { Id = open.SubscriberId, open.Topics, open.TimeZone }, transaction);
                await connection.ExecuteAsync(database.Sql["ActivateSubscriber"], new { Id = open.SubscriberId, Now = now }, transaction);
            });
            await connection.ExecuteAsync(database.Sql["CloseConfirmations"], new { open.SubscriberId, Now = now }, transaction);
            return await connection.QuerySingleAsync<Subscriber>(database.Sql["SubscriberById"], new { Id = open.SubscriberId }, transaction);
        }, cancellationToken);

    /// <summary>
    /// Deletes the web sign-ups nobody confirmed within <paramref name="lifetime"/> of their last email, and the
    /// confirmation requests past their lifetime; returns how many sign-ups were deleted.
    /// </summary>
    public Task<int> ExpirePendingAsync(TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var cutoff = new { Cutoff = Iso.Instant(clock.GetUtcNow() - lifetime) };
            await connection.ExecuteAsync(database.Sql["ForgetUsedConfirmations"], new { Cutoff = Iso.Instant(clock.GetUtcNow()) }, transaction);
            return await connection.ExecuteAsync(database.Sql["ExpirePendingSignUps"], cutoff, transaction);
        }, cancellationToken);
}
