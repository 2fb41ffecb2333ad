using DigestService.Tests.Support;

namespace DigestService.Tests.Web;

/// <summary>A bad topic catalog or sign-up setting stops the start with one line that names the key.</summary>
public class WebOptionsTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("Topics:0:Key", "Large Language Models", "Topics:0:Key must be 1 to 32 lowercase letters")]
    [InlineData("Topics:1:Key", "llm", "Topics:1:Key 'llm' appears twice.")]
    [InlineData("Topics:2:Label", "", "Topics:2:Label must not be empty.")]
    [InlineData("Subscriptions:ConfirmationLifetime", "00:00:10", "Subscriptions:ConfirmationLifetime must be at least 00:05:00.")]
    [InlineData("Subscriptions:ConfirmationMailsPerDay", "0", "Subscriptions:ConfirmationMailsPerDay must be between 1 and 50.")]
    [InlineData("RateLimits:SubscribePerMinute", "0", "RateLimits:SubscribePerMinute must be between 1 and 10000.")]
    public async Task A_bad_setting_fails_the_start_naming_its_key(string key, string value, string message)
    {
        var result = await _app.With(key, value).RunAsync("stats");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("configuration error:", result.Error);
        Assert.Contains(message, result.Error);
    }
}
