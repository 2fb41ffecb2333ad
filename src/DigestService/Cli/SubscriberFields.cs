using System.Globalization;
using DigestService.Config;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary>A subscriber's optional settings as an operator writes them (options of `add`, columns of `import`); null keeps the stored value.</summary>
public sealed record SubscriberFields(string? Topics, string? Keywords, string? TimeZone, string? Hour, string? Frequency, string? Weekday, string? MaxPapers)
{
    /// <summary>
    /// The change these fields make to <paramref name="email"/>, or the first field that is wrong, named by
    /// <paramref name="name"/> (given the column name: max_papers, …).
    /// </summary>
    public (SubscriberChange? Change, string? Error) Check(string email, string? status, TopicCatalogOptions catalog, Func<string, string> name)
    {
        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            return (null, $"{name("timezone")} must be an IANA time zone such as Europe/Paris, got '{TimeZone}'");
        if (Frequency is not null and not ("daily" or "weekly"))
            return (null, $"{name("frequency")} must be daily or weekly, got '{Frequency}'");
        var topics = List(Topics);
        if (topics?.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(key => catalog.Find(key) is null) is { } unknown)
            return (null, $"{name("topics")}: no topic '{unknown}' in the catalog (known: {string.Join(", ", catalog.Topics.Select(t => t.Key))})");
        string? error = null;
        var change = new SubscriberChange(email)
        {
            Status = status,
            Topics = topics,
            Keywords = List(Keywords),
            TimeZone = TimeZone,
            DeliveryHour = Int(Hour, "hour", 0, 23),
            Frequency = Frequency,
            WeeklyDay = Int(Weekday, "weekday", 0, 6),
            MaxPapers = Int(MaxPapers, "max_papers", 1, 100),
        };
        return error is null ? (change, null) : (null, error);

        int? Int(string? text, string field, int min, int max)
        {
            if (text is null)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                return value;
            error ??= $"{name(field)} must be a whole number from {min} to {max}, got '{text}'";
            return null;
        }
    }

    private static string? List(string? text) =>
        text is null ? null : string.Join(",", text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
