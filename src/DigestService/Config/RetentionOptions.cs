namespace DigestService.Config;

/// <summary>How long operational records are kept; the daily retention job prunes what is older.</summary>
public sealed class RetentionOptions : ISelfValidatingOptions
{
    /// <summary>Finished deliveries, bounce reports, job runs and daily counts older than this many days are deleted.</summary>
    public int Days { get; set; } = 365;

    /// <summary>
    /// What each subscriber was sent is what keeps a paper from reaching them twice: it must outlive any re-listing of
    /// a paper (the feed re-lists for days, arXiv versions for months), so a year by default.
    /// </summary>
    public int SentPapersDays { get; set; } = 365;

    public IEnumerable<string> Validate()
    {
        if (Days < 1)
            yield return "Retention:Days must be at least 1.";
        if (SentPapersDays < 30)
            yield return "Retention:SentPapersDays must be at least 30: a paper is re-listed for days and a shorter memory would send it twice.";
    }
}
