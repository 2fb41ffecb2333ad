using System.CommandLine;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>subscribers add EMAIL [options]</c>: adds one subscriber or updates the one with that address.</summary>
public sealed class SubscribersAddVerb(SubscriberStore store, SubscriberRules rules, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL";

    public static Command Define() => new("add", "Add one subscriber, or update the one with that address; options not given stay as stored.")
    {
        new Argument<string>(EmailArgument) { Description = "The subscriber's email address." },
        VerbOptions.Switch("--confirmed", "Make them active at once, without a confirmation email."),
        VerbOptions.Text("--topics", "a,b", "Topic keys from the catalog, comma-separated."),
        VerbOptions.Text("--keywords", "\"x, y\"", "Keyword phrases, comma-separated."),
        VerbOptions.Text("--authors", "\"A. Name, Other Name\"", "Authors to follow, comma-separated: their new papers always come in the digest (names match regardless of case, accents and initials)."),
        VerbOptions.Text("--timezone", "IANA", "Their time zone, such as Europe/Paris."),
        VerbOptions.WholeNumber("--hour", SubscriberRules.Hours, "The local hour their digest is sent."),
        VerbOptions.Text("--frequency", "daily|weekly", "How often they get a digest."),
        VerbOptions.WholeNumber("--weekday", SubscriberRules.Weekdays, "For weekly digests, the day: 0 = Sunday ... 6 = Saturday."),
        VerbOptions.WholeNumber("--max-papers", SubscriberRules.PapersPerEmail, "At most this many papers per digest."),
    };

    public static IReadOnlyList<string> Examples { get; } =
        ["DigestService subscribers add ada@example.org --confirmed --topics llm,agents --keywords \"retrieval, rlhf\" --authors \"J. Doe, Ada Lovelace\" --timezone Europe/Paris --hour 8"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var email = Address(parsed.GetRequiredValue<string>(EmailArgument));
        var timeZone = parsed.GetValue<string?>("--timezone");
        if (timeZone is not null && !SubscriberRules.IsKnownTimeZone(timeZone))
            throw new UsageException($"--timezone must be an IANA time zone such as Europe/Paris, got '{timeZone}'");
        var frequencyText = parsed.GetValue<string?>("--frequency");
        Frequency? frequency = null;
        if (frequencyText is not null)
            frequency = FrequencyNames.TryParse(frequencyText, out var parsedFrequency) ? parsedFrequency
                : throw new UsageException($"--frequency must be {FrequencyNames.Daily} or {FrequencyNames.Weekly}, got '{frequencyText}'");
        var topics = List(parsed.GetValue<string?>("--topics"));
        if (topics is not null && rules.CheckTopics(topics.Split(',', StringSplitOptions.RemoveEmptyEntries)).Unknown is { } unknown)
            throw new UsageException($"--topics: no topic '{unknown}' in the catalog (known: {string.Join(", ", rules.Catalog.Topics.Select(t => t.Key))})");
        var keywords = parsed.GetValue<string?>("--keywords");
        if (keywords is not null && rules.KeywordsProblem(keywords) is { } problem)
            throw new UsageException($"--keywords: {problem}");
        var authorsText = parsed.GetValue<string?>("--authors");
        string? authors = null;
        if (authorsText is not null)
        {
            var (names, authorsProblem) = rules.CheckAuthors(authorsText);
            authors = authorsProblem is null ? string.Join(", ", names) : throw new UsageException($"--authors: {authorsProblem}");
        }
        var change = new SubscriberChange(email)
        {
            Status = parsed.GetValue<bool>("--confirmed") ? SubscriberStatus.Active : null,
            Topics = topics,
            Keywords = List(keywords),
            Authors = authors,
            TimeZone = timeZone,
            DeliveryHour = parsed.GetValue<int?>("--hour"),
            Frequency = frequency,
            WeeklyDay = parsed.GetValue<int?>("--weekday"),
            MaxPapers = parsed.GetValue<int?>("--max-papers"),
        };
        var id = await store.UpsertAsync(change, cancellationToken);
        var saved = await store.FindByIdAsync(id, cancellationToken);
        await console.Out.WriteLineAsync($"{saved!.Email}: {saved.Status}");
        return 0;
    }

    /// <summary>The address, checked by the validator the web and imports use too.</summary>
    private static string Address(string input) => AddressValidator.Validate(input) switch
    {
        { Address: { } address } => address,
        var (_, problem) => throw new UsageException($"'{input}': {problem}"),
    };

    private static string? List(string? text) =>
        text is null ? null : string.Join(",", text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
