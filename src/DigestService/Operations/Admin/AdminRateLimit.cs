using System.Threading.RateLimiting;
using DigestService.Config;
using DigestService.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigestService.Operations.Admin;

/// <summary>
/// Admin:RequestsPerMinute requests to /admin per client IP (an IPv6 /64), counted before the password is checked, so
/// nobody can make the server run PBKDF2 at will or guess passwords quickly; the rest get 429 with Retry-After.
/// </summary>
public sealed class AdminRateLimit(IOptions<AdminOptions> options, WebPages pages) : IRateLimiterPolicy<string>
{
    public const string Policy = "admin-per-client";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejected, _) =>
        new ValueTask(SubscribeRateLimits.TooMany(pages, rejected.HttpContext, rejected.Lease,
            "Too many requests to the dashboard from your network in the last minute. Wait a minute, then reload.").ExecuteAsync(rejected.HttpContext));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.KeyOf(httpContext.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
