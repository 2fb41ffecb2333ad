using DigestService.Digest;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>How much an edition reads: its whole ranked list, and a week of listings for weekly subscribers.</summary>
public class EditionWindowTests : IAsyncLifetime
{
    private FixtureApp _fixture = null!;

    // A seven-day ingest window takes in 2026-08-13, -14 and -19.
    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(7, "2026-08-14", "2026-08-19");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_keyword_matching_more_papers_than_the_ranked_head_gets_every_one_of_them()
    {
        await _fixture.AddAsync("many@example.org", "--keywords", "the", "--max-papers", "100");

        var ids = await _fixture.PreviewAsync("many@example.org", "2026-08-19");

        var expected = FixtureApp.PapersMatching(@"\bthe", "2026-08-13", "2026-08-14", "2026-08-19");
        Assert.True(expected.Count > SelectionSession.RankedHead);
        Assert.Equal(expected, ids.ToHashSet());
        Assert.Equal(expected.Count, ids.Count);
    }

    [Fact]
    public async Task A_weekly_subscriber_gets_the_papers_of_the_last_seven_days_a_daily_one_those_of_the_window()
    {
        _fixture.App.With("Feed:WindowDays", "3");
        await _fixture.AddAsync("daily@example.org", "--max-papers", "100");
        await _fixture.AddAsync("weekly@example.org", "--max-papers", "100", "--frequency", "weekly");

        var daily = await _fixture.PreviewAsync("daily@example.org", "2026-08-19");
        var weekly = await _fixture.PreviewAsync("weekly@example.org", "2026-08-19");

        // 08-13 and 08-14 are in the week before 08-19, not in its three-day window; 2608.12313 is listed on 08-13 and 08-19.
        Assert.Equal(26, daily.Count);
        Assert.Equal(20 + 23 + 26 - 1, weekly.Count);
        Assert.Subset(weekly.ToHashSet(), daily.ToHashSet());
    }
}
