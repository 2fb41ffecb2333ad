using System.Text.RegularExpressions;
using Dapper;
using DigestService.Digest;
using Microsoft.Data.Sqlite;

namespace DigestService.Tests.Digest;

public class FtsQueryTests
{
    /// <summary>Keywords full of FTS5 syntax and the rows of <see cref="Rows"/> each must find, were its text taken as plain words.</summary>
    public static TheoryData<string, long[]> Hostile => new()
    {
        { "world model\" OR \"agent", [] },
        { "diffusion models\" NOT \"x", [] },
        { "NEAR(robot manipulation, 2)", [] },
        { "((world OR agents) AND NOT c)", [] },
        { "body:diffusion", [] },
        { "{body}: diffusion", [] },
        { "x:y:z", [] },
        { "+plus", [] },
        { "a\u00a0b", [] },
        { "-diffusion", [2] },
        { "agent*", [1] },
        { "^world", [3] },
    };

    private const string Rows = "(1, 'agents grasp robots'), (2, 'diffusion models'), (3, 'world model survey')";

    [Theory]
    [InlineData("world model", "\"world model\"*")]
    [InlineData("  Large   Language\tModels ", "\"large language models\"*")]
    [InlineData("AI", "\"ai\"")]
    [InlineData("RL", "\"rl\"")]
    [InlineData("say \"hi\" now", "\"say \"\"hi\"\" now\"*")]
    [InlineData("NEAR(a b)", "\"near(a b)\"")]
    public void A_keyword_becomes_one_quoted_phrase_whose_last_word_of_three_letters_or_more_is_a_prefix(string keyword, string phrase) =>
        Assert.Equal(phrase, FtsQuery.Phrase(keyword));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("- : ( ) ^ +")]
    public void Text_without_a_word_is_no_phrase_at_all(string keyword) => Assert.Null(FtsQuery.Phrase(keyword));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Syntax_characters_stay_inside_one_phrase_with_every_quote_doubled(string keyword, long[] _)
    {
        var phrase = FtsQuery.Phrase(keyword)!;

        Assert.Matches(new Regex("^\"(?:[^\"]|\"\")*\"\\*?$"), phrase);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Sqlite_fts5_runs_each_such_phrase_as_plain_words_neither_failing_nor_widening(string keyword, long[] rows)
    {
        await using var db = new SqliteConnection("Data Source=:memory:");
        await db.OpenAsync();
        await db.ExecuteAsync("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
        await db.ExecuteAsync($"INSERT INTO t (rowid, body) VALUES {Rows}");

        var hits = await db.QueryAsync<long>("SELECT rowid FROM t WHERE t MATCH @Match ORDER BY rowid", new { Match = FtsQuery.Phrase(keyword) });

        // OR, NOT, NEAR, a column filter or a minus taken as syntax would find other rows, or fail.
        Assert.Equal(rows, hits);
    }
}
