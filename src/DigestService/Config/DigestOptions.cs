namespace DigestService.Config;

/// <summary>What a subscriber gets on a day with nothing new for them.</summary>
public enum NothingNewPolicy
{
    /// <summary>No email; the day is recorded as skipped.</summary>
    Skip,

    /// <summary>A short "nothing new in your topics today" note.</summary>
    Note,
}

public sealed class DigestOptions : ISelfValidatingOptions
{
    public int MaxPapers { get; set; } = 10;

    /// <summary>The sender's postal address, shown in every footer (CAN-SPAM and kin ask for one).</summary>
    public string PostalAddress { get; set; } = "";

    public string Subject { get; set; } = "Trending papers for {date}";

    public NothingNewPolicy WhenNothingNew { get; set; } = NothingNewPolicy.Skip;

    public string NothingNewSubject { get; set; } = "Nothing new in your topics today";

    public IEnumerable<string> Validate()
    {
        if (MaxPapers is < 1 or > 100)
            yield return "Digest:MaxPapers must be between 1 and 100.";
        if (!Enum.IsDefined(WhenNothingNew))
            yield return "Digest:WhenNothingNew must be Skip or Note.";
        if (string.IsNullOrWhiteSpace(NothingNewSubject))
            yield return "Digest:NothingNewSubject must not be empty.";
    }
}
