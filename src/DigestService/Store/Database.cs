using System.Data;
using System.Data.Common;
using DigestService.Config;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigestService.Store;

/// <summary>
/// Opens connections to the configured database: the SQLite file with the pragmas every connection needs, or a pooled
/// PostgreSQL data source. Stores use <see cref="Sql"/>, the named SQL of that engine's dialect.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    // SQLite has one writer at a time. Writers of this process queue here, in order, instead of in SQLite's busy
    // handler, which polls with sleeps of up to 100 ms: an outcome commit waiting behind a batch of queued digests
    // would otherwise stall a connection for far longer than the batch took.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public Database(IConfiguration configuration, IHostEnvironment environment, IOptions<DatabaseOptions> options)
    {
        Provider = options.Value.Engine;
        Sql = new SqlCatalog(Provider);
        var configured = configuration.GetConnectionString("Digest");
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgres = PostgresSource(configured);
            ConnectionString = _postgres.ConnectionString;
            return;
        }
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/digest.db")
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
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public SqlCatalog Sql { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction. On SQLite it is taken up front (BEGIN IMMEDIATE), so
    /// concurrent writers queue instead of deadlocking; on PostgreSQL it is READ COMMITTED, and the dialect's SQL takes
    /// the row locks a read-then-write needs (FOR UPDATE), so nodes write side by side.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (Provider == DatabaseProvider.Postgres)
            return await WriteOnceAsync(work, cancellationToken);
        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            return await WriteOnceAsync(work, cancellationToken);
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    private async Task<T> WriteOnceAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var isolation = Provider == DatabaseProvider.Postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable;
        await using var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        _sqliteWriter.Dispose();
    }

    private static NpgsqlDataSource PostgresSource(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException("ConnectionStrings:Digest must be an Npgsql connection string (Host=...;Database=...) when Database:Provider is Postgres.");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:Digest is not an Npgsql connection string ({e.Message}); with Database:Provider Postgres it reads Host=...;Database=...;Username=....");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new InvalidOperationException("ConnectionStrings:Digest names no PostgreSQL host (Host=...) while Database:Provider is Postgres.");
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }
}
