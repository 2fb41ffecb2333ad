using System.Threading.Channels;
using DigestService.Store;

namespace DigestService.Delivery;

/// <summary>
/// Writes the outcomes of attempts to the outbox in group commits: whatever has arrived since the last commit goes in
/// one transaction, so many connections share one database write instead of queueing for one each.
/// </summary>
public sealed class OutcomeRecorder(DeliveryStore outbox, SendRun run)
{
    private const int MaxPerCommit = 500;
    private readonly Channel<(DeliveryOutcome Outcome, TaskCompletionSource Done)> _pending =
        Channel.CreateUnbounded<(DeliveryOutcome, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues an outcome; the task completes once it is on disk.</summary>
    public Task Record(DeliveryOutcome outcome)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((outcome, done)))
            done.SetException(new InvalidOperationException("the outbox run has finished recording"));
        return done.Task;
    }

    public void Complete() => _pending.Writer.Complete();

    /// <summary>Gives claimed rows back unsent (the run paused): their attempt does not count, and the next run takes them.</summary>
    public async Task GiveBackAsync(IReadOnlyList<OutboxRow> rows)
    {
        if (rows.Count == 0)
            return;
        await outbox.ReleaseAsync(rows, run.Owner, $"not sent: {run.PausedBecause}");
        run.Settled(rows.Count, retryScheduled: true);
    }

    /// <summary>
    /// Runs until <see cref="Complete"/>. It does not stop on cancellation: a message the server accepted is recorded
    /// even when the run is interrupted, or it would be sent again.
    /// </summary>
    public async Task RunAsync()
    {
        var batch = new List<(DeliveryOutcome Outcome, TaskCompletionSource Done)>(MaxPerCommit);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxPerCommit && _pending.Reader.TryRead(out var item))
                batch.Add(item);
            try
            {
                await outbox.RecordAsync([.. batch.Select(b => b.Outcome)], run.Owner);
            }
            catch (Exception e)
            {
                _pending.Writer.TryComplete(e);
                while (_pending.Reader.TryRead(out var waiting))
                    batch.Add(waiting);
                foreach (var (_, done) in batch)
                    done.SetException(e);
                throw;
            }
            foreach (var (_, done) in batch)
                done.SetResult();
            run.Settled(batch.Count, batch.Any(b => b.Outcome.State == DeliveryState.Retry));
            batch.Clear();
        }
    }
}
