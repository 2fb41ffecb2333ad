using System.Globalization;
using DigestService.Store;

namespace DigestService.Web;

/// <summary>
/// The preferences form as text: what the page shows, either as saved or as just submitted (so a mistake is shown
/// back for fixing, not lost), and checked into <see cref="SubscriberPreferences"/> with one message per problem.
/// </summary>
public sealed record PreferencesValues(
    IReadOnlyList<string> Topics, string Keywords, string TimeZone, string DeliveryHour, string Frequency, string WeeklyDay, string MaxPapers)
{
    public static PreferencesValues From(Subscriber subscriber) => new(
        subscriber.TopicKeys,
        string.Join(", ", subscriber.KeywordPhrases),
        subscriber.TimeZone,
        Number(subscriber.DeliveryHour),
        FrequencyNames.Of(subscriber.Frequency),
        Number(subscriber.WeeklyDay),
        Number(subscriber.MaxPapers));

    public static PreferencesValues From(PostedForm form) => new(
        form.Values("topics"),
        form.Value("keywords"),
        form.Value("time_zone"),
        form.Value("delivery_hour"),
        form.Value("frequency"),
        form.Value("weekly_day"),
        form.Value("max_papers"));

    /// <summary>The checked preferences, or what to fix.</summary>
    public (SubscriberPreferences? Preferences, string? Error) Check(SubscriberRules rules)
    {
        var (topics, unknown) = rules.CheckTopics(Topics);
        if (unknown is not null)
            return Fail($"Topics: “{Shorten(unknown)}” is not one of the topics listed.");
        if (rules.KeywordsProblem(Keywords) is { } problem)
            return Fail(Keywords.Length > rules.MaxKeywordsLength ? $"Keywords: {problem}. Remove some." : $"Keywords: {problem}.");
        if (!SubscriberRules.IsKnownTimeZone(TimeZone))
            return Fail($"Time zone: “{Shorten(TimeZone)}” is not a time zone name such as Europe/Paris; pick one from the list.");
        if (!TryNumber(DeliveryHour, SubscriberRules.Hours, out var hour))
            return Fail("Delivery time: choose an hour from 00:00 to 23:00.");
        if (!FrequencyNames.TryParse(Frequency, out var frequency))
            return Fail("How often: choose every day or once a week.");
        if (!TryNumber(WeeklyDay, SubscriberRules.Weekdays, out var weekday))
            return Fail("How often: choose a day of the week.");
        if (!TryNumber(MaxPapers, SubscriberRules.PapersPerEmail, out var papers))
            return Fail($"Papers per email: a whole number from {SubscriberRules.PapersPerEmail.Min} to {SubscriberRules.PapersPerEmail.Max}.");
        var keywords = Keywords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (new SubscriberPreferences(topics, keywords, TimeZone, hour, frequency, weekday, papers), null);
    }

    private static (SubscriberPreferences?, string?) Fail(string error) => (null, error);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, (int Min, int Max) range, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && SubscriberRules.Within(range, value);

    /// <summary>Echoes a bad value back without letting a huge one take over the page.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
