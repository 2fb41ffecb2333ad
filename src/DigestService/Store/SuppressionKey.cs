using DigestService.Addresses;

namespace DigestService.Store;

/// <summary>
/// The one spelling of an address that suppression is keyed on, so no other spelling of the same inbox slips past
/// it: the canonical form (<see cref="AddressCanonicalizer"/>: IDNA domain, NFC, quotes removed, case folded) with
/// ASCII case folded too (for addresses the canonicalizer refuses). It feeds a keyed hash: changing it forgets every
/// suppression.
/// </summary>
public static class SuppressionKey
{
    // An address the canonicalizer refuses (stored before it existed) is keyed as it is written.
    public static string For(string address) => FoldAscii(AddressCanonicalizer.Canonicalize(address).Address ?? address.Trim());

    private static string FoldAscii(string canonical) =>
        string.Create(canonical.Length, canonical, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
                span[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] | 0x20) : text[i];
        });
}
