namespace DigestService.Digest;

/// <summary>
/// The papers of one set of interests in one edition, best first, as candidate indexes. Often only the head is ranked:
/// most subscribers read a few papers off the top, and the rest is ranked the first time someone reads past the head.
/// </summary>
public sealed class RankedList(int[] order, bool complete, string[]? phrases)
{
    public int[] Order { get; private set; } = order;

    /// <summary>False while only the head is ranked.</summary>
    public bool Complete { get; private set; } = complete;

    /// <summary>The FTS5 phrases ranked, or null for everyone's list.</summary>
    public string[]? Phrases { get; } = phrases;

    public void Completed(int[] order)
    {
        Order = order;
        Complete = true;
    }
}
