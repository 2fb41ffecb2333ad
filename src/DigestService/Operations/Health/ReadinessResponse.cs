using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigestService.Operations.Health;

/// <summary>GET /readyz's body: <c>{ "status": …, "checks": { name: { "status", "description" } } }</c>.</summary>
public static class ReadinessResponse
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
