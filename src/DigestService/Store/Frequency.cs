namespace DigestService.Store;

/// <summary>How often a subscriber gets a digest.</summary>
public enum Frequency { Daily, Weekly }

/// <summary>The one mapping between <see cref="Frequency"/> and how it is spelled in the database, forms, templates and the CLI.</summary>
public static class FrequencyNames
{
    public const string Daily = "daily", Weekly = "weekly";

    public static string Of(Frequency frequency) => frequency == Frequency.Weekly ? Weekly : Daily;

    public static bool TryParse(string? text, out Frequency frequency)
    {
        frequency = text == Weekly ? Frequency.Weekly : Frequency.Daily;
        return text is Daily or Weekly;
    }
}
