using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DigestService.Links;

/// <summary>
/// Signed link tokens: <c>SUBSCRIBER.KEYID.EXPIRES.MAC</c>, the MAC being HMAC-SHA256 over (purpose, subscriber id,
/// key id, expiry), compared in constant time. Expiry 0 means never: unsubscribe and preference links sit in
/// inboxes for years. A token about something more than its subscriber (a paper and a direction, for feedback) carries
/// that subject too, base64url-encoded and under the MAC: <c>SUBSCRIBER.KEYID.EXPIRES.SUBJECT.MAC</c>.
/// </summary>
public sealed class TokenSigner(TokenKeyRing keys, TimeProvider clock)
{
    public string Sign(TokenPurpose purpose, long subscriberId, TimeSpan? lifetime = null) => Sign(purpose, subscriberId, lifetime, subject: null);

    /// <summary>A never-expiring token about <paramref name="subject"/> as well as the subscriber.</summary>
    public string Sign(TokenPurpose purpose, long subscriberId, string subject) => Sign(purpose, subscriberId, lifetime: null, subject);

    private string Sign(TokenPurpose purpose, long subscriberId, TimeSpan? lifetime, string? subject)
    {
        var keyId = keys.CurrentKeyId;
        var expires = lifetime is { } life ? clock.GetUtcNow().Add(life).ToUnixTimeSeconds() : 0;
        return Format(subscriberId, keyId, expires, subject, Mac(keys.Find(keyId)!, purpose, subscriberId, keyId, expires, subject));
    }

    /// <summary>The subscriber id the token was signed for, or null when it is forged, tampered, truncated, expired or for another purpose.</summary>
    public long? Verify(TokenPurpose purpose, string? token) =>
        VerifyWithSubject(purpose, token) is { Subject: null } verified ? verified.SubscriberId : null;

    /// <summary>The subscriber id and subject a token was signed for, or null as <see cref="Verify"/>.</summary>
    public (long SubscriberId, string? Subject)? VerifyWithSubject(TokenPurpose purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 300)
            return null;
        var parts = token.Split('.');
        if (parts.Length is not (4 or 5)
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var subscriberId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || keys.Find(parts[1]) is not { } key)
            return null;
        byte[] given;
        string? subject = null;
        try
        {
            given = WebEncoders.Base64UrlDecode(parts[^1]);
            if (parts.Length == 5)
                subject = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(parts[3]));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
        // Only the one spelling Sign produces is accepted: no leading zeros, no base64 padding, nothing appended.
        if (given.Length != 32 || !string.Equals(token, Format(subscriberId, parts[1], expires, subject, given), StringComparison.Ordinal))
            return null;
        var expected = Mac(key, purpose, subscriberId, parts[1], expires, subject);
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
            return null;
        if (expires != 0 && clock.GetUtcNow().ToUnixTimeSeconds() > expires)
            return null;
        return (subscriberId, subject);
    }

    private static string Format(long subscriberId, string keyId, long expires, string? subject, byte[] mac) =>
        subject is null
            ? string.Create(CultureInfo.InvariantCulture, $"{subscriberId}.{keyId}.{expires}.{WebEncoders.Base64UrlEncode(mac)}")
            : string.Create(CultureInfo.InvariantCulture, $"{subscriberId}.{keyId}.{expires}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(subject))}.{WebEncoders.Base64UrlEncode(mac)}");

    // A subject-less MAC is the one links have always had, so every link already in an inbox keeps working.
    private static byte[] Mac(byte[] key, TokenPurpose purpose, long subscriberId, string keyId, long expires, string? subject) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subject is null
            ? string.Create(CultureInfo.InvariantCulture, $"{purpose}\n{subscriberId}\n{keyId}\n{expires}")
            : string.Create(CultureInfo.InvariantCulture, $"{purpose}\n{subscriberId}\n{keyId}\n{expires}\n{subject}")));
}
