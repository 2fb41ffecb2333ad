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
                if (Switches.Contains(name))
                    parsed._options[name] = null;
                else if (i + 1 < args.Count)
                    parsed._options[name] = args[++i];
                else
                    throw new UsageException($"--{name} needs a value");
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
        var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        var text => throw new UsageException($"--{name} must be a date written YYYY-MM-DD, got '{text}'"),
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

    /// <summary>Refuses options the verb does not know, so a typo is not silently ignored.</summary>
    public void Allow(params string[] names)
    {
        if (OptionNames.FirstOrDefault(n => !names.Contains(n)) is { } unknown)
            throw new UsageException($"'{Verb}' does not take --{unknown}");
    }
}
