using System.Threading.Channels;
using System.Threading.RateLimiting;
using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using Microsoft.Extensions.Options;

namespace DigestService.Delivery;

/// <summary>
/// Sends what the outbox holds. A send's pipeline hands the digests it queues straight to Smtp:MaxConnections workers,
/// each with its own reused connection; then one loop claims what else is due in batches under a lease. A recorder
/// writes the outcomes in group commits. Messages are rendered before they reach a connection, so connections wait on
/// neither templates nor queries. Transient failures come
/// back with exponential backoff within the run until Delivery:MaxAttempts; the run ends when nothing is due or
/// waiting, or pauses after Delivery:MaxConsecutiveErrors failures in a row. Cancelling it (SIGTERM, SIGINT) stops it
/// the same way: no more claims, each connection finishes the message it is sending, every other claimed row goes back
/// at once (no lease to wait out), and the summary says it stopped.
/// </summary>
public sealed partial class OutboxSender(
    DeliveryStore outbox,
    IMailTransport transport,
    BounceMailbox bounceMailbox,
    IOptions<DeliveryOptions> delivery,
    IOptions<SmtpOptions> smtp,
    IOptions<ShutdownOptions> shutdown,
    DigestMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>Reads the bounce mailbox first, so what it reports is suppressed before the claim, then drains the outbox.</summary>
    public Task<DrainSummary> DrainAsync(CancellationToken cancellationToken = default) => DrainAsync(null, cancellationToken);

    /// <summary>
    /// As <see cref="DrainAsync(CancellationToken)"/>, while <paramref name="fill"/> queues new digests and hands them to
    /// the connections through the <see cref="OutboxFeed"/> it is given; the claim loop takes over once it is done.
    /// </summary>
    public async Task<DrainSummary> DrainAsync(Func<OutboxFeed, Task>? fill, CancellationToken cancellationToken = default)
    {
        var bounces = await bounceMailbox.CheckAsync(cancellationToken);
        await outbox.CancelSuppressedAsync(cancellationToken);
        using var run = new SendRun(delivery.Value.MaxConsecutiveErrors);
        using var limiter = RateLimiterFor(smtp.Value);
        // One batch waits in memory while the next is claimed, so connections do not wait on the claim; the rest stay
        // in the database, and memory does not grow with the list.
        var rows = Channel.CreateBounded<OutboxRow>(new BoundedChannelOptions(ClaimSize(smtp.Value, delivery.Value)) { SingleWriter = true });
        var recorder = new OutcomeRecorder(outbox, run);
        var recording = recorder.RunAsync();
        // A stop pauses the run; messages in flight keep going until three quarters of Shutdown:Timeout have passed,
        // which leaves the rest of it for giving rows back and stopping.
        using var abort = new CancellationTokenSource();
        await using var stopping = cancellationToken.Register(() =>
        {
            run.Pause(StoppingReason);
            abort.CancelAfter(shutdown.Value.Timeout * 0.75);
        });
        await using var early = new EarlyConnection(transport, abort.Token);
        var workers = Enumerable.Range(0, smtp.Value.MaxConnections)
            .Select(_ => new SendWorker(transport, early, rows.Reader, recorder, run, limiter, delivery.Value, smtp.Value, metrics, clock, logger))
            .Select(worker => Task.Run(() => RunWorkerAsync(worker, run, abort.Token), CancellationToken.None))
            .ToList();
        try
        {
            if (fill is not null)
                await fill(new OutboxFeed(run, rows.Writer, recorder, smtp.Value.MessagesPerSecond > 0 ? ClaimSize(smtp.Value, delivery.Value) : int.MaxValue, early));
            await ClaimAsync(run, rows.Writer, recorder, abort.Token);
        }
        finally
        {
            rows.Writer.TryComplete();
            try
            {
                await Task.WhenAll(workers);
            }
            finally
            {
                // Rows no worker took (the run paused, or a worker failed) go back for the next run.
                var left = new List<OutboxRow>();
                while (rows.Reader.TryRead(out var row))
                    left.Add(row);
                await recorder.GiveBackAsync(left);
                recorder.Complete();
                await recording;
            }
        }
        var summary = run.Summary() with { Bounces = bounces };
        if (summary.StoppedBecause is StoppingReason)
            LogStoppedByShutdown(summary.Sent);
        else if (summary.StoppedBecause is { } reason)
            LogStopped(reason);
        return summary;
    }

    public const string StoppingReason = "the process is stopping; the rest is given back for the next run";

    /// <summary>
    /// Rows claimed at a time: Delivery:BatchSize, but under a slow Smtp:MessagesPerSecond no more than the rate sends in
    /// a third of Delivery:LeaseDuration. About two claims wait in memory, so no claimed row outlives its lease and is
    /// taken up, and sent again, by another run.
    /// </summary>
    public static int ClaimSize(SmtpOptions smtp, DeliveryOptions delivery) => smtp.MessagesPerSecond <= 0
        ? delivery.BatchSize
        : (int)Math.Clamp(smtp.MessagesPerSecond * delivery.LeaseDuration.TotalSeconds / 3, 1, delivery.BatchSize);

    /// <summary>Claims due rows until none is due and none is out; between claims, waits for retries to fall due.</summary>
    private async Task ClaimAsync(SendRun run, ChannelWriter<OutboxRow> rows, OutcomeRecorder recorder, CancellationToken cancellationToken)
    {
        while (!run.IsPaused)
        {
            var batch = await outbox.ClaimAsync(run.Owner, ClaimSize(smtp.Value, delivery.Value), cancellationToken);
            if (batch.Count > 0)
            {
                if (!await HandOutAsync(run, rows, recorder, batch, cancellationToken))
                    return;
                continue;
            }
            // Outstanding first: an outcome is committed before it stops counting, so a retry it scheduled is seen below.
            var nothingOut = run.Outstanding == 0;
            var next = await outbox.NextDueAsync(run.Owner, cancellationToken);
            if (next is null && nothingOut)
                return;
            var wait = next is { } due ? TimeSpan.FromTicks(Math.Max(0, (due - clock.GetUtcNow()).Ticks)) : Timeout.InfiniteTimeSpan;
            await run.WaitForChangeAsync(wait, clock, cancellationToken);
        }
    }

    /// <summary>
    /// Hands claimed rows to the connections. When the run pauses or is cancelled meanwhile, the rows not handed out go
    /// back at once (no lease to wait out) and it returns false (or throws, cancelled).
    /// </summary>
    internal static async Task<bool> HandOutAsync(SendRun run, ChannelWriter<OutboxRow> rows, OutcomeRecorder recorder, IReadOnlyList<OutboxRow> batch, CancellationToken cancellationToken)
    {
        run.Claimed(batch.Count);
        using var handOut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.PausedToken);
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await rows.WriteAsync(batch[i], handOut.Token);
            }
            catch (OperationCanceledException)
            {
                await recorder.GiveBackAsync(batch.Skip(i).ToList());
                cancellationToken.ThrowIfCancellationRequested();
                return false;
            }
        }
        return true;
    }

    /// <summary>A worker that fails (a broken database, say) pauses the run, so the others stop and nothing waits on it.</summary>
    private static async Task RunWorkerAsync(SendWorker worker, SendRun run, CancellationToken cancellationToken)
    {
        try
        {
            await worker.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Pause($"a connection failed: {e.Message}");
            throw;
        }
    }

    /// <summary>Smtp:MessagesPerSecond as a token bucket refilled every ~100 ms, so the rate holds without bursts.</summary>
    private static RateLimiter? RateLimiterFor(SmtpOptions smtp)
    {
        if (smtp.MessagesPerSecond <= 0)
            return null;
        var perPeriod = Math.Max(1, (int)Math.Round(smtp.MessagesPerSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perPeriod / smtp.MessagesPerSecond),
            QueueLimit = smtp.MaxConnections,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending stopped for shutdown after {Sent} sent; unsent rows given back")]
    private partial void LogStoppedByShutdown(int sent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending stopped: {Reason}")]
    private partial void LogStopped(string reason);
}
