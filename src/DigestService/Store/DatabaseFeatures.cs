using System.Data.Common;
using Dapper;

namespace DigestService.Store;

/// <summary>What the service needs from the database engine itself, checked before any migration relies on it.</summary>
public static class DatabaseFeatures
{
    public static async Task RequireFullTextAsync(Database database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteScalarAsync<string>(database.Sql["FullTextProbe"]);
        }
        catch (DbException e) when (database.Provider == Config.DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"this SQLite build ({connection.ServerVersion}) has no FTS5, which topic and keyword matching needs " +
                $"({e.ErrorCode}: {e.Message}); use the bundled e_sqlite3 library or a SQLite compiled with SQLITE_ENABLE_FTS5.");
        }
    }
}
