namespace DigestService.Config;

public sealed class ScheduleOptions : ISelfValidatingOptions
{
    public bool Enabled { get; set; } = true;
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Quartz cron (seconds first). The feed's list for a day fills up during the morning, UTC.</summary>
    public string IngestCron { get; set; } = "0 30 */2 * * ?";

    /// <summary>How often due subscribers are looked for; each gets their digest at their own local hour.</summary>
    public string SendCron { get; set; } = "0 */5 * * * ?";

    /// <summary>After an ingest in which a source failed, the next try comes this soon rather than at the next cron slot.</summary>
    public TimeSpan IngestRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<string> Validate()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return $"Schedule:TimeZone is not a known IANA time zone: '{TimeZone}'.";
        if (!Quartz.CronExpression.TryParse(IngestCron, out _))
            yield return $"Schedule:IngestCron is not a valid Quartz cron expression: '{IngestCron}'.";
        if (!Quartz.CronExpression.TryParse(SendCron, out _))
            yield return $"Schedule:SendCron is not a valid Quartz cron expression: '{SendCron}'.";
        if (IngestRetryDelay <= TimeSpan.Zero)
            yield return "Schedule:IngestRetryDelay must be a positive TimeSpan such as 00:10:00.";
    }
}
