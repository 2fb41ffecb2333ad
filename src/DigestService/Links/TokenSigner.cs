using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DigestService.Links;

/// <summary>
/// Signed link tokens: <c>SUBSCRIBER.KEYID.EXPIRES.MAC</c>, the MAC being HMAC-SHA256 over (purpose, subscriber id,
/// key id, expiry), compared in constant time. Expiry 0 means never: unsubscribe and preference links sit in
/// inboxes for years.
/// </summary>
public sealed class TokenSigner(TokenKeyRing keys, TimeProvider clock)
{
    public string Sign(TokenPurpose purpose, long subscriberId, TimeSpan? lifetime = null)
    {
        var keyId = keys.CurrentKeyId;
        var expires = lifetime is { } life ? clock.GetUtcNow().Add(life).ToUnixTimeSeconds() : 0;
        return Format(subscriberId, keyId, expires, Mac(keys.Find(keyId)!, purpose, subscriberId, keyId, expires));
    }

    /// <summary>The subscriber id the token was signed for, or null when it is forged, tampered, truncated, expired or for another purpose.</summary>
    public long? Verify(TokenPurpose purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
            return null;
        var parts = token.Split('.');
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var subscriberId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || keys.Find(parts[1]) is not { } key)
            return null;
        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(parts[3]);
        }
        catch (FormatException)
        {
            return null;
        }
        // Only the one spelling Sign produces is accepted: no leading zeros, no base64 padding, nothing appended.
        if (given.Length != 32 || !string.Equals(token, Format(subscriberId, parts[1], expires, given), StringComparison.Ordinal))
            return null;
        var expected = Mac(key, purpose, subscriberId, parts[1], expires);
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
            return null;
        if (expires != 0 && clock.GetUtcNow().ToUnixTimeSeconds() > expires)
            return null;
        return subscriberId;
    }

    private static string Format(long subscriberId, string keyId, long expires, byte[] mac) =>
        string.Create(CultureInfo.InvariantCulture, $"{subscriberId}.{keyId}.{expires}.{WebEncoders.Base64UrlEncode(mac)}");

    private static byte[] Mac(byte[] key, TokenPurpose purpose, long subscriberId, string keyId, long expires) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{purpose}\n{subscriberId}\n{keyId}\n{expires}")));
}
