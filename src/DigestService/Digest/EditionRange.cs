namespace DigestService.Digest;

/// <summary>
/// The dates an edition can have: none before arXiv's first day, none so late that a window or a "next day" would
/// leave the calendar. Dates outside are refused up front rather than failing deep in date arithmetic.
/// </summary>
public static class EditionRange
{
    public static readonly DateOnly First = new(1991, 8, 14);
    public static readonly DateOnly Last = new(9999, 12, 1);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;
}
