using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigestService.Delivery;

/// <summary>
/// Sends what the outbox holds: claims batches under a lease, sends each stored message over one reused connection,
/// records the reply. Transient failures wait with exponential backoff (and jitter) and are retried within the run
/// until Delivery:MaxAttempts; what still fails after that is marked failed.
/// </summary>
public sealed partial class OutboxSender(
    DeliveryStore outbox,
    IMailTransport transport,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    public async Task<DrainSummary> DrainAsync(CancellationToken cancellationToken = default)
    {
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        int sent = 0, retried = 0, bounced = 0, failed = 0;
        IMailConnection? connection = null;
        try
        {
            while (true)
            {
                var batch = await outbox.ClaimAsync(owner, options.Value.BatchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    if (await outbox.NextRetryAsync(cancellationToken) is not { } next)
                        break;
                    var wait = next - clock.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                        await Task.Delay(wait, clock, cancellationToken);
                    continue;
                }
                foreach (var row in batch)
                {
                    try
                    {
                        connection ??= await transport.ConnectAsync(cancellationToken);
                    }
                    catch (Exception e) when (SmtpOutcome.Classify(e) is not null)
                    {
                        var reason = $"cannot connect to the mail server: {e.Message}";
                        LogStopped(reason);
                        await ReleaseAsync(batch.SkipWhile(r => r != row), owner, reason, cancellationToken);
                        return new DrainSummary(sent, retried, bounced, failed, reason);
                    }
                    switch (await SendOneAsync(connection, row, owner, cancellationToken))
                    {
                        case DeliveryState.Sent: sent++; break;
                        case DeliveryState.Bounced: bounced++; break;
                        case DeliveryState.Failed: failed++; break;
                        case var _ when !connection.IsConnected:
                            retried++;
                            await connection.DisposeAsync();
                            connection = null;
                            break;
                        default: retried++; break;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync();
        }
        return new DrainSummary(sent, retried, bounced, failed, null);
    }

    private async Task<string> SendOneAsync(IMailConnection connection, OutboxRow row, string owner, CancellationToken cancellationToken)
    {
        using var message = await MimeMessage.LoadAsync(new MemoryStream(row.Message), cancellationToken);
        try
        {
            var reply = await connection.SendAsync(message, cancellationToken);
            await outbox.FinishAsync(row, owner, DeliveryState.Sent, reply, cancellationToken: cancellationToken);
            return DeliveryState.Sent;
        }
        catch (Exception e) when (SmtpOutcome.Classify(e) is { } outcome)
        {
            var state = outcome.State == DeliveryState.Retry && row.Attempts >= options.Value.MaxAttempts ? DeliveryState.Failed : outcome.State;
            var next = state == DeliveryState.Retry ? clock.GetUtcNow() + Backoff(row.Attempts) : (DateTimeOffset?)null;
            LogAttemptFailed(row.Id, row.Attempts, state, outcome.Reply);
            await outbox.FinishAsync(row, owner, state, outcome.Reply, next, cancellationToken);
            return state;
        }
    }

    /// <summary>Gives claimed rows back untouched but for their reply, to be taken up by the next run.</summary>
    private async Task ReleaseAsync(IEnumerable<OutboxRow> rows, string owner, string reason, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
            await outbox.FinishAsync(row, owner, DeliveryState.Retry, reason, clock.GetUtcNow() + Backoff(row.Attempts), cancellationToken);
    }

    /// <summary>Delivery:RetryDelay doubled per attempt, with ±20% jitter so retries of many rows do not arrive together.</summary>
    private TimeSpan Backoff(long attempts) =>
        options.Value.RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt {Attempt}: {State} ({Reply})")]
    private partial void LogAttemptFailed(long deliveryId, long attempt, string state, string reply);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending stopped: {Reason}")]
    private partial void LogStopped(string reason);
}
