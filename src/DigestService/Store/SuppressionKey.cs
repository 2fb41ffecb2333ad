namespace DigestService.Store;

/// <summary>
/// The one spelling of an address that suppression is keyed on, so two spellings of one mailbox cannot slip past it.
/// Today: trimmed and lower-cased (subscribers.email compares case-insensitively too). When the canonical address
/// form (IDNA, NFC, quoting) lands, this is the one place to point at it.
/// </summary>
public static class SuppressionKey
{
    public static string For(string address) => address.Trim().ToLowerInvariant();
}
