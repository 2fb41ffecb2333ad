namespace DigestService.Config;

/// <summary>How long a stop (SIGTERM, SIGINT) may take before the process is gone.</summary>
public sealed class ShutdownOptions : ISelfValidatingOptions
{
    /// <summary>Below Docker's and systemd's grace periods (10 s in Docker unless stop_grace_period says more; compose.yaml gives 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    public IEnumerable<string> Validate()
    {
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
            yield return "Shutdown:Timeout must be between 00:00:01 and 00:10:00.";
    }
}
