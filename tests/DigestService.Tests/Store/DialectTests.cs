using Dapper;
using DigestService.Config;
using DigestService.Store;
using DigestService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestService.Tests.Store;

/// <summary>One Store API over two dialects: the same named SQL in each, migrations applied once however many nodes start.</summary>
public class DialectTests
{
    [Fact]
    public void Every_query_and_migration_exists_in_both_dialects_under_the_same_name()
    {
        var sqlite = new SqlCatalog(DatabaseProvider.Sqlite);
        var postgres = new SqlCatalog(DatabaseProvider.Postgres);

        Assert.NotEmpty(sqlite.QueryNames);
        Assert.Equal(sqlite.QueryNames.Order(StringComparer.Ordinal), postgres.QueryNames.Order(StringComparer.Ordinal));
        Assert.Equal(sqlite.Migrations.Select(m => m.Name), postgres.Migrations.Select(m => m.Name));
    }

    [Fact]
    public async Task Five_nodes_starting_together_on_one_PostgreSQL_database_apply_each_migration_once()
    {
        using var app = new TestApp(DatabaseProvider.Postgres);
        var nodes = Enumerable.Range(0, 5).Select(_ => app.CreateDatabase()).ToList();

        await Task.WhenAll(nodes.Select(node => new Migrator(node, NullLogger<Migrator>.Instance).MigrateAsync()));

        var applied = await app.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name");
        Assert.Equal(new SqlCatalog(DatabaseProvider.Postgres).Migrations.Select(m => m.Name), applied);
        // The lock is released: one more node starts without waiting.
        await new Migrator(nodes[0], NullLogger<Migrator>.Instance).MigrateAsync().WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var node in nodes)
            await node.DisposeAsync();
    }

    [Fact]
    public async Task PostgreSQL_refuses_a_SQLite_connection_string_in_one_line_that_names_the_key()
    {
        using var app = new TestApp().With("Database:Provider", "Postgres");

        var result = await app.RunAsync("stats");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ConnectionStrings:Digest", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_unknown_provider_is_a_configuration_error_naming_the_key()
    {
        using var app = new TestApp().With("Database:Provider", "Oracle");

        var result = await app.RunAsync("stats");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Database:Provider must be Sqlite or Postgres", result.Error);
    }
}
