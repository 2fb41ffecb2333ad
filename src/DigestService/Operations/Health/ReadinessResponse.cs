using System.Text.Json;
using System.Text.Json.Serialization;
using DigestService.Config;
using DigestService.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigestService.Operations.Health;

/// <summary>
/// GET /readyz's body: <c>{ "status": …, "checks": { name: { "status", "description" } } }</c>. Descriptions carry
/// mail server replies, TLS errors and feed URLs: only clients in Metrics:AllowFrom get them; others the statuses.
/// </summary>
public static class ReadinessResponse
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var allowed = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.Networks;
        var detailed = MetricsAccess.IsAllowed(allowed, context.Connection.RemoteIpAddress);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = detailed ? e.Value.Description ?? e.Value.Exception?.Message : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
