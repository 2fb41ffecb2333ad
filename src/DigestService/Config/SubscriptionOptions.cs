namespace DigestService.Config;

/// <summary>How sign-ups behave (<c>Subscriptions:*</c>).</summary>
public sealed class SubscriptionOptions : ISelfValidatingOptions
{
    /// <summary>How long a confirmation link works; a sign-up not confirmed by then is deleted.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Confirmation emails one address can receive in 24 hours, however often the form is sent.</summary>
    public int ConfirmationMailsPerDay { get; set; } = 3;

    /// <summary>The free keywords of one subscriber, in characters: they are matched against every paper.</summary>
    public int MaxKeywordsLength { get; set; } = 300;

    public IEnumerable<string> Validate()
    {
        if (ConfirmationLifetime < TimeSpan.FromMinutes(5))
            yield return "Subscriptions:ConfirmationLifetime must be at least 00:05:00.";
        if (ConfirmationMailsPerDay is < 1 or > 50)
            yield return "Subscriptions:ConfirmationMailsPerDay must be between 1 and 50.";
        if (MaxKeywordsLength is < 10 or > 2000)
            yield return "Subscriptions:MaxKeywordsLength must be between 10 and 2000.";
    }
}
