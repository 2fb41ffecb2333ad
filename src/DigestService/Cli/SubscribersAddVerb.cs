using System.CommandLine;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>subscribers add EMAIL [options]</c>: adds one subscriber or updates the one with that address.</summary>
public sealed class SubscribersAddVerb(SubscriberStore store, SubscriberRules rules, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL";

    public static Command Define() => new("add", "Add one subscriber, or update the one with that address; options not given stay as stored. An address that unsubscribed, bounced, complained or was deleted is refused (exit 1).")
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
        var fields = new SubscriberFields(parsed.GetValue<string?>("--topics"), parsed.GetValue<string?>("--keywords"), parsed.GetValue<string?>("--timezone"),
            Text(parsed.GetValue<int?>("--hour")), parsed.GetValue<string?>("--frequency"), Text(parsed.GetValue<int?>("--weekday")), Text(parsed.GetValue<int?>("--max-papers")))
        {
            Authors = parsed.GetValue<string?>("--authors"),
        };
        var (change, problem) = fields.Check(email, parsed.GetValue<bool>("--confirmed") ? SubscriberStatus.Active : null, rules, column => "--" + column.Replace('_', '-'));
        if (change is null)
            throw new UsageException(problem!);
        var result = (await store.UpsertAsync([change], new ChangeCause(ChangeSource.Cli, "subscribers add"), cancellationToken))[0];
        // Someone who unsubscribed, bounced, complained or was deleted comes back only by their own confirmation.
        if (result.Suppression is { } suppression)
        {
            await console.Error.WriteLineAsync(suppression.Refusal(email));
            return 1;
        }
        await console.Out.WriteLineAsync($"{result.Email}: {result.Status}");
        return 0;
    }

    /// <summary>The address, checked by the validator the web and imports use too.</summary>
    public static string Address(string input) => AddressCanonicalizer.Canonicalize(input) switch
    {
        { Address: { } address } => address,
        var (_, problem) => throw new UsageException($"'{input}': {problem}"),
    };

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
