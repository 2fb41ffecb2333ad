using DigestService.Digest;
using DigestService.Store;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>The trending formula (Digest/Ranking.cs), pinned on its own numbers and on the fixture days through the CLI.</summary>
public class RankingTests : IAsyncLifetime
{
    /// <summary>Everyone's list of 2026-08-14 (window 3), by hand from the fixtures: ln(1 + votes) for the 08-14 papers,
    /// ln(1 + votes/4) for the 08-13 ones (OpenART, 98 votes a day ago: ln 25.5 = 3.24, between 25 and 24 votes of today).</summary>
    public static readonly string[] Everyone0814 =
        ["2608.13489", "2608.06867", "2608.13546", "2608.13505", "2608.07545", "2608.13560", "2608.12743", "2608.00677", "2608.13552", "2608.12307", "2608.11924"];

    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(3, "2026-08-14");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static Sighting Listed(string day, long upvotes) => new() { ArxivId = "2608.00001", ListedOn = day, Upvotes = upvotes };

    [Fact]
    public void A_paper_of_today_with_20_votes_beats_one_listed_two_days_ago_with_200()
    {
        var edition = new DateOnly(2026, 8, 19);

        var today = Ranking.Trending([Listed("2026-08-19", 20)], edition);
        var older = Ranking.Trending([Listed("2026-08-17", 200)], edition);

        Assert.Equal(Math.Log(21), today, 9);
        Assert.Equal(Math.Log(1 + 200 / 16.0), older, 9);
        Assert.True(today > older);
    }

    [Fact]
    public void A_relisted_paper_is_hot_by_the_votes_it_gains_anew_and_later_listings_do_not_count()
    {
        var edition = new DateOnly(2026, 8, 19);

        var relisted = Ranking.Trending([Listed("2026-08-13", 2), Listed("2026-08-19", 27), Listed("2026-08-20", 90)], edition);

        Assert.Equal(Math.Log(1 + 2 * Math.Pow(4, -6) + 25), relisted, 9);
    }

    [Fact]
    public void Relevance_adds_at_most_one_to_the_trending_score_and_the_best_match_gets_all_of_it()
    {
        Assert.Equal(3.0 + 1.0, Ranking.Blend(3.0, bm25: -4.2, bestBm25: -4.2), 9);
        Assert.Equal(3.0 + 0.25, Ranking.Blend(3.0, bm25: -1.05, bestBm25: -4.2), 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(500)]
    public void Sorting_only_the_best_gives_the_head_of_a_full_sort(int take)
    {
        var random = new Random(take);
        // Few distinct scores, so most of the order comes from the tie ranks.
        var scored = Enumerable.Range(0, 500).Select(i => new Scored(random.Next(20) / 4.0, random.Next(100_000) * 500 + i, i)).ToArray();
        var full = scored.OrderByDescending(s => s.Score).ThenBy(s => s.TieRank).Take(take).ToArray();

        Ranking.SortBest(scored, take);

        Assert.Equal(full, scored.Take(take));
    }

    [Fact]
    public async Task Everyones_list_of_2026_08_14_puts_todays_hot_papers_above_yesterdays_most_voted()
    {
        await _fixture.AddAsync("all@example.org", "--max-papers", "11");

        Assert.Equal(Everyone0814, await _fixture.PreviewAsync("all@example.org", "2026-08-14"));
    }

    [Fact]
    public async Task A_topic_list_blends_relevance_so_a_better_match_can_pass_a_paper_with_more_votes()
    {
        _fixture.WithTopic("bots", "robot", "embodied", "manipulation", "vision-language-action");
        await _fixture.AddAsync("bots@example.org", "--topics", "bots", "--max-papers", "50");

        var ids = await _fixture.PreviewAsync("bots@example.org", "2026-08-14");

        // Checked by hand with Python's own SQLite FTS5 over the same database: trending + bm25 / best bm25.
        // 2608.06729 (1 vote on 08-13) passes 2608.11350 and 2608.12313 (2 votes each, same day): it matches better.
        Assert.Equal(["2608.13489", "2608.12743", "2608.13049", "2608.06729", "2608.11350", "2608.12313", "2608.11574"], ids);
    }
}
