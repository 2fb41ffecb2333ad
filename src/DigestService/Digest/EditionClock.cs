using DigestService.Store;

namespace DigestService.Digest;

/// <summary>
/// The one place "today" is worked out: an edition is named by a date, the UTC date for the service's own runs
/// (ingest, send, preview) and the subscriber's local date for their due digest.
/// </summary>
public sealed class EditionClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's edition when nobody's time zone is involved: the UTC date.</summary>
    public DateOnly Today => UtcDate(Now);

    public static DateOnly UtcDate(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The subscriber's wall-clock time at <paramref name="at"/>; an unknown zone reads as UTC.</summary>
    public static DateTimeOffset LocalTime(Subscriber subscriber, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>The subscriber's local date at <paramref name="at"/>: the edition due to them that day.</summary>
    public static DateOnly LocalDate(Subscriber subscriber, DateTimeOffset at) => DateOnly.FromDateTime(LocalTime(subscriber, at).DateTime);
}
