namespace DigestService.Config;

/// <summary>What readers may teach the digest (<c>Profiles:*</c>).</summary>
public sealed class ProfileOptions : ISelfValidatingOptions
{
    /// <summary>Entries one library upload may seed; a larger library is refused rather than cut at random.</summary>
    public int MaxSeedEntries { get; set; } = 500;

    /// <summary>Authors one reader may follow.</summary>
    public int MaxAuthors { get; set; } = 50;

    public IEnumerable<string> Validate()
    {
        if (MaxSeedEntries is < 1 or > 10_000)
            yield return "Profiles:MaxSeedEntries must be between 1 and 10000.";
        if (MaxAuthors is < 1 or > 1_000)
            yield return "Profiles:MaxAuthors must be between 1 and 1000.";
    }
}
