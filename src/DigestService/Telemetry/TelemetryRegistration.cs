using DigestService.Config;
using OpenTelemetry.Metrics;

namespace DigestService.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry metrics: the service's meter, ASP.NET Core's and Kestrel's, the .NET runtime's and Quartz's,
    /// read by the Prometheus exporter at GET /metrics.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<MetricsOptions>(configuration, "Metrics");
        services.AddSingleton<DigestMetrics>();
        services.AddSingleton<DatabaseGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DigestMetrics.MeterName, "Quartz")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter(prometheus =>
            {
                // Exactly the documented names and labels: no otel_scope_* label on every series, no target_info.
                prometheus.ScopeInfoEnabled = false;
                prometheus.TargetInfoEnabled = false;
            }));
        return services;
    }

    /// <summary>GET /metrics, in Prometheus text, for the addresses in Metrics:AllowFrom.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == "/metrics",
            path: null,
            configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccess>(),
            optionsName: null);
        return app;
    }
}
