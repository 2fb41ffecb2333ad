using System.Globalization;
using System.Threading.RateLimiting;
using DigestService.Config;
using DigestService.Store;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DigestService.Web;

/// <summary>
/// The two limits on POST /subscribe: per client (ASP.NET Core rate limiting middleware, RateLimits:SubscribePerMinute,
/// counted by each node on its own) and per email address (RateLimits:SubscribePerAddressPerHour, counted in the
/// database so every node shares it; checked once the form is read). Both answer 429 with a page and a Retry-After header.
/// </summary>
public sealed class SubscribeRateLimits(WebStateStore store, IOptions<RateLimitOptions> options)
{
    public const string PerClientPolicy = "subscribe-per-client";

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

    /// <summary>Counts one more sign-up of <paramref name="address"/>: null when allowed, else when to try again.</summary>
    public Task<TimeSpan?> TryCountAddressAsync(string address, CancellationToken cancellationToken) =>
        store.TryCountSignUpAsync(address, options.Value.SubscribePerAddressPerHour, cancellationToken);

    public static IResult TooMany(WebPages pages, HttpContext context, RateLimitLease lease, string text) =>
        TooMany(pages, context, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null, text);

    public static IResult TooMany(WebPages pages, HttpContext context, TimeSpan? retryAfter, string text)
    {
        if (retryAfter is { } wait)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1))).ToString(CultureInfo.InvariantCulture);
        return pages.Message("Please wait a little", text, StatusCodes.Status429TooManyRequests);
    }
}
