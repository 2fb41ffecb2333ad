using DigestService.Config;
using DigestService.Digest;
using DigestService.Store;
using DigestService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigestService.Tests.Store;

/// <summary>
/// The Store's phrase matching on both providers, on the same papers: FTS5 on SQLite, a weighted tsvector on
/// PostgreSQL. Each keyword is one phrase, its syntax inert, its last word of three letters or more a prefix, and
/// title outranks AI keywords outranks abstract. Both providers find the same papers in the same order.
/// </summary>
public abstract class PhraseMatchTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 8, 14);
    private TestApp _app = null!;
    private Database _database = null!;
    private EditionStore _store = null!;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Papers 1..5 (search ids follow insertion): see each one's text below.</summary>
    private static readonly FeedPaper[] Papers =
    [
        Paper("2608.00001", "Agents grasp robots", "A study.", []),
        Paper("2608.00002", "Diffusion models", "Denoising at scale.", []),
        Paper("2608.00003", "A world model survey", "Surveys.", []),
        Paper("2608.00004", "Unrelated title", "Here the abstract mentions a world model once.", []),
        Paper("2608.00005", "Another title", "Nothing here.", ["world model", "planning"]),
    ];

    public async Task InitializeAsync()
    {
        _app = new TestApp(Provider);
        _database = _app.CreateDatabase();
        await new Migrator(_database, NullLogger<Migrator>.Instance).MigrateAsync();
        await new PaperStore(_database, TimeProvider.System).UpsertAsync(Papers, "test");
        _store = new EditionStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _app.Dispose();
    }

    /// <summary>Keywords full of query syntax and the papers each must find, were its text taken as plain words.</summary>
    public static TheoryData<string, long[]> Keywords => new()
    {
        { "world model\" OR \"agent", [] },
        { "diffusion models\" NOT \"x", [] },
        { "NEAR(robot manipulation, 2)", [] },
        { "((world OR agents) AND NOT c)", [] },
        { "body:diffusion", [] },
        { "title:diffusion", [] },
        { "x:y:z", [] },
        { "+plus", [] },
        { "a\u00a0b", [] },
        { "world & ! agent | x", [] },
        { "world <-> model", [3, 5, 4] },
        { "'world':* | 'x'", [] },
        { "-diffusion", [2] },
        { "agent*", [1] },
        { "agen", [1] },
        { "^world", [3, 5, 4] },
        { "World Model", [3, 5, 4] },
        { "model survey", [3] },
        { "AI", [] },
        { "grasp robot", [1] },
        { "grasp ro", [] },
    };

    [Theory]
    [MemberData(nameof(Keywords))]
    public async Task A_keyword_finds_the_papers_that_contain_it_as_words_title_before_ai_keywords_before_abstract(string keyword, long[] expected)
    {
        var phrase = FtsQuery.Phrase(keyword)!;

        var matches = await _store.MatchAsync(phrase, 1, 5, Ranking.Bm25Weights);

        Assert.Equal(expected, matches.OrderBy(m => m.Bm25).ThenBy(m => m.DocId).Select(m => m.DocId));
        Assert.All(matches, m => Assert.True(m.Bm25 < 0, $"score {m.Bm25} is not negative"));
    }

    [Fact]
    public async Task Only_papers_within_the_search_id_range_are_matched()
    {
        var matches = await _store.MatchAsync(FtsQuery.Phrase("world model")!, 4, 5, Ranking.Bm25Weights);

        Assert.Equal([4L, 5L], matches.Select(m => m.DocId).Order());
    }

    private static FeedPaper Paper(string id, string title, string summary, string[] keywords) => new()
    {
        ArxivId = id, Title = title, Abstract = summary, Authors = ["A. Author"], ListedOn = Day, AiKeywords = keywords,
    };
}

public sealed class PhraseMatchTestsOnSqlite : PhraseMatchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PhraseMatchTestsOnPostgres : PhraseMatchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
