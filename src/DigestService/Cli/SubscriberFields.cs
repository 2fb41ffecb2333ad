using System.Globalization;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary>A subscriber's optional settings as an operator writes them (options of `add`, columns of `import`); null keeps the stored value.</summary>
public sealed record SubscriberFields(string? Topics, string? Keywords, string? TimeZone, string? Hour, string? Frequency, string? Weekday, string? MaxPapers)
{
    /// <summary>Authors to follow, comma-separated.</summary>
    public string? Authors { get; init; }

    /// <summary>
    /// The change these fields make to <paramref name="email"/>, checked by <see cref="SubscriberRules"/>, or the first
    /// field that is wrong, named by <paramref name="name"/> (given the column name: max_papers, …).
    /// </summary>
    public (SubscriberChange? Change, string? Error) Check(string email, string? status, SubscriberRules rules, Func<string, string> name)
    {
        if (TimeZone is not null && !SubscriberRules.IsKnownTimeZone(TimeZone))
            return (null, $"{name("timezone")} must be an IANA time zone such as Europe/Paris, got '{TimeZone}'");
        Frequency? frequency = null;
        if (Frequency is not null)
        {
            if (!FrequencyNames.TryParse(Frequency, out var parsed))
                return (null, $"{name("frequency")} must be {FrequencyNames.Daily} or {FrequencyNames.Weekly}, got '{Frequency}'");
            frequency = parsed;
        }
        var topics = List(Topics);
        if (topics is not null && rules.CheckTopics(topics.Split(',', StringSplitOptions.RemoveEmptyEntries)).Unknown is { } unknown)
            return (null, $"{name("topics")}: no topic '{unknown}' in the catalog (known: {string.Join(", ", rules.Catalog.Topics.Select(t => t.Key))})");
        if (Keywords is not null && rules.KeywordsProblem(Keywords) is { } problem)
            return (null, $"{name("keywords")}: {problem}");
        string? authors = null;
        if (Authors is not null)
        {
            var (names, authorsProblem) = rules.CheckAuthors(Authors);
            if (authorsProblem is not null)
                return (null, $"{name("authors")}: {authorsProblem}");
            authors = string.Join(", ", names);
        }
        string? error = null;
        var change = new SubscriberChange(email)
        {
            Status = status,
            Topics = topics,
            Keywords = List(Keywords),
            Authors = authors,
            TimeZone = TimeZone,
            DeliveryHour = Int(Hour, "hour", SubscriberRules.Hours),
            Frequency = frequency,
            WeeklyDay = Int(Weekday, "weekday", SubscriberRules.Weekdays),
            MaxPapers = Int(MaxPapers, "max_papers", SubscriberRules.PapersPerEmail),
        };
        return error is null ? (change, null) : (null, error);

        int? Int(string? text, string field, (int Min, int Max) range)
        {
            if (text is null)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && SubscriberRules.Within(range, value))
                return value;
            error ??= $"{name(field)} must be a whole number from {range.Min} to {range.Max}, got '{text}'";
            return null;
        }
    }

    private static string? List(string? text) =>
        text is null ? null : string.Join(",", text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
