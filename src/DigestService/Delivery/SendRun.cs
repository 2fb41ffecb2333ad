using DigestService.Store;

namespace DigestService.Delivery;

/// <summary>
/// The shared state of one outbox run: its lease owner, what its attempts came to, how many claimed rows are still
/// out, and whether it has paused (too many errors in a row, or no way to reach the server).
/// </summary>
public sealed class SendRun(int maxConsecutiveErrors) : IDisposable
{
    private readonly CancellationTokenSource _pause = new();
    private readonly SemaphoreSlim _settled = new(0);
    private readonly Lock _lock = new();
    private int _sent, _retried, _bounced, _failed, _errorsInARow, _outstanding;
    private string? _pausedBecause;

    /// <summary>Unique per run, so a run can tell its own leases from those of a run that died.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public bool IsPaused => _pause.IsCancellationRequested;

    public CancellationToken PausedToken => _pause.Token;

    public string? PausedBecause
    {
        get
        {
            lock (_lock)
                return _pausedBecause;
        }
    }

    public int Outstanding => Volatile.Read(ref _outstanding);

    public void Claimed(int rows) => Interlocked.Add(ref _outstanding, rows);

    /// <summary>
    /// Claimed rows are recorded or given back. The claim loop is woken only when that changes what it would do: a
    /// retry now waits in the outbox, or nothing is out any more and the run may be over.
    /// </summary>
    public void Settled(int rows, bool retryScheduled)
    {
        if (Interlocked.Add(ref _outstanding, -rows) == 0 || retryScheduled)
            _settled.Release();
    }

    /// <summary>Waits until a retry is scheduled, the last row out settles, the run pauses, or <paramref name="wait"/> has passed.</summary>
    public async Task WaitForChangeAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _pause.Token);
        var delay = wait == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, linked.Token) : Task.Delay(wait, clock, linked.Token);
        var settled = _settled.WaitAsync(linked.Token);
        await Task.WhenAny(delay, settled);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Counts one attempt; the run pauses when Delivery:MaxConsecutiveErrors attempts in a row did not get through.</summary>
    public void Attempted(string state, string reply)
    {
        lock (_lock)
        {
            switch (state)
            {
                case DeliveryState.Sent: _sent++; _errorsInARow = 0; return;
                case DeliveryState.Bounced: _bounced++; break;
                case DeliveryState.Failed: _failed++; break;
                default: _retried++; break;
            }
            if (++_errorsInARow >= maxConsecutiveErrors)
                Pause($"{_errorsInARow} attempts in a row failed, the last with: {reply}");
        }
    }

    /// <summary>A connection problem counts as an error in a row too, without being an attempt at a message.</summary>
    public void ConnectFailed(string reason)
    {
        lock (_lock)
        {
            if (++_errorsInARow >= maxConsecutiveErrors)
                Pause($"{_errorsInARow} attempts in a row failed, the last with: {reason}");
        }
    }

    /// <summary>Stops the run taking rows; the first reason is the one reported.</summary>
    public void Pause(string reason)
    {
        lock (_lock)
            _pausedBecause ??= reason;
        _pause.Cancel();
    }

    public DrainSummary Summary()
    {
        lock (_lock)
            return new DrainSummary(_sent, _retried, _bounced, _failed, _pausedBecause);
    }

    public void Dispose()
    {
        _pause.Dispose();
        _settled.Dispose();
    }
}
