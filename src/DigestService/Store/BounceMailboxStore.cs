using Dapper;

namespace DigestService.Store;

/// <summary>
/// Where the bounce mailbox reader got to, so each run reads only what arrived since: for IMAP the folder's
/// UIDVALIDITY and the last UID looked at; for POP3 the UIDLs of the messages left on the server.
/// </summary>
public sealed class BounceMailboxStore(Database database, SettingsStore settings)
{
    public async Task<(uint UidValidity, uint LastUid)?> ImapPositionAsync(string mailbox, CancellationToken cancellationToken = default) =>
        await settings.GetAsync("bounces_imap " + mailbox, cancellationToken) is { } value && value.Split(':') is [var validity, var last]
            && uint.TryParse(validity, out var v) && uint.TryParse(last, out var l)
            ? (v, l)
            : null;

    public Task SaveImapPositionAsync(string mailbox, uint uidValidity, uint lastUid, CancellationToken cancellationToken = default) =>
        settings.SetAsync("bounces_imap " + mailbox, $"{uidValidity}:{lastUid}", cancellationToken);

    public async Task<IReadOnlySet<string>> SeenUidsAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(database.Sql["SeenMailboxUids"], new { Mailbox = mailbox })).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Replaces the remembered UIDLs of <paramref name="mailbox"/> with <paramref name="uids"/>.</summary>
    public Task SaveSeenUidsAsync(string mailbox, IEnumerable<string> uids, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Sql["ForgetMailboxUids"], new { Mailbox = mailbox }, transaction);
            foreach (var uid in uids)
                await connection.ExecuteAsync(database.Sql["RememberMailboxUid"], new { Mailbox = mailbox, Uid = uid }, transaction);
            return true;
        }, cancellationToken);
}
