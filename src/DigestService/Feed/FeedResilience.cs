using System.Net;
using DigestService.Config;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace DigestService.Feed;

/// <summary>
/// The feed client's HTTP behaviour, outermost first: retries with exponential backoff and jitter (or the server's
/// Retry-After) on 5xx, 408, 429, timeouts and connection errors; then the per-host politeness queue, so retries
/// are spaced too; then a circuit breaker and the attempt timeout, one pair per host so a dead arXiv does not pause
/// Hugging Face. The total deadline (retries and body included) is <see cref="FeedHttp"/>'s.
/// </summary>
public static class FeedResilience
{
    public const string UserAgent = "DigestService/1.0 (self-hosted trending-papers digest; +https://github.com/digestservice)";

    private const string Retry = "feed-retry";

    public static IHttpClientBuilder AddFeedResilience(this IHttpClientBuilder client)
    {
        // The retry's options take the feed options and the clock from the container; the pipelines read options only.
        client.Services.AddOptions<HttpRetryStrategyOptions>(Retry).Configure<IOptions<FeedOptions>, TimeProvider>((retry, options, clock) =>
        {
            var feed = options.Value;
            retry.MaxRetryAttempts = Math.Max(1, feed.MaxRetries);
            retry.Delay = feed.RetryDelay;
            retry.MaxDelay = feed.Timeout;
            retry.ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && !AsksToWaitLongerThan(args.Outcome.Result, feed.Timeout, clock.GetUtcNow()));
        });
        client.AddResilienceHandler(Retry, (pipeline, context) =>
        {
            if (context.GetOptions<FeedOptions>().MaxRetries > 0)
                pipeline.AddRetry(context.GetOptions<HttpRetryStrategyOptions>(Retry));
        });
        client.AddHttpMessageHandler<PolitenessHandler>();
        client.AddResilienceHandler("feed-attempt", (pipeline, context) =>
        {
            var feed = context.GetOptions<FeedOptions>();
            var floor = TimeSpan.FromMilliseconds(500);
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // Opens once a whole request's attempts have failed, so the rest of the window fails fast.
                FailureRatio = 0.9,
                MinimumThroughput = Math.Max(2, feed.MaxRetries + 1),
                SamplingDuration = Max(feed.Timeout * 2, floor),
                BreakDuration = Max(feed.Timeout, floor),
            });
            pipeline.AddTimeout(feed.AttemptTimeout);
        }).SelectPipelineByAuthority();
        return client;
    }

    /// <summary>A Retry-After beyond the whole request's time is not worth waiting for: the answer is reported instead.</summary>
    private static bool AsksToWaitLongerThan(HttpResponseMessage? response, TimeSpan limit, DateTimeOffset now) =>
        response?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        && response.Headers.RetryAfter is { } retryAfter
        && (retryAfter.Delta ?? (retryAfter.Date - now)) > limit;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
