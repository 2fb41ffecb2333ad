using Dapper;
using Microsoft.Data.Sqlite;

namespace DigestService.Store;

/// <summary>What the service needs from the SQLite library itself, checked before any migration relies on it.</summary>
public static class SqliteFeatures
{
    public static async Task RequireFts5Async(Database database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteScalarAsync<string>(database.Sql["Fts5Probe"]);
        }
        catch (SqliteException e)
        {
            throw new InvalidOperationException(
                $"this SQLite build ({connection.ServerVersion}) has no FTS5, which topic and keyword matching needs " +
                $"({e.SqliteErrorCode}: {e.Message}); use the bundled e_sqlite3 library or a SQLite compiled with SQLITE_ENABLE_FTS5.");
        }
    }
}
