namespace DigestService.Tests.Support;

/// <summary>Waits for something that happens in the background (an email sent off the request path), polling up to a generous limit.</summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task<T> WaitAsync<T>(Func<T?> probe, string what, TimeSpan? limit = null) where T : class
    {
        var giveUp = DateTime.UtcNow + (limit ?? Limit);
        while (true)
        {
            if (probe() is { } found)
                return found;
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"still waiting for {what} after {(limit ?? Limit).TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until an asynchronous condition (an HTTP answer, a query) holds.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var giveUp = DateTime.UtcNow + (limit ?? Limit);
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"still waiting for {what} after {(limit ?? Limit).TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
