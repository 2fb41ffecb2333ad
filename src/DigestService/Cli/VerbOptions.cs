using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using DigestService.Digest;

namespace DigestService.Cli;

/// <summary>Options several verbs take, parsed once, each refusing a bad value with the same one-line message.</summary>
public static class VerbOptions
{
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => Parse<DateOnly?>(result, text =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && EditionRange.Contains(date) ? date : null,
            $"{name} must be a date written YYYY-MM-DD from {EditionRange.First:yyyy-MM-dd} on"),
    };

    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ISO-INSTANT",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => Parse<DateTimeOffset?>(result, text =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            $"{name} must be an ISO-8601 instant such as 2026-08-19T07:00:00Z"),
    };

    public static Option<int?> WholeNumber(string name, (int Min, int Max) range, string description) => new(name)
    {
        Description = description,
        HelpName = $"{range.Min}-{range.Max}",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => Parse<int?>(result, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= range.Min && value <= range.Max ? value : null,
            $"{name} must be a whole number from {range.Min} to {range.Max}"),
    };

    public static Option<string?> Text(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.ExactlyOne,
    };

    public static Option<bool> Switch(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    private static T? Parse<T>(ArgumentResult result, Func<string, T?> parse, string expected)
    {
        if (result.Tokens.Count == 0)
            return default;
        var text = result.Tokens[0].Value;
        if (parse(text) is { } value)
            return value;
        result.AddError($"{expected}, got '{text}'");
        return default;
    }
}
