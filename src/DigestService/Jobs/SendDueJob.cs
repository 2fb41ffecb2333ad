using DigestService.Delivery;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Sends to every subscriber whose local delivery time has come; logs one line with the counts `send --due` prints.</summary>
[DisallowConcurrentExecution]
public sealed partial class SendDueJob(SendService send, JobRuns runs, TimeProvider clock, ILogger<SendDueJob> logger) : IJob
{
    public static readonly JobKey Key = new("send-due");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        try
        {
            var summary = await send.SendDueAsync(started, cancellationToken);
            var ok = summary.Drain.StoppedBecause is null;
            await runs.FinishedAsync(Key, started, ok, summary.ToString());
            LogSent(summary.ToString());
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException && cancellationToken.IsCancellationRequested ? "interrupted: the service is stopping" : $"error: {e.Message}";
            await runs.FinishedAsync(Key, started, ok: false, reason);
            LogFailed(reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Send run: {Summary}")]
    private partial void LogSent(string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send run failed: {Reason}")]
    private partial void LogFailed(string reason);
}
