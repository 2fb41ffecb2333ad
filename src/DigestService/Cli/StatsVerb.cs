using System.CommandLine;
using System.Globalization;
using DigestService.Config;
using DigestService.Papers;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Cli;

/// <summary><c>stats</c>: one <c>name: N</c> line per counter, then one line per configured feed source.</summary>
public sealed class StatsVerb(StatsStore stats, FeedSourceStore sources, IOptions<FeedOptions> feed, CliConsole console) : IVerb
{
    public static Command Define() => new("stats",
        "Print one 'name: N' line per counter (papers, subscribers by status, deliveries by state), then 'source NAME: last success ...' per feed source.");

    public static IReadOnlyList<string> Examples { get; } = ["DigestService stats"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in await stats.ReadAsync(cancellationToken))
            await console.Out.WriteLineAsync($"{name}: {value}");
        var statuses = (await sources.StatusAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var source in feed.Value.EffectiveSources)
            await console.Out.WriteLineAsync(SourceLine(source.Name, statuses.GetValueOrDefault(source.Name)));
        return 0;
    }

    /// <summary><c>source NAME: last success TIME</c>, with the last error when it came after that success.</summary>
    private static string SourceLine(string name, SourceStatus? status)
    {
        var line = $"source {name}: last success {Time(status?.LastSuccessAt)}";
        return status is { LastErrorAt: { } errorAt, LastError: { } error } && !(status.LastSuccessAt > errorAt)
            ? $"{line}, last error {Time(errorAt)}: {Text.CollapseWhitespace(error)}"
            : line;
    }

    private static string Time(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never";
}
