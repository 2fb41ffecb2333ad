using System.Security.Cryptography;
using DigestService.Config;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Links;

/// <summary>
/// The signing keys by id. Configured keys (Tokens:Keys) come first; with none configured, one key is generated on
/// first start and kept in the database, so no secret is ever baked into the code and links survive restarts.
/// </summary>
public sealed class TokenKeyRing(IOptions<TokenOptions> options, SettingsStore settings)
{
    private const string GeneratedKeyId = "db";
    private Dictionary<string, byte[]>? _keys;
    private string _currentKeyId = "";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var configured = options.Value;
        var keys = configured.Keys.ToDictionary(k => k.Key, k => System.Text.Encoding.UTF8.GetBytes(k.Value), StringComparer.Ordinal);
        var generated = await settings.GetAsync("token_key", cancellationToken);
        if (keys.Count == 0 || generated is not null)
        {
            generated ??= await settings.GetOrAddAsync("token_key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
            keys.TryAdd(GeneratedKeyId, Convert.FromBase64String(generated));
        }
        _currentKeyId = configured.CurrentKeyId.Length > 0 ? configured.CurrentKeyId
            : configured.Keys.Count > 0 ? configured.Keys.Keys.Last() : GeneratedKeyId;
        _keys = keys;
    }

    public string CurrentKeyId => Keys.Count > 0 ? _currentKeyId : throw new InvalidOperationException("TokenKeyRing was not initialized.");

    public byte[]? Find(string keyId) => Keys.GetValueOrDefault(keyId);

    private Dictionary<string, byte[]> Keys => _keys ?? throw new InvalidOperationException("TokenKeyRing was not initialized at start-up.");
}
