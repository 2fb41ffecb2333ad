using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace DigestService.Operations.Admin;

/// <summary>
/// Authorization headers that passed the PBKDF2 check lately, kept by their SHA-256 only, so a signed-in operator pays
/// the 600,000 iterations once per <see cref="Lifetime"/> rather than on every request. Only verified headers go in.
/// </summary>
public sealed class VerifiedCredentials(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public bool Contains(string header) => _until.TryGetValue(Key(header), out var until) && clock.GetUtcNow() < until;

    public void Add(string header)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, until) in _until)
        {
            if (until <= now)
                _until.TryRemove(key, out _);
        }
        _until[Key(header)] = now + Lifetime;
    }

    private static string Key(string header) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
}
