namespace DigestService.Store;

/// <summary>Who changed a subscriber's status: the audit trail's "who".</summary>
public static class ChangeSource
{
    /// <summary>The web pages: the sign-up form, the preferences page.</summary>
    public const string Web = "web";

    /// <summary>A signed link from the person's mailbox: confirmation, one-click unsubscribe.</summary>
    public const string Link = "link";

    public const string Cli = "cli";
    public const string Bounce = "bounce";
    public const string Complaint = "complaint";
}

/// <summary>Why an address is on the suppression list.</summary>
public static class SuppressionReason
{
    public const string Unsubscribed = "unsubscribed";
    public const string Bounced = "bounced";
    public const string Complained = "complained";
    public const string Deleted = "deleted";
}

/// <summary>Who made a change and why, as the audit trail records it.</summary>
public sealed record ChangeCause(string Source, string Reason);

/// <summary>An entry of the suppression list.</summary>
public sealed record Suppression(string Reason, string Source, string Since)
{
    /// <summary>The one line an operator gets when adding or importing a suppressed address.</summary>
    public string Refusal(string address) =>
        $"{address}: refused: {Describe()} on {Since[..10]}; only they can resubscribe, from the sign-up page";

    private string Describe() => Reason switch
    {
        SuppressionReason.Complained => "complained (marked a digest as spam)",
        SuppressionReason.Deleted => "deleted (asked us to delete their data)",
        _ => Reason,
    };
}

/// <summary>One row of the audit trail.</summary>
public sealed record StatusChangeRecord(string? OldStatus, string NewStatus, string Source, string Reason, string At);

/// <summary>A confirmation request that can still be used.</summary>
public sealed record OpenConfirmation(long Id, long SubscriberId, string? Topics, string? TimeZone, string Source, string Reason);
