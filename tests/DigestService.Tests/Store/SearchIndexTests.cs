using DigestService.Config;
using Dapper;
using DigestService.Tests.Support;
using Microsoft.Data.Sqlite;

namespace DigestService.Tests.Store;

/// <summary>The full-text index (FTS5, or a tsvector on PostgreSQL) follows the papers table through the ingest.</summary>
public abstract class SearchIndexTests : IAsyncLifetime
{
    protected FixtureApp Fixture { get; private set; } = null!;

    /// <summary>The database the app runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async Task InitializeAsync() => Fixture = await FixtureApp.StartAsync(Provider, 1, "2026-08-14");

    public async Task DisposeAsync() => await Fixture.DisposeAsync();

    private async Task<IReadOnlyList<string>> KeywordPreviewAsync(string email, string keyword)
    {
        await Fixture.AddAsync(email, "--keywords", keyword, "--max-papers", "50");
        return await Fixture.PreviewAsync(email, "2026-08-14");
    }

    [Fact]
    public async Task Text_changed_by_a_later_ingest_is_searched_by_its_new_words_only()
    {
        var day = Fixtures.HfDay("2026-08-14");
        // The paper renames itself everywhere: title, abstract and AI keywords.
        Fixture.Feed.Handler = _ => FeedAnswer.Json(day.Replace("DreamX", "Zebrafish", StringComparison.Ordinal));

        await Fixture.RunOkAsync("ingest", "--date", "2026-08-14");

        Assert.Equal(["2608.13489"], await KeywordPreviewAsync("new@example.org", "zebrafish"));
        Assert.Empty(await KeywordPreviewAsync("old@example.org", "DreamX-Phi"));
    }

    [Fact]
    public async Task Ai_keywords_are_searched_too()
    {
        // "SAM3 masks" appears only among the AI keywords of 2608.13489.
        Assert.Equal(["2608.13489"], await KeywordPreviewAsync("kw@example.org", "SAM3 masks"));
    }
}

/// <summary>On SQLite, also: FTS5 sums per-phrase bm25 as selection assumes.</summary>
public sealed class SearchIndexTestsOnSqlite : SearchIndexTests
{
    [Fact]
    public async Task The_bm25_of_ored_phrases_is_the_sum_of_each_phrases_bm25()
    {
        await using var db = new SqliteConnection($"Data Source={Fixture.App.DatabasePath}");
        const string Sql = "SELECT rowid, bm25(paper_search, 3, 1, 2) FROM paper_search WHERE paper_search MATCH @Match";
        async Task<Dictionary<long, double>> Bm25(string match) =>
            (await db.QueryAsync<(long Doc, double Score)>(Sql, new { Match = match })).ToDictionary(r => r.Doc, r => r.Score);

        var world = await Bm25("\"world model\"*");
        var agent = await Bm25("\"agent\"*");
        var either = await Bm25("\"world model\"* OR \"agent\"*");

        Assert.NotEmpty(world.Keys.Intersect(agent.Keys));
        Assert.Equal(world.Keys.Union(agent.Keys).Order(), either.Keys.Order());
        Assert.All(either, hit => Assert.Equal(world.GetValueOrDefault(hit.Key) + agent.GetValueOrDefault(hit.Key), hit.Value, 9));
    }
}

public sealed class SearchIndexTestsOnPostgres : SearchIndexTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
