using Dapper;
using Microsoft.Extensions.Logging;

namespace DigestService.Store;

/// <summary>
/// Applies the numbered migrations of the dialect that the database has not seen yet, each in its own transaction, under
/// the dialect's migration lock (on PostgreSQL an advisory lock), so nodes starting together apply each one once.
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(database.Sql["LockMigrations"], cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(database.Sql["CreateMigrationsTable"]);
            foreach (var migration in database.Sql.Migrations)
            {
                // On SQLite, BeginTransaction takes the write lock at once (BEGIN IMMEDIATE), so the check below cannot go stale.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (await connection.ExecuteScalarAsync<long?>(database.Sql["MigrationApplied"], new { migration.Name }, transaction) is not null)
                    continue;
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(database.Sql["RecordMigration"], new { migration.Name, At = Iso.Instant(DateTimeOffset.UtcNow) }, transaction);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(migration.Name);
            }
        }
        finally
        {
            await connection.ExecuteAsync(database.Sql["UnlockMigrations"]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private partial void LogApplied(string migration);
}
