using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigestService.Operations.Health;

/// <summary>
/// Degraded when a configured source has not worked for Health:FeedStaleAfter, or its latest attempt failed,
/// naming it and its last error.
/// </summary>
public sealed class FeedHealthCheck(FeedSourceStore sources, IOptions<FeedOptions> feed, IOptions<HealthOptions> health, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = (await sources.StatusAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var staleBefore = clock.GetUtcNow() - health.Value.FeedStaleAfter;
        var stale = new List<string>();
        foreach (var source in feed.Value.EffectiveSources)
        {
            status.TryGetValue(source.Name, out var known);
            if (known?.LastSuccessAt is { } success && success >= staleBefore && !(known.LastErrorAt > success))
                continue;
            var when = known?.LastSuccessAt is { } at ? $"last success {Iso.Instant(at)}" : "never succeeded";
            var error = known?.LastError is { } reason ? $", last error {Iso.Instant(known.LastErrorAt!.Value)}: {reason}" : "";
            stale.Add($"{source.Name}: {when}{error}");
        }
        return stale.Count == 0
            ? HealthCheckResult.Healthy($"{feed.Value.EffectiveSources.Count} source(s) fresh")
            : HealthCheckResult.Degraded(string.Join("; ", stale));
    }
}
