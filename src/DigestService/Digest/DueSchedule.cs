namespace DigestService.Digest;

/// <summary>
/// When a subscriber is due: on their current local date, their local delivery hour has come (and, for weekly
/// subscribers, it is their weekday), and they have no edition for that date yet. Only the current local date counts,
/// so a day the service slept through is not sent late: the next edition carries its papers.
/// </summary>
public static class DueSchedule
{
    public static DateOnly? DueEdition(Store.Subscriber subscriber, DateOnly? lastEdition, DateTimeOffset now)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone, out var zone))
            zone = TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < subscriber.DeliveryHour)
            return null;
        if (subscriber.Frequency == "weekly" && (int)local.DayOfWeek != subscriber.WeeklyDay)
            return null;
        if (subscriber.PausedUntil is { } paused && DateTimeOffset.TryParse(paused, out var until) && now < until)
            return null;
        return lastEdition is { } last && last >= today ? null : today;
    }
}
