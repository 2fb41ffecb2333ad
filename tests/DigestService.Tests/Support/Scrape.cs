using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestService.Tests.Support;

/// <summary>A Prometheus text exposition read into samples, each keyed as <c>name{a="x",b="y"}</c> with labels sorted.</summary>
public static partial class Scrape
{
    public static IReadOnlyDictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var match = Sample().Match(line.Trim());
            if (!match.Success)
                continue;
            var labels = Label().Matches(match.Groups["labels"].Value).Select(l => $"{l.Groups[1].Value}=\"{l.Groups[2].Value}\"").Order(StringComparer.Ordinal);
            var key = match.Groups["name"].Value + (labels.Any() ? "{" + string.Join(",", labels) + "}" : "");
            samples[key] = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return samples;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
