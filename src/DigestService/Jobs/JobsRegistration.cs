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
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "DigestService");
            if (!database.Validate().Any() && database.Engine == DatabaseProvider.Postgres)
                UseCluster(quartz, configuration.GetConnectionString("Digest") ?? "");
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

    /// <summary>
    /// On PostgreSQL every node shares one clustered scheduler: Quartz's ADO job store in our database (its tables made
    /// by our migrations), an instance id generated per node, and row locks so each cron slot fires on one node only.
    /// A node that stops checking in is declared dead after the threshold: the triggers it had taken are released and
    /// the jobs it was running are run again elsewhere.
    /// </summary>
    private static void UseCluster(IQuartzBuilder quartz, string connectionString) =>
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer(_ => { });
            store.UseClustering(cluster =>
            {
                // A dead node is found within about seven seconds, before the next slot of a ten-second cron.
                cluster.CheckinInterval = TimeSpan.FromSeconds(2);
                cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(5);
            });
            store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
        });

    private static void AddCronJob<TJob>(IQuartzBuilder quartz, JobKey key, string cron, TimeZoneInfo zone) where TJob : IJob
    {
        // Recovery: a job whose node died while running it is run again by another node.
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .WithIdentity(key.Name + "-cron")
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
    }
}
