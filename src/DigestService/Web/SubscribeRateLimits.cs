using System.Globalization;
using System.Threading.RateLimiting;
using DigestService.Config;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>
/// The two limits on POST /subscribe: per client (ASP.NET Core rate limiting middleware, RateLimits:SubscribePerMinute)
/// and per email address (checked once the form is read, RateLimits:SubscribePerAddressPerHour). Both answer 429
/// with a page and a Retry-After header.
/// </summary>
public sealed class SubscribeRateLimits : IDisposable
{
    public const string PerClientPolicy = "subscribe-per-client";

    private readonly PartitionedRateLimiter<string> _perAddress;

    public SubscribeRateLimits(IOptions<RateLimitOptions> options)
    {
        var perHour = options.Value.SubscribePerAddressPerHour;
        _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddSingleton<SubscribeRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, WebPages>((limiter, options, pages) =>
        {
            var perMinute = options.Value.SubscribePerMinute;
            limiter.AddPolicy(PerClientPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientAddress.KeyOf(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (rejected, _) => new ValueTask(TooMany(pages, rejected.HttpContext, rejected.Lease,
                "Too many sign-ups from your network in the last minute. Wait a minute, then send the form again.").ExecuteAsync(rejected.HttpContext));
        });
        return services;
    }

    /// <summary>A lease for one more sign-up of <paramref name="address"/>; not acquired when the hour's share is used.</summary>
    public RateLimitLease AcquireForAddress(string address) => _perAddress.AttemptAcquire(address.ToLowerInvariant());

    public static IResult TooMany(WebPages pages, HttpContext context, RateLimitLease lease, string text)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return pages.Message("Please wait a little", text, StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _perAddress.Dispose();
}
