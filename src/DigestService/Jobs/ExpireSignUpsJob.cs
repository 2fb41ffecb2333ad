using DigestService.Web;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Forgets the sign-ups nobody confirmed while their link worked.</summary>
[DisallowConcurrentExecution]
public sealed partial class ExpireSignUpsJob(SignUpService signUps, JobRuns runs, TimeProvider clock, ILogger<ExpireSignUpsJob> logger) : IJob
{
    public static readonly JobKey Key = new("expire-sign-ups");

    /// <summary>Hourly: a pending row outlives its link by at most an hour.</summary>
    public const string Cron = "0 45 * * * ?";

    /// <summary>Every run leaves a record and a log line, as the other jobs do; a failure is one of each, not a throw.</summary>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        try
        {
            var expired = await signUps.ExpirePendingAsync(cancellationToken);
            await runs.FinishedAsync(Key, started, ok: true, $"forgot {expired} unconfirmed sign-ups");
            LogRun(expired);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await runs.FinishedAsync(Key, started, ok: false, $"error: {e.Message}");
            LogFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up expiry run: forgot {Count} unconfirmed sign-ups")]
    private partial void LogRun(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-up expiry run failed: {Reason}")]
    private partial void LogFailed(string reason);
}
