using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Feed;

/// <summary>
/// Spaces requests to the hosts listed in Feed:HostIntervals (arXiv asks for one request every three seconds).
/// A host matches its own entry or its parent domain's; all hosts under one entry share one queue.
/// </summary>
public sealed class HostPoliteness(IOptions<FeedOptions> options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until this request may go; each caller reserves the next free slot, so waiters queue in order.</summary>
    public Task WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        if (Rule(host) is not { } rule || rule.Interval <= TimeSpan.Zero)
            return Task.CompletedTask;
        TimeSpan wait;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var slot = _nextSlot.TryGetValue(rule.Domain, out var next) && next > now ? next : now;
            _nextSlot[rule.Domain] = slot + rule.Interval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, cancellationToken) : Task.CompletedTask;
    }

    private (string Domain, TimeSpan Interval)? Rule(string host)
    {
        foreach (var (domain, interval) in options.Value.HostIntervals)
        {
            if (host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
                return (domain, interval);
        }
        return null;
    }
}
