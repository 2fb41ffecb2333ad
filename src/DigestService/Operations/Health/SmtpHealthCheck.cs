using DigestService.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigestService.Operations.Health;

/// <summary>
/// Connects to the mail server as a send would (connect, EHLO, TLS, login) and says QUIT. The answer is kept for a
/// minute, so a probe every few seconds does not become a connection every few seconds. A server that cannot be
/// reached is Degraded, not Unhealthy: the pages still work, mail waits in the outbox, and restarting would not help.
/// </summary>
public sealed class SmtpHealthCheck(IMailTransport transport, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _probing = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < CacheFor)
                return last.Result;
            var result = await ProbeAsync(cancellationToken);
            _last = (result, clock.GetUtcNow());
            return result;
        }
        finally
        {
            _probing.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        try
        {
            await using var connection = await transport.ConnectAsync(cancellationToken);
            return HealthCheckResult.Healthy($"connected at {Store.Iso.Instant(at)}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"cannot connect at {Store.Iso.Instant(at)}: {e.Message}");
        }
    }
}
