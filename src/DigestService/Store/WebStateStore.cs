using Dapper;

namespace DigestService.Store;

/// <summary>
/// The state web nodes share through the database, so any node answers any request: the per-address sign-up count.
/// (The Data Protection keys that sign form tokens are shared the same way, by <see cref="DataProtectionKeyStore"/>.)
/// </summary>
public sealed class WebStateStore(Database database, AddressHasher hasher, TimeProvider clock)
{
    private static readonly TimeSpan SignUpWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// Counts one sign-up of <paramref name="address"/> (by its keyed hash); null when it was within
    /// <paramref name="perHour"/>, else how long until the oldest sign-up of the hour stops counting.
    /// </summary>
    public Task<TimeSpan?> TryCountSignUpAsync(string address, int perHour, CancellationToken cancellationToken = default) =>
        database.WriteAsync<TimeSpan?>(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var since = Iso.Instant(now - SignUpWindow);
            var hash = hasher.Hash(address);
            await connection.ExecuteAsync(database.Sql["LockAddress"], new { Key = "sign-up " + hash }, transaction);
            await connection.ExecuteAsync(database.Sql["ForgetSignUpAttempts"], new { Since = since }, transaction);
            if (await connection.ExecuteAsync(database.Sql["RecordSignUpAttempt"], new { Hash = hash, Now = Iso.Instant(now), Since = since, PerHour = perHour }, transaction) > 0)
                return null;
            var oldest = await connection.ExecuteScalarAsync<string?>(database.Sql["OldestSignUpAttempt"], new { Hash = hash, Since = since }, transaction);
            return oldest is null ? SignUpWindow : Iso.ParseInstant(oldest) + SignUpWindow - now;
        }, cancellationToken);
}
