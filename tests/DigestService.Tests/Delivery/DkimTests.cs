using System.Security.Cryptography;
using DigestService.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;

namespace DigestService.Tests.Delivery;

/// <summary>Digests signed with a key made here, received by a real SMTP server, verified with MimeKit's DkimVerifier.</summary>
public class DkimTests : IAsyncLifetime
{
    private const string Edition = "2026-08-14";
    private readonly FeedServer _feed = new();
    private readonly TestSmtpServer _smtp = new();
    private readonly TestApp _app = new();
    private readonly RSA _key = RSA.Create(2048);

    public async Task InitializeAsync()
    {
        var keyFile = Path.Combine(_app.Directory, "dkim.pem");
        await File.WriteAllTextAsync(keyFile, _key.ExportPkcs8PrivateKeyPem());
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "1").With(_smtp.Settings)
            .With("Dkim:Domain", "example.org").With("Dkim:Selector", "digest2026").With("Dkim:PrivateKeyFile", keyFile);
        Assert.Equal(0, (await _app.RunAsync("ingest", "--date", Edition)).ExitCode);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "alan@example.net", "--confirmed")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _smtp.DisposeAsync();
        _app.Dispose();
        _key.Dispose();
    }

    /// <summary>Answers every DNS question with the test's public key, as SELECTOR._domainkey.DOMAIN would.</summary>
    private sealed class PublishedKey(RSA key) : DkimPublicKeyLocatorBase
    {
        public List<string> Asked { get; } = [];

        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default)
        {
            Asked.Add($"{selector}._domainkey.{domain}");
            return GetPublicKey($"v=DKIM1; k=rsa; p={Convert.ToBase64String(key.ExportSubjectPublicKeyInfo())}");
        }

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }

    [Fact]
    public async Task Every_digest_carries_a_relaxed_signature_over_the_list_headers_that_verifies_with_the_public_key()
    {
        Assert.Equal(0, (await _app.RunAsync("send", "--date", Edition)).ExitCode);

        Assert.Equal(2, _smtp.Messages.Count);
        var locator = new PublishedKey(_key);
        var verifier = new DkimVerifier(locator);
        foreach (var message in _smtp.Messages)
        {
            var signature = Assert.Single(message.Headers, h => h.Id == HeaderId.DkimSignature);
            var tags = signature.Value.Split(';').Select(t => t.Split('=', 2)).ToDictionary(t => t[0].Trim(), t => t.Length > 1 ? string.Concat(t[1].Where(c => !char.IsWhiteSpace(c))) : "");
            Assert.Equal("relaxed/relaxed", tags["c"]);
            Assert.Equal("rsa-sha256", tags["a"]);
            Assert.Equal("example.org", tags["d"]);
            Assert.Equal("digest2026", tags["s"]);
            var signed = tags["h"].Split(':').Select(h => h.ToLowerInvariant()).ToHashSet();
            Assert.Superset(new HashSet<string> { "from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post" }, signed);
            Assert.True(await verifier.VerifyAsync(message, signature), $"signature of {message.To} does not verify");
        }
        Assert.Contains("digest2026._domainkey.example.org", locator.Asked);
    }

    [Fact]
    public async Task A_changed_list_header_or_body_no_longer_verifies()
    {
        Assert.Equal(0, (await _app.RunAsync("send", "--date", Edition)).ExitCode);
        var verifier = new DkimVerifier(new PublishedKey(_key));

        var header = _smtp.To("ada@example.org")[0];
        header.Headers["List-Unsubscribe"] = "<https://attacker.example/unsubscribe>";
        Assert.False(await verifier.VerifyAsync(header, header.Headers[header.Headers.IndexOf(HeaderId.DkimSignature)]));

        var body = _smtp.To("alan@example.net")[0];
        var text = (TextPart)((MultipartAlternative)body.Body!)[0];
        text.Text += "one more paper";
        Assert.False(await verifier.VerifyAsync(body, body.Headers[body.Headers.IndexOf(HeaderId.DkimSignature)]));
    }

    [Fact]
    public async Task A_missing_key_file_fails_the_start_in_one_line_naming_the_key()
    {
        _app.With("Dkim:PrivateKeyFile", Path.Combine(_app.Directory, "nope.pem"));

        var result = await _app.RunAsync("send", "--date", Edition);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("Dkim:PrivateKeyFile", line);
        Assert.Contains("nope.pem", line);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_half_configured_dkim_section_is_a_configuration_error()
    {
        _app.With("Dkim:Selector", "");

        var result = await _app.RunAsync("send", "--date", Edition);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Dkim:Selector must be set", result.Error);
    }
}
