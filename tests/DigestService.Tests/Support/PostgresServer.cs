using System.Diagnostics;
using Npgsql;

namespace DigestService.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run, started on first use: initdb into a temporary directory
/// (as the unprivileged <c>postgres</c> user when the tests run as root), a free loopback port, fsync off. Each test
/// gets a fresh database on it (<see cref="CreateDatabase"/>). A watchdog shell stops the server and deletes its
/// directory once the test process is gone, however it ended (a failed test, a crash, a kill), and the server is
/// stopped at once when the process exits normally.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>Debian's PostgreSQL (the newest installed under /usr/lib/postgresql); POSTGRES_BIN overrides it.</summary>
    private static readonly string Bin = Environment.GetEnvironmentVariable("POSTGRES_BIN")
        ?? (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres"))).OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null)
        ?? "/usr/lib/postgresql/15/bin";

    private static readonly Lazy<PostgresServer> SharedServer = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    private readonly Process _watchdog;
    private readonly string _adminConnection;

    private PostgresServer(Process watchdog, int port)
    {
        _watchdog = watchdog;
        Port = port;
        _adminConnection = ConnectionString("postgres");
    }

    public static PostgresServer Shared => SharedServer.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=30;Command Timeout=60";

    /// <summary>A new, empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"digest_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(_adminConnection + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(Bin, "postgres")))
            throw new InvalidOperationException($"PostgreSQL is not installed at {Bin} (deploy/test.sh installs the postgresql package).");
        var directory = Directory.CreateTempSubdirectory("digest-pg-").FullName;
        var data = Path.Combine(directory, "data");
        var asRoot = Environment.UserName == "root";
        // initdb refuses to run as root: the server belongs to the postgres user, as a packaged one does.
        var runAs = asRoot ? "runuser -u postgres -- " : "";
        if (asRoot)
            Run("chown", "postgres", directory);
        Run("sh", "-c", $"{runAs}{Bin}/initdb -D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null");
        var port = FeedServer.FreePort();
        var parent = Environment.ProcessId;
        var script = $"""
            {runAs}{Bin}/postgres -D {data} -p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off \
              -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB >{directory}/log 2>&1 &
            server=$!
            while kill -0 {parent} 2>/dev/null && kill -0 $server 2>/dev/null && [ ! -e {directory}/stop ]; do sleep 0.5; done
            pid=$(head -n 1 {data}/postmaster.pid 2>/dev/null)
            [ -n "$pid" ] && kill -INT $pid 2>/dev/null
            wait $server
            rm -rf {directory}
            """;
        var watchdog = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", script }, RedirectStandardInput = true })
            ?? throw new InvalidOperationException("could not start the PostgreSQL watchdog");
        var server = new PostgresServer(watchdog, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(directory);
        server.WaitUntilReady(directory);
        return server;
    }

    private void WaitUntilReady(string directory)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(_adminConnection + ";Pooling=false;Timeout=2");
                connection.Open();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < giveUp && !_watchdog.HasExited)
            {
                Thread.Sleep(100);
            }
            catch (NpgsqlException e)
            {
                var log = File.Exists(Path.Combine(directory, "log")) ? File.ReadAllText(Path.Combine(directory, "log")) : "";
                throw new InvalidOperationException($"the test PostgreSQL did not start: {e.Message}\n{log}", e);
            }
        }
    }

    private void Stop(string directory)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            File.WriteAllText(Path.Combine(directory, "stop"), "");
            _watchdog.WaitForExit(TimeSpan.FromSeconds(20));
        }
        catch (IOException)
        {
            // The directory is already gone: the watchdog has stopped the server.
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error}");
    }
}
