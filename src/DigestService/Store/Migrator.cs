using Dapper;
using Microsoft.Extensions.Logging;

namespace DigestService.Store;

/// <summary>Applies the numbered migrations that the database has not seen yet, each in its own transaction.</summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = (await connection.QueryAsync<string>("SELECT name FROM schema_migrations")).ToHashSet(StringComparer.Ordinal);
        foreach (var migration in database.Sql.Migrations.Where(m => !applied.Contains(m.Name)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (@name, @at)",
                new { name = migration.Name, at = Iso.Instant(DateTimeOffset.UtcNow) },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            LogApplied(migration.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private partial void LogApplied(string migration);
}
