using Quartz;

namespace DigestService.Jobs;

/// <summary>
/// Quartz recomputes cron triggers from "now" when the scheduler starts, so a fire time that passed while the service
/// was down is silently skipped. This finds such a fire time so the job can be run at start-up instead.
/// </summary>
public static class MissedRun
{
    /// <summary>True when the cron had a fire time after <paramref name="lastRun"/> and up to <paramref name="now"/>.</summary>
    public static bool WasMissed(string cron, TimeZoneInfo zone, DateTimeOffset? lastRun, DateTimeOffset now)
    {
        if (lastRun is null)
            return true;
        return new CronExpression(cron, zone).GetNextValidTimeAfter(lastRun.Value) is { } next && next <= now;
    }
}
