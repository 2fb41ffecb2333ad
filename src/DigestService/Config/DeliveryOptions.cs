namespace DigestService.Config;

public sealed class DeliveryOptions : ISelfValidatingOptions
{
    /// <summary>Attempts in all for one message, across runs.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff after a transient failure; doubles with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claimed row belongs to one run; a run that died gives its rows back after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    public int BatchSize { get; set; } = 50;

    /// <summary>Hard bounces (5xx on the recipient, or a DSN that says failed) after which a subscriber is suppressed.</summary>
    public int HardBounceLimit { get; set; } = 1;

    /// <summary>Failed attempts in a row after which the run pauses: a broken server should not burn through the list.</summary>
    public int MaxConsecutiveErrors { get; set; } = 20;

    /// <summary>Digests rendered (and DKIM-signed) in parallel while a send runs; one per core by default.</summary>
    public int Renderers { get; set; } = Environment.ProcessorCount;

    public IEnumerable<string> Validate()
    {
        if (Renderers is < 1 or > 256)
            yield return "Delivery:Renderers must be between 1 and 256.";
        if (MaxAttempts is < 1 or > 100)
            yield return "Delivery:MaxAttempts must be between 1 and 100.";
        if (RetryDelay < TimeSpan.Zero)
            yield return "Delivery:RetryDelay must not be negative.";
        if (LeaseDuration <= TimeSpan.Zero)
            yield return "Delivery:LeaseDuration must be a positive TimeSpan such as 00:10:00.";
        if (BatchSize is < 1 or > 10_000)
            yield return "Delivery:BatchSize must be between 1 and 10000.";
        if (HardBounceLimit is < 1 or > 100)
            yield return "Delivery:HardBounceLimit must be between 1 and 100.";
        if (MaxConsecutiveErrors is < 1 or > 100_000)
            yield return "Delivery:MaxConsecutiveErrors must be between 1 and 100000.";
    }
}
