using DigestService.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace DigestService.Tests.Jobs;

public class MissedRunTests
{
    private const string DailyAtSix = "0 0 6 * * ?";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void A_fire_time_that_passed_while_the_service_was_down_is_caught_up()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 17, 5, 30, 0, TimeSpan.Zero)); // 07:30 in Paris
        var lastRun = new DateTimeOffset(2026, 8, 16, 4, 0, 0, TimeSpan.Zero); // yesterday 06:00 Paris

        Assert.True(MissedRun.WasMissed(DailyAtSix, Paris, lastRun, clock.GetUtcNow()));
    }

    [Fact]
    public void Nothing_is_caught_up_when_the_last_run_was_after_the_latest_fire_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 17, 3, 30, 0, TimeSpan.Zero)); // 05:30 in Paris
        var lastRun = new DateTimeOffset(2026, 8, 16, 4, 0, 1, TimeSpan.Zero);

        Assert.False(MissedRun.WasMissed(DailyAtSix, Paris, lastRun, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(1)); // 06:30 Paris: today's 06:00 has now passed
        Assert.True(MissedRun.WasMissed(DailyAtSix, Paris, lastRun, clock.GetUtcNow()));
    }

    [Fact]
    public void A_job_that_never_ran_is_run_at_start()
    {
        Assert.True(MissedRun.WasMissed(DailyAtSix, Paris, null, DateTimeOffset.UtcNow));
    }
}
