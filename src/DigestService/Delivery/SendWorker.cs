using System.Threading.Channels;
using System.Threading.RateLimiting;
using DigestService.Config;
using DigestService.Store;
using DigestService.Telemetry;
using MailKit.Net.Smtp;

namespace DigestService.Delivery;

/// <summary>
/// One connection's loop: takes claimed rows, sends each stored message over its one reused connection, and hands the
/// outcome to the recorder. It reconnects after a 421 or a drop, says NOOP while idle, and lets the server accept a
/// message only once the previous one's outcome is on disk, so a crash repeats at most one message per connection.
/// </summary>
public sealed partial class SendWorker(
    IMailTransport transport,
    EarlyConnection early,
    ChannelReader<OutboxRow> rows,
    OutcomeRecorder recorder,
    SendRun run,
    RateLimiter? limiter,
    DeliveryOptions delivery,
    SmtpOptions smtp,
    DigestMetrics metrics,
    TimeProvider clock,
    ILogger logger)
{
    private IMailConnection? _connection;
    private Task _previous = Task.CompletedTask;
    private int _connectFailures;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await NextAsync(cancellationToken) is { } row)
            {
                if (run.IsPaused || !await ConnectedAsync(cancellationToken))
                {
                    await recorder.GiveBackAsync([row]);
                    continue;
                }
                if (limiter is not null)
                {
                    using var permit = await limiter.AcquireAsync(1, cancellationToken);
                }
                // The server accepts a message only once the previous one's outcome is on disk, so a crash repeats
                // at most one message per connection. Awaited, not blocked on: a pool thread blocked in MailKit's
                // callback starved the recorder it waited for (deliver alone: 16.4 s blocking, 12.4 s awaiting).
                await _previous;
                if (await AttemptAsync(_connection!, row, cancellationToken) is { } outcome)
                    _previous = recorder.Record(outcome);
                else
                    await recorder.GiveBackAsync([row]);
            }
            await _previous;
        }
        finally
        {
            await DisconnectAsync();
        }
    }

    /// <summary>The next row, or null when the claim loop is done; an idle connection says NOOP meanwhile.</summary>
    private async Task<OutboxRow?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (rows.TryRead(out var row))
                return row;
            using var idle = new CancellationTokenSource(smtp.IdleNoOp, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            try
            {
                if (!await rows.WaitToReadAsync(linked.Token))
                    return null;
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await KeepAliveAsync(cancellationToken);
            }
        }
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { IsConnected: true })
            return;
        try
        {
            await _connection.NoOpAsync(cancellationToken);
        }
        catch (Exception e) when (SmtpOutcome.Classify(e) is not null)
        {
            // The server closed the idle connection; the next message opens a new one.
            DropConnection();
        }
    }

    /// <summary>
    /// Makes sure there is a connection. A server that answers 4xx on connect is busy: wait and try again, counting
    /// errors in a row. Anything else (refused, unknown host, TLS or login failure) will not mend within the run: pause.
    /// </summary>
    private async Task<bool> ConnectedAsync(CancellationToken cancellationToken)
    {
        while (_connection is not { IsConnected: true })
        {
            DropConnection();
            try
            {
                _connection = await (early.Take() ?? transport.ConnectAsync(cancellationToken));
                _connectFailures = 0;
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode is >= 400 and < 500)
            {
                var reason = $"the mail server is busy: {(int)e.StatusCode} {e.Message}";
                LogConnectFailed(reason);
                run.ConnectFailed(reason);
                if (run.IsPaused)
                    return false;
                await Task.Delay(Backoff.After(delivery.RetryDelay, ++_connectFailures), clock, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                run.Pause($"cannot connect to the mail server: {e.Message}");
                LogConnectFailed(e.Message);
                return false;
            }
        }
        return !run.IsPaused;
    }

    /// <summary>
    /// One attempt. Null when the server refused our sender: the run pauses and the row goes back unsent.
    /// </summary>
    private async Task<DeliveryOutcome?> AttemptAsync(IMailConnection connection, OutboxRow row, CancellationToken cancellationToken)
    {
        using var message = StoredMessage.Parse(row.Message);
        DeliveryOutcome outcome;
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reply = await connection.SendAsync(message, cancellationToken);
            metrics.SmtpSent(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            outcome = new DeliveryOutcome(row, DeliveryState.Sent, reply);
        }
        catch (Exception e) when (SmtpOutcome.Classify(e) is { SenderRefused: true } refused)
        {
            run.Pause($"the mail server refuses our sender address (check Smtp:From): {refused.Reply}");
            LogSenderRefused(refused.Reply);
            return null;
        }
        catch (Exception e) when (SmtpOutcome.Classify(e) is { } failure)
        {
            var state = failure.State == DeliveryState.Retry && row.Attempts >= delivery.MaxAttempts ? DeliveryState.Failed : failure.State;
            var next = state == DeliveryState.Retry ? clock.GetUtcNow() + Backoff.After(delivery.RetryDelay, row.Attempts) : (DateTimeOffset?)null;
            LogAttemptFailed(row.Id, row.Attempts, state, failure.Reply);
            if (failure.Reconnect || !connection.IsConnected)
                DropConnection();
            outcome = new DeliveryOutcome(row, state, failure.Reply, next);
        }
        run.Attempted(outcome.State, outcome.Reply);
        metrics.Delivered(outcome.State);
        return outcome;
    }

    private void DropConnection()
    {
        _connection?.Drop();
        _connection = null;
    }

    private async Task DisconnectAsync()
    {
        if (_connection is null)
            return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt}: {State} ({Reply})")]
    private partial void LogAttemptFailed(long deliveryId, long attempt, string state, string reply);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail server refuses the sender (check Smtp:From and its domain); the run stops: {Reply}")]
    private partial void LogSenderRefused(string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot connect to the mail server: {Reason}")]
    private partial void LogConnectFailed(string reason);
}
