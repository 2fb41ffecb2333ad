using System.Net;
using DigestService.Config;
using Microsoft.Extensions.Options;

namespace DigestService.Telemetry;

/// <summary>
/// In front of the Prometheus exporter: answers a plain 404 to any address outside Metrics:AllowFrom (the endpoint
/// need not admit it exists), and reads the database gauges just before an allowed scrape. It runs after the
/// forwarded-headers middleware, so a request through a local reverse proxy is judged by the client it names.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptions<MetricsOptions> options, DatabaseGauges gauges)
{
    private readonly IReadOnlyList<IPNetwork> _allowed = options.Value.Networks;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsAllowed(_allowed, context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await gauges.RefreshAsync(context.RequestAborted);
        await next(context);
    }

    /// <summary>Whether <paramref name="address"/> is in Metrics:AllowFrom (also who may read /readyz's details).</summary>
    public static bool IsAllowed(IReadOnlyList<IPNetwork> allowed, IPAddress? address)
    {
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return allowed.Any(network => network.Contains(address));
    }
}
