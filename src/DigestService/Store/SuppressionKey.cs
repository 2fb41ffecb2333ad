using DigestService.Addresses;

namespace DigestService.Store;

/// <summary>
/// The one spelling of an address that suppression is keyed on, so no other spelling of the same inbox slips past
/// it: the canonical form (<see cref="AddressCanonicalizer"/>: IDNA domain, NFC, quotes removed) with ASCII case
/// folded, as subscriber addresses compare. It feeds a keyed hash: changing it forgets every suppression.
/// </summary>
public static class SuppressionKey
{
    public static string For(string address)
    {
        // An address the canonicalizer refuses (stored before it existed) is keyed as it is written.
        var canonical = AddressCanonicalizer.Canonicalize(address).Address ?? address.Trim();
        return string.Create(canonical.Length, canonical, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
                span[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] | 0x20) : text[i];
        });
    }
}
