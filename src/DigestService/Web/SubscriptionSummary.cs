using System.Globalization;
using DigestService.Config;
using DigestService.Store;

namespace DigestService.Web;

/// <summary>A subscriber's saved settings in one sentence, as the pages show them.</summary>
public static class SubscriptionSummary
{
    /// <summary>"one email a day at 07:00 (Europe/Paris) with up to 10 trending papers in …".</summary>
    public static string Schedule(Subscriber subscriber, TopicCatalogOptions catalog)
    {
        var when = subscriber.Frequency == Frequency.Weekly
            ? $"one email every {(DayOfWeek)subscriber.WeeklyDay}"
            : "one email a day";
        var topics = TopicSelection.Labels(catalog, subscriber.TopicKeys);
        var keywords = string.Join(", ", subscriber.KeywordPhrases.Select(k => $"“{k}”"));
        var what = (topics, keywords) switch
        {
            ("", "") => "across all topics",
            (_, "") => $"in {topics}",
            ("", _) => $"matching {keywords}",
            _ => $"in {topics}, or matching {keywords}",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{when} at {subscriber.DeliveryHour:00}:00 ({subscriber.TimeZone}) with up to {subscriber.MaxPapers} trending papers {what}");
    }

    /// <summary>Where the subscription stands and, after a colon, what they get.</summary>
    public static string Describe(Subscriber subscriber, TopicCatalogOptions catalog, DateTimeOffset now)
    {
        var state = subscriber.Status switch
        {
            SubscriberStatus.Pending => "Not confirmed yet. Once confirmed you get",
            SubscriberStatus.Unsubscribed => "Unsubscribed: you get nothing. Resubscribed you would get",
            SubscriberStatus.Bounced => "Stopped, because emails to this address bounced. Resubscribed you would get",
            _ when PausedUntil(subscriber, now) is { Length: > 0 } until => $"Paused until {until}. Then you get",
            _ => "Active: you get",
        };
        return $"{state} {Schedule(subscriber, catalog)}.";
    }

    /// <summary>The local date a pause ends, written out, or "" when the subscriber is not paused.</summary>
    public static string PausedUntil(Subscriber subscriber, DateTimeOffset now)
    {
        if (subscriber.PausedUntil is null)
            return "";
        var until = Iso.ParseInstant(subscriber.PausedUntil);
        if (until <= now)
            return "";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(until, zone).ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);
    }
}
