using System.Security.Cryptography;
using System.Text;

namespace DigestService.Store;

/// <summary>
/// Keyed hashes of addresses for the suppression list: HMAC-SHA256 of <see cref="SuppressionKey"/> with a server
/// secret, generated on first start and kept in the database like the token key. Without the secret a hash cannot be
/// checked against a list of guessed addresses; the secret must never change, or every suppression is forgotten.
/// </summary>
public sealed class AddressHasher(SettingsStore settings)
{
    private const string SettingKey = "suppression_key";
    private byte[]? _key;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var stored = await settings.GetOrAddAsync(SettingKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        _key = Convert.FromBase64String(stored);
    }

    public string Hash(string address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            _key ?? throw new InvalidOperationException("AddressHasher was not initialized at start-up."),
            Encoding.UTF8.GetBytes(SuppressionKey.For(address))));
}
