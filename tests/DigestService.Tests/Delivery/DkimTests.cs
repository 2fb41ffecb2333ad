using System.Security.Cryptography;
using DigestService.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;

namespace DigestService.Tests.Delivery;

/// <summary>Digests signed with a key made here, received by a real SMTP server, verified with MimeKit's DkimVerifier.</summary>
public class DkimTests : DeliveryHarness
{
    private readonly RSA _key = RSA.Create(2048);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var keyFile = Path.Combine(App.Directory, "dkim.pem");
        await File.WriteAllTextAsync(keyFile, _key.ExportPkcs8PrivateKeyPem());
        App.With("Dkim:Domain", "example.org").With("Dkim:Selector", "digest2026").With("Dkim:PrivateKeyFile", keyFile);
        Assert.Equal(0, (await App.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);
        Assert.Equal(0, (await App.RunAsync("subscribers", "add", "alan@example.net", "--confirmed")).ExitCode);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
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
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);

        Assert.Equal(2, Smtp.Messages.Count);
        var locator = new PublishedKey(_key);
        var verifier = new DkimVerifier(locator);
        foreach (var message in Smtp.Messages)
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
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        var verifier = new DkimVerifier(new PublishedKey(_key));

        var header = Smtp.To("ada@example.org")[0];
        header.Headers["List-Unsubscribe"] = "<https://attacker.example/unsubscribe>";
        Assert.False(await verifier.VerifyAsync(header, header.Headers[header.Headers.IndexOf(HeaderId.DkimSignature)]));

        var body = Smtp.To("alan@example.net")[0];
        var text = (TextPart)((MultipartAlternative)body.Body!)[0];
        text.Text += "one more paper";
        Assert.False(await verifier.VerifyAsync(body, body.Headers[body.Headers.IndexOf(HeaderId.DkimSignature)]));
    }

    [Fact]
    public async Task A_missing_key_file_fails_the_start_in_one_line_naming_the_key()
    {
        App.With("Dkim:PrivateKeyFile", Path.Combine(App.Directory, "nope.pem"));

        var line = await FailedSendAsync();

        Assert.Contains("Dkim:PrivateKeyFile", line);
        Assert.Contains("nope.pem", line);
        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task A_half_configured_dkim_section_is_a_configuration_error()
    {
        App.With("Dkim:Selector", "");

        Assert.Contains("Dkim:Selector must be set", await FailedSendAsync());
    }
}
