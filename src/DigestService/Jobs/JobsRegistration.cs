using DigestService.Config;
using Quartz;

namespace DigestService.Jobs;

public static class JobsRegistration
{
    /// <summary>The Quartz scheduler with its thin jobs; only the `serve` verb runs it.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, bool runScheduler)
    {
        services.AddSection<ScheduleOptions>(configuration, "Schedule");
        services.AddSection<RetentionOptions>(configuration, "Retention");
        services.AddSingleton<JobRuns>();
        var schedule = configuration.GetSection("Schedule").Get<ScheduleOptions>() ?? new ScheduleOptions();
        if (!runScheduler || !schedule.Enabled || schedule.Validate().Any())
            return services;
        services.AddQuartz(quartz =>
        {
            AddCronJob<IngestJob>(quartz, IngestJob.Key, schedule.IngestCron, schedule.Zone);
            AddCronJob<SendDueJob>(quartz, SendDueJob.Key, schedule.SendCron, schedule.Zone);
            AddCronJob<ExpireSignUpsJob>(quartz, ExpireSignUpsJob.Key, ExpireSignUpsJob.Cron, schedule.Zone);
            AddCronJob<RetentionJob>(quartz, RetentionJob.Key, RetentionJob.Cron, schedule.Zone);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService<CatchUpOnStart>();
        services.AddHostedService<InterruptJobsOnStop>();
        return services;
    }

    private static void AddCronJob<TJob>(IQuartzBuilder quartz, JobKey key, string cron, TimeZoneInfo zone) where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .WithIdentity(key.Name + "-cron")
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
    }
}
