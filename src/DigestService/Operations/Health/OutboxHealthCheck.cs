using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigestService.Operations.Health;

/// <summary>Degraded when a due delivery has waited longer than Health:OutboxLagAfter: sending has stalled.</summary>
public sealed class OutboxHealthCheck(OperationsStore operations, IOptions<HealthOptions> health, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await operations.OutboxLagAsync(cancellationToken);
        var waited = lag.OldestDue is { } due ? clock.GetUtcNow() - due : TimeSpan.Zero;
        var description = $"{lag.Pending} pending, oldest due waiting {waited:c}";
        return waited > health.Value.OutboxLagAfter ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}
