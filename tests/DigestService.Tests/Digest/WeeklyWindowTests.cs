using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>A weekly digest covers the week; a daily one only Feed:WindowDays (here 3) days.</summary>
public class WeeklyWindowTests : IAsyncLifetime
{
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(1, "2026-08-13", "2026-08-19");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_weekly_subscriber_gets_the_papers_of_the_last_seven_days_a_daily_one_those_of_the_window()
    {
        _fixture.App.With("Feed:WindowDays", "3");
        await _fixture.AddAsync("daily@example.org", "--max-papers", "100");
        await _fixture.AddAsync("weekly@example.org", "--max-papers", "100", "--frequency", "weekly");

        var daily = await _fixture.PreviewAsync("daily@example.org", "2026-08-19");
        var weekly = await _fixture.PreviewAsync("weekly@example.org", "2026-08-19");

        // 2026-08-13 is six days before 08-19: in the week, not in the three-day window. 2608.12313 is on both days.
        Assert.Equal(26, daily.Count);
        Assert.Equal(20 + 26 - 1, weekly.Count);
        Assert.Subset(weekly.ToHashSet(), daily.ToHashSet());
    }
}
