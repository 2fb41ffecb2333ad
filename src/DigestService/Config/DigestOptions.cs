namespace DigestService.Config;

public sealed class DigestOptions : ISelfValidatingOptions
{
    public int MaxPapers { get; set; } = 10;

    /// <summary>The sender's postal address, shown in every footer (CAN-SPAM and kin ask for one).</summary>
    public string PostalAddress { get; set; } = "";

    public string Subject { get; set; } = "Trending papers for {date}";

    public IEnumerable<string> Validate()
    {
        if (MaxPapers is < 1 or > 100)
            yield return "Digest:MaxPapers must be between 1 and 100.";
    }
}
