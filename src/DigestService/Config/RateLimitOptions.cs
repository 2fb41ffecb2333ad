namespace DigestService.Config;

/// <summary>Limits on the sign-up form (<c>RateLimits:*</c>), so it cannot be used to flood inboxes or the database.</summary>
public sealed class RateLimitOptions : ISelfValidatingOptions
{
    /// <summary>POST /subscribe requests one client IP (an IPv6 /64) may make per minute.</summary>
    public int SubscribePerMinute { get; set; } = 10;

    /// <summary>POST /subscribe requests for one email address per hour, from anywhere.</summary>
    public int SubscribePerAddressPerHour { get; set; } = 5;

    public IEnumerable<string> Validate()
    {
        if (SubscribePerMinute is < 1 or > 10_000)
            yield return "RateLimits:SubscribePerMinute must be between 1 and 10000.";
        if (SubscribePerAddressPerHour is < 1 or > 1_000)
            yield return "RateLimits:SubscribePerAddressPerHour must be between 1 and 1000.";
    }
}
