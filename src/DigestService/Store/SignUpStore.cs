using Dapper;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Store;

/// <summary>The subscriber rows the sign-up form writes, and the confirmation emails they were sent.</summary>
public sealed class SignUpStore(Database database, IOptions<DigestOptions> digest, TimeProvider clock)
{
    /// <summary>Adds or re-opens a sign-up; an active subscriber is returned unchanged. Returns the row's id, status and stored address.</summary>
    public async Task<(long Id, string Status, string Email)> SignUpAsync(string email, string topics, string timeZone, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(long, string, string)>(database.Sql["SignUp"], new
        {
            Email = email,
            Topics = topics,
            TimeZone = timeZone,
            DefaultMaxPapers = digest.Value.MaxPapers,
            Now = Iso.Instant(clock.GetUtcNow()),
        });
    }

    /// <summary>Counts one confirmation email for the subscriber; false, and nothing counted, when the day's allowance is used up.</summary>
    public async Task<bool> TryRecordConfirmationMailAsync(long subscriberId, int perDay, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(database.Sql["RecordConfirmationMail"], new
        {
            SubscriberId = subscriberId,
            Now = Iso.Instant(now),
            Since = Iso.Instant(now.AddDays(-1)),
            PerDay = perDay,
        }) > 0;
    }

    /// <summary>
    /// Deletes the web sign-ups nobody confirmed within <paramref name="lifetime"/> of their last email, after putting
    /// back the people who had left before; returns how many were deleted.
    /// </summary>
    public Task<int> ExpirePendingAsync(TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var cutoff = new { Cutoff = Iso.Instant(clock.GetUtcNow() - lifetime) };
            await connection.ExecuteAsync(database.Sql["RestoreUnconfirmedReturns"], cutoff, transaction);
            return await connection.ExecuteAsync(database.Sql["ExpirePendingSignUps"], cutoff, transaction);
        }, cancellationToken);
}
