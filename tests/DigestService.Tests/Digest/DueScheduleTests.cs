using System.Globalization;
using DigestService.Digest;
using DigestService.Store;
using Microsoft.Extensions.Time.Testing;

namespace DigestService.Tests.Digest;

/// <summary>
/// The due rule on a fake clock: the scheduler's every-five-minutes loop, simulated over days, recording when each
/// edition went out. Time zones are the machine's real IANA rules.
/// </summary>
public class DueScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Runs the send-due check every five minutes from <paramref name="from"/> to <paramref name="to"/>; the subscriber's
    /// local date at <paramref name="from"/> counts as already sent.</summary>
    private static List<(DateTimeOffset At, DateOnly Edition)> Simulate(Subscriber subscriber, DateTimeOffset from, DateTimeOffset to)
    {
        var clock = new FakeTimeProvider(from);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscriber.TimeZone);
        DateOnly? last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var sent = new List<(DateTimeOffset, DateOnly)>();
        while (clock.GetUtcNow() <= to)
        {
            if (DueSchedule.DueEdition(subscriber, last, clock.GetUtcNow()) is { } edition)
            {
                sent.Add((clock.GetUtcNow(), edition));
                last = edition;
            }
            clock.Advance(TimeSpan.FromMinutes(5));
        }
        return sent;
    }

    private static Subscriber At(string zone, int hour) => new() { Id = 1, TimeZone = zone, DeliveryHour = hour };

    [Fact]
    public void Asia_Kolkata_at_hour_7_is_due_at_01_30_utc_each_day()
    {
        var sent = Simulate(At("Asia/Kolkata", 7), Utc("2026-08-18T02:00:00Z"), Utc("2026-08-21T02:00:00Z"));

        Assert.Equal(
            [(Utc("2026-08-19T01:30:00Z"), new DateOnly(2026, 8, 19)), (Utc("2026-08-20T01:30:00Z"), new DateOnly(2026, 8, 20)),
             (Utc("2026-08-21T01:30:00Z"), new DateOnly(2026, 8, 21))],
            sent);
    }

    [Fact]
    public void Pacific_Chatham_at_hour_7_is_due_at_18_15_utc_the_day_before()
    {
        var sent = Simulate(At("Pacific/Chatham", 7), Utc("2026-08-18T19:00:00Z"), Utc("2026-08-20T19:00:00Z"));

        Assert.Equal(
            [(Utc("2026-08-19T18:15:00Z"), new DateOnly(2026, 8, 20)), (Utc("2026-08-20T18:15:00Z"), new DateOnly(2026, 8, 21))],
            sent);
    }

    [Theory]
    // Chatham, 2026-09-27: 02:45 CHAST (+12:45) becomes 03:45 CHADT (+13:45), both 14:00Z on 09-26; hour 3 goes out at 03:45.
    [InlineData("Pacific/Chatham", 3, "2026-09-26T00:00:00Z", "2026-09-26T14:00:00Z", "2026-09-27")]
    // Los Angeles, 2026-03-08: 02:00 PST becomes 03:00 PDT (10:00Z); hour 2 goes out at 03:00.
    [InlineData("America/Los_Angeles", 2, "2026-03-08T05:00:00Z", "2026-03-08T10:00:00Z", "2026-03-08")]
    // Los Angeles, 2026-11-01: 01:00 PDT is 08:00Z, and 01:00 comes again as PST at 09:00Z; hour 1 goes out once.
    [InlineData("America/Los_Angeles", 1, "2026-11-01T05:00:00Z", "2026-11-01T08:00:00Z", "2026-11-01")]
    public void On_a_clock_change_day_the_edition_goes_out_once_at_the_first_moment_its_hour_has_come(
        string zone, int hour, string from, string expectedAt, string expectedEdition)
    {
        var start = Utc(from);

        var sent = Simulate(At(zone, hour), start, start.AddDays(1));

        Assert.Equal([(Utc(expectedAt), DateOnly.Parse(expectedEdition, CultureInfo.InvariantCulture))], sent);
    }

    [Fact]
    public void A_weekly_subscriber_is_due_on_their_local_weekday_only()
    {
        var monday8Tokyo = At("Asia/Tokyo", 8) with { Frequency = Frequency.Weekly, WeeklyDay = (int)DayOfWeek.Monday };

        var sent = Simulate(monday8Tokyo, Utc("2026-08-16T00:00:00Z"), Utc("2026-08-30T00:00:00Z"));

        // 08:00 JST on Monday is 23:00Z on Sunday.
        Assert.Equal(
            [(Utc("2026-08-16T23:00:00Z"), new DateOnly(2026, 8, 17)), (Utc("2026-08-23T23:00:00Z"), new DateOnly(2026, 8, 24))],
            sent);
    }

    [Fact]
    public void A_paused_subscriber_is_due_again_once_the_pause_ends()
    {
        var paused = At("UTC", 7) with { PausedUntil = "2026-08-20T12:00:00.000Z" };

        var sent = Simulate(paused, Utc("2026-08-18T00:00:00Z"), Utc("2026-08-21T12:00:00Z"));

        Assert.Equal([(Utc("2026-08-20T12:00:00Z"), new DateOnly(2026, 8, 20)), (Utc("2026-08-21T07:00:00Z"), new DateOnly(2026, 8, 21))], sent);
    }

    [Fact]
    public void A_day_slept_through_is_not_sent_late_only_today_is()
    {
        var subscriber = At("Europe/Paris", 7);

        var due = DueSchedule.DueEdition(subscriber, new DateOnly(2026, 8, 16), Utc("2026-08-19T10:00:00Z"));

        Assert.Equal(new DateOnly(2026, 8, 19), due);
    }

    [Fact]
    public void Nobody_is_due_before_their_hour_on_their_local_date()
    {
        // 06:59 in Los Angeles is 13:59Z; 07:00 is 14:00Z.
        var subscriber = At("America/Los_Angeles", 7);

        Assert.Null(DueSchedule.DueEdition(subscriber, new DateOnly(2026, 8, 18), Utc("2026-08-19T13:59:00Z")));
        Assert.Equal(new DateOnly(2026, 8, 19), DueSchedule.DueEdition(subscriber, new DateOnly(2026, 8, 18), Utc("2026-08-19T14:00:00Z")));
    }
}
