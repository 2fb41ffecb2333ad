using DigestService.Config;
using DigestService.Store;
using DigestService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using DigestService.Links;

namespace DigestService.Tests.Links;

public class TokenSignerTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 19, 7, 0, 0, TimeSpan.Zero));

    public void Dispose() => _app.Dispose();

    private async Task<TokenSigner> SignerAsync(Dictionary<string, string>? keys = null, string current = "")
    {
        await using var app = Program.Build([], serve: false, _app.Settings);
        await StartupChecks.RunAsync(app.Services);
        var ring = new TokenKeyRing(Options.Create(new TokenOptions { Keys = keys ?? [], CurrentKeyId = current }), app.Services.GetRequiredService<SettingsStore>());
        await ring.InitializeAsync();
        return new TokenSigner(ring, _clock);
    }

    [Fact]
    public async Task A_signed_token_verifies_for_its_purpose_only()
    {
        var signer = await SignerAsync();
        var token = signer.Sign(TokenPurpose.Unsubscribe, 42);

        Assert.Equal(42, signer.Verify(TokenPurpose.Unsubscribe, token));
        Assert.Null(signer.Verify(TokenPurpose.Preferences, token));
        Assert.Null(signer.Verify(TokenPurpose.Confirmation, token));
    }

    [Fact]
    public async Task Tampered_truncated_and_forged_tokens_are_refused()
    {
        var signer = await SignerAsync();
        var token = signer.Sign(TokenPurpose.Unsubscribe, 42);
        var parts = token.Split('.');

        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, $"43.{parts[1]}.{parts[2]}.{parts[3]}"));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, token[..^2]));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, "42.db.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, ""));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, "not-a-token"));
    }

    [Fact]
    public async Task Only_the_exact_spelling_that_was_signed_is_accepted()
    {
        var signer = await SignerAsync();
        var token = signer.Sign(TokenPurpose.Unsubscribe, 42);
        var parts = token.Split('.');

        Assert.Equal(42, signer.Verify(TokenPurpose.Unsubscribe, token));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, token + "="));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, "0" + token));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, $"{parts[0]}.{parts[1]}.00.{parts[3]}"));
        Assert.Null(signer.Verify(TokenPurpose.Unsubscribe, $"+{token}"));
    }

    [Fact]
    public async Task The_generated_key_is_kept_so_links_survive_a_restart()
    {
        var token = (await SignerAsync()).Sign(TokenPurpose.Preferences, 7);

        Assert.Equal(7, (await SignerAsync()).Verify(TokenPurpose.Preferences, token));
    }

    [Fact]
    public async Task Old_links_keep_working_after_a_new_key_is_added()
    {
        var before = await SignerAsync(new() { ["k1"] = new string('a', 40) }, "k1");
        var token = before.Sign(TokenPurpose.Unsubscribe, 9);

        var after = await SignerAsync(new() { ["k1"] = new string('a', 40), ["k2"] = new string('b', 40) }, "k2");

        Assert.Equal(9, after.Verify(TokenPurpose.Unsubscribe, token));
        Assert.Contains(".k2.", after.Sign(TokenPurpose.Unsubscribe, 9));
        var withoutOldKey = await SignerAsync(new() { ["k2"] = new string('b', 40) }, "k2");
        Assert.Null(withoutOldKey.Verify(TokenPurpose.Unsubscribe, token));
    }

    [Fact]
    public async Task Expiring_tokens_stop_working_after_their_lifetime_and_others_never_do()
    {
        var signer = await SignerAsync();
        var confirm = signer.Sign(TokenPurpose.Confirmation, 5, TimeSpan.FromDays(2));
        var unsubscribe = signer.Sign(TokenPurpose.Unsubscribe, 5);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(5, signer.Verify(TokenPurpose.Confirmation, confirm));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(signer.Verify(TokenPurpose.Confirmation, confirm));
        _clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(5, signer.Verify(TokenPurpose.Unsubscribe, unsubscribe));
    }
}
