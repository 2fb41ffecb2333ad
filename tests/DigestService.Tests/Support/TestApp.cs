using System.Data.Common;
using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Configuration;

namespace DigestService.Tests.Support;

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The service as operators run it, through <see cref="CommandLine"/>, on its own database (a SQLite file, or a fresh
/// database on the shared test <see cref="PostgresServer"/>) and pickup folder in a fresh temporary directory.
/// Settings are layered over appsettings.json like environment variables would be.
/// </summary>
public sealed class TestApp : IDisposable
{
    public TestApp(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        Directory = System.IO.Directory.CreateTempSubdirectory("digest-test-").FullName;
        if (provider == DatabaseProvider.Postgres)
        {
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:Digest"] = PostgresServer.Shared.CreateDatabase();
        }
        else
        {
            Settings["ConnectionStrings:Digest"] = $"Data Source={DatabasePath}";
        }
        Settings["Smtp:PickupDirectory"] = PickupDirectory;
        Settings["Site:BaseUrl"] = "https://digest.example.org";
        Settings["Smtp:From"] = "Digest <digest@example.org>";
        Settings["Delivery:RetryDelay"] = "00:00:00.050";
        Settings["Delivery:LeaseDuration"] = "00:00:05";
        // Feed retries back off from 50 ms, so a test of a failing feed does not wait out production backoffs.
        Settings["Feed:RetryDelay"] = "00:00:00.050";
    }

    public DatabaseProvider Provider { get; }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "digest.db");

    public string PickupDirectory => Path.Combine(Directory, "outbox");

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TestApp With(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
            Settings[key] = value;
        return this;
    }

    public TestApp With(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, Settings);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The stats verb's counters (<c>name: N</c> lines) as a dictionary; the per-source lines are left out.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StatsAsync()
    {
        var result = await RunAsync("stats");
        Assert.Equal(0, result.ExitCode);
        return result.OutputLines.Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && long.TryParse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Reads the service's database directly, as an operator with the sqlite3 or psql shell would.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var db = await OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(db, sql, parameters)).ToList();
    }

    /// <summary>The service's <see cref="Database"/> over these settings, for driving the Store directly.</summary>
    public Database CreateDatabase() => new(
        new ConfigurationBuilder().AddInMemoryCollection(Settings).Build(),
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Directory },
        Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = Provider.ToString() }));

    /// <summary>A connection of its own to the service's database, outside the service (no pool kept open).</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(Settings["ConnectionStrings:Digest"] + ";Pooling=false")
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread: the OS temp cleaner will take it.
        }
    }
}
