using System.Globalization;
using DigestService.Config;
using DigestService.Feed;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Cli;

/// <summary><c>stats</c>: one <c>name: N</c> line per counter, then one line per configured feed source.</summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.Allow(1);
        foreach (var (name, value) in await services.GetRequiredService<StatsStore>().ReadAsync(cancellationToken))
            await output.WriteLineAsync($"{name}: {value}");
        var statuses = (await services.GetRequiredService<FeedSourceStore>().StatusAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var source in services.GetRequiredService<IOptions<FeedOptions>>().Value.EffectiveSources)
            await output.WriteLineAsync(SourceLine(source.Name, statuses.GetValueOrDefault(source.Name)));
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
