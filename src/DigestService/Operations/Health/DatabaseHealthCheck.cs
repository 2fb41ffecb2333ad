using DigestService.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigestService.Operations.Health;

/// <summary>The database opens and has every migration this build ships: without it nothing works.</summary>
public sealed class DatabaseHealthCheck(OperationsStore operations, SqlCatalog sql) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var applied = await operations.AppliedMigrationsAsync(cancellationToken);
            var missing = sql.Migrations.Select(m => m.Name).Where(name => !applied.Contains(name)).ToList();
            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{applied.Count} migrations applied")
                : HealthCheckResult.Unhealthy($"migrations not applied: {string.Join(", ", missing)}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"cannot read the database: {e.Message}");
        }
    }
}
