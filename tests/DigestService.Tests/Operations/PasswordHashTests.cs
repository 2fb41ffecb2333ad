using System.Security.Cryptography;
using System.Text;
using DigestService.Config;

namespace DigestService.Tests.Operations;

public class PasswordHashTests
{
    [Fact]
    public void A_hash_verifies_its_password_only()
    {
        var hash = PasswordHash.Create("correct horse battery staple");
        Assert.StartsWith("pbkdf2-sha256$600000$", hash);
        Assert.True(PasswordHash.Verify("correct horse battery staple", hash));
        Assert.False(PasswordHash.Verify("correct horse battery stapler", hash));
        Assert.NotEqual(hash, PasswordHash.Create("correct horse battery staple"));
    }

    [Fact]
    public void A_hash_made_elsewhere_with_the_documented_recipe_verifies()
    {
        // What the README's Python one-liner computes: PBKDF2-HMAC-SHA256, base64 salt and hash.
        var salt = Encoding.ASCII.GetBytes("0123456789abcdef");
        var derived = Rfc2898DeriveBytes.Pbkdf2("s3cret-passphrase"u8.ToArray(), salt, 600_000, HashAlgorithmName.SHA256, 32);
        var hash = $"pbkdf2-sha256$600000${Convert.ToBase64String(salt)}${Convert.ToBase64String(derived)}";
        Assert.True(PasswordHash.Verify("s3cret-passphrase", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$100$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$600000$not base64$aGFzaA==")]
    public void A_malformed_hash_is_refused_and_verifies_nothing(string hash)
    {
        Assert.False(PasswordHash.IsWellFormed(hash));
        Assert.False(PasswordHash.Verify("anything", hash));
    }
}
