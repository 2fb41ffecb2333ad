using DigestService.Config;
using DigestService.Operations.Admin;
using DigestService.Operations.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigestService.Operations;

public static class OperationsRegistration
{
    /// <summary>Readiness checks, the database key ring, start-up warnings, systemd notification and the stop deadline.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<HealthOptions>(configuration, "Health");
        services.AddSection<ShutdownOptions>(configuration, "Shutdown");
        services.AddSection<AdminOptions>(configuration, "Admin");
        services.AddSingleton<AdminDashboard>();
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<VerifiedCredentials>();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(limiter => limiter.AddPolicy<string, AdminRateLimit>(AdminRateLimit.Policy));
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.AddSingleton<SmtpHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<FeedHealthCheck>("feed")
            .AddCheck<OutboxHealthCheck>("outbox")
            .AddCheck<SmtpHealthCheck>("smtp");
        services.AddDatabaseKeyRing(configuration);
        services.AddHostedService<StartupWarnings>();
        // Type=notify under systemd: ready once started, stopping on SIGTERM; does nothing elsewhere.
        services.AddSystemd();
        return services;
    }

    /// <summary>GET /readyz (200 when Healthy or Degraded, 503 when Unhealthy, JSON naming each check) and GET /admin.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = ReadinessResponse.WriteAsync });
        AdminDashboard.Map(app);
        return app;
    }
}
