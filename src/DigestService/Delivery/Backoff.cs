namespace DigestService.Delivery;

/// <summary>Delivery:RetryDelay doubled per attempt, with ±20% jitter so retries of many rows do not arrive together.</summary>
public static class Backoff
{
    public static TimeSpan After(TimeSpan retryDelay, long attempts) =>
        retryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)) * (0.8 + Random.Shared.NextDouble() * 0.4);
}
