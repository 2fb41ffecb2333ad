using System.Data;
using Microsoft.Data.Sqlite;

namespace DigestService.Store;

/// <summary>Opens connections to the SQLite file with the pragmas every connection needs.</summary>
public sealed class Database
{
    public Database(IConfiguration configuration, IHostEnvironment environment, SqlCatalog sql)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Digest") ?? "Data Source=data/digest.db")
        {
            // Writers wait for each other instead of failing with SQLITE_BUSY.
            DefaultTimeout = 30,
            Pooling = true,
        };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new InvalidOperationException("ConnectionStrings:Digest must name a database file (Data Source=...).");
        // A relative file lives beside appsettings.json, wherever the process was started from.
        if (builder.DataSource != ":memory:")
            builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        ConnectionString = builder.ToString();
        Sql = sql;
    }

    public string ConnectionString { get; }

    public SqlCatalog Sql { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, taken up front so concurrent writers queue instead of deadlocking.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
