using DigestService.Web;
using Quartz;

namespace DigestService.Jobs;

/// <summary>Forgets the sign-ups nobody confirmed while their link worked.</summary>
[DisallowConcurrentExecution]
public sealed class ExpireSignUpsJob(SignUpService signUps) : IJob
{
    public static readonly JobKey Key = new("expire-sign-ups");

    /// <summary>Hourly: a pending row outlives its link by at most an hour.</summary>
    public const string Cron = "0 45 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await signUps.ExpirePendingAsync(cancellationToken);
}
