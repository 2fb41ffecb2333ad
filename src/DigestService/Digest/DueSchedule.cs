using System.Globalization;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// When a subscriber is due: on their current local date, their local delivery hour has come (and, for weekly
/// subscribers, it is their weekday), and they have no edition for that date yet. Only the current local date counts,
/// so a day the service slept through is not sent late: the next edition carries its papers.
/// </summary>
/// <remarks>
/// Local time comes from the zone's rules at that instant, so half- and quarter-hour zones (Asia/Kolkata +05:30,
/// Pacific/Chatham +12:45) need nothing special. "Hour has come" is <c>local hour ≥ delivery hour</c>: on a spring-forward
/// day an hour that does not exist is met by the first hour after it, and on a fall-back day the repeated hour finds the
/// edition already there.
/// </remarks>
public static class DueSchedule
{
    /// <summary>The edition (the subscriber's local date) due at <paramref name="now"/>, or null when none is.</summary>
    public static DateOnly? DueEdition(Subscriber subscriber, DateOnly? lastEdition, DateTimeOffset now)
    {
        if (IsPaused(subscriber, now))
            return null;
        var local = EditionClock.LocalTime(subscriber, now);
        var today = EditionClock.LocalDate(subscriber, now);
        if (local.Hour < subscriber.DeliveryHour)
            return null;
        if (subscriber.Frequency == Frequency.Weekly && (int)local.DayOfWeek != subscriber.WeeklyDay)
            return null;
        return lastEdition is { } last && last >= today ? null : today;
    }

    private static bool IsPaused(Subscriber subscriber, DateTimeOffset now) =>
        subscriber.PausedUntil is { } paused
        && DateTimeOffset.TryParse(paused, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until)
        && now < until;
}
