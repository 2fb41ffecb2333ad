using DigestService.Digest;
using System.Globalization;

namespace DigestService.Cli;

/// <summary>
/// A parsed command line: the verb words, <c>--name value</c> options, <c>--flag</c> switches, and
/// <c>--Section:Key=value</c> configuration overrides (which go to the host, not to the verb).
/// </summary>
public sealed class Arguments
{
    private static readonly HashSet<string> Switches = ["confirmed", "due", "help"];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public List<string> Words { get; } = [];
    public List<string> ConfigurationArgs { get; } = [];

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=') && arg.IndexOf(':') is > 2 and var colon && colon < arg.IndexOf('='))
                parsed.ConfigurationArgs.Add(arg);
            else if (arg is "--urls" or "--environment" or "--contentRoot")
                parsed.ConfigurationArgs.AddRange([arg, i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value")]);
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                // A missing value is reported by Allow, once it is known whether the verb takes the option at all.
                parsed._options[name] = Switches.Contains(name) || i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? null
                    : args[++i];
            }
            else
                parsed.Words.Add(arg);
        }
        return parsed;
    }

    public string Verb => Words.Count > 0 ? Words[0] : "serve";

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public IEnumerable<string> OptionNames => _options.Keys;

    public string Word(int index, string what) =>
        index < Words.Count ? Words[index] : throw new UsageException($"missing {what}");

    public DateOnly? Date(string name) => Option(name) switch
    {
        null => null,
        var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && EditionRange.Contains(date) => date,
        var text => throw new UsageException($"--{name} must be a date written YYYY-MM-DD from {EditionRange.First:yyyy-MM-dd} on, got '{text}'"),
    };

    public DateTimeOffset? Instant(string name) => Option(name) switch
    {
        null => null,
        var text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
        var text => throw new UsageException($"--{name} must be an ISO-8601 instant such as 2026-08-19T07:00:00Z, got '{text}'"),
    };

    public int? Int(string name, int min, int max) => Option(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        var text => throw new UsageException($"--{name} must be a whole number from {min} to {max}, got '{text}'"),
    };

    /// <summary>
    /// Refuses what the verb does not take — more than <paramref name="words"/> words (the verb's own included), options
    /// it does not know, an option without its value — so a typo is never silently ignored.
    /// </summary>
    public void Allow(int words, params string[] names)
    {
        if (Words.Count > words)
            throw new UsageException($"unexpected argument '{Words[words]}'");
        if (OptionNames.FirstOrDefault(n => !names.Contains(n)) is { } unknown)
            throw new UsageException($"'{Verb}' does not take --{unknown}");
        if (_options.FirstOrDefault(o => o.Value is null && !Switches.Contains(o.Key)).Key is { } bare)
            throw new UsageException($"--{bare} needs a value");
    }
}
