using DigestService.Config;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace DigestService.Delivery;

/// <summary>
/// Signs outgoing messages with DKIM (relaxed/relaxed, rsa-sha256) when Dkim:* is configured. Signing is the last
/// thing done to a message, after <see cref="MessageFactory"/> prepared it for a 7-bit transport.
/// </summary>
public sealed class DkimSigning
{
    /// <summary>What a receiver must see unchanged; the list headers are signed so one-click unsubscribe can be trusted.</summary>
    public static readonly IReadOnlyList<string> SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly DkimSigner? _signer;

    public DkimSigning(IOptions<DkimOptions> options, IHostEnvironment environment)
    {
        var dkim = options.Value;
        if (!dkim.Enabled)
            return;
        var path = Path.GetFullPath(dkim.PrivateKeyFile, environment.ContentRootPath);
        try
        {
            using var key = File.OpenRead(path);
            _signer = new DkimSigner(key, dkim.Domain, dkim.Selector, DkimSignatureAlgorithm.RsaSha256)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or Org.BouncyCastle.Security.SecurityUtilityException or Org.BouncyCastle.OpenSsl.PemException)
        {
            throw new InvalidOperationException($"Dkim:PrivateKeyFile: cannot read a private key from {path}: {e.Message}", e);
        }
    }

    public bool Enabled => _signer is not null;

    public void Sign(MimeMessage message)
    {
        if (_signer is null)
            return;
        _signer.Sign(message, [.. SignedHeaders]);
    }
}
