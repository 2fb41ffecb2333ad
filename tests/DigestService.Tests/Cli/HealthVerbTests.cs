using DigestService.Tests.Support;

namespace DigestService.Tests.Cli;

/// <summary>`health [--url URL]` against a running server: the container health check.</summary>
public class HealthVerbTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync()
    {
        _app.With(_smtp.Settings);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_degraded_service_passes_and_says_what_is_degraded()
    {
        await using var site = await RunningSite.StartAsync(_app);
        var result = await _app.RunAsync("health", "--url", site.BaseUrl);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        // Nothing ingested yet: the feed is Degraded, the rest Healthy.
        Assert.Contains("200 Degraded; feed: Degraded (huggingface: never succeeded)", result.Output);
    }

    [Fact]
    public async Task An_unhealthy_service_fails()
    {
        await using var site = await RunningSite.StartAsync(_app);
        await _app.ExecuteAsync("DELETE FROM schema_migrations WHERE name = '0007_operations'");
        var result = await _app.RunAsync("health", "--url", site.BaseUrl);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("503 Unhealthy; database: Unhealthy", result.Output);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_fails_with_one_line()
    {
        var result = await _app.RunAsync("health", "--url", $"http://127.0.0.1:{FeedServer.FreePort()}");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("health: http://127.0.0.1:", Assert.Single(result.Error.Trim().Split('\n')));
    }

    [Fact]
    public async Task Without_url_it_asks_the_first_address_the_service_listens_on()
    {
        await using var site = await RunningSite.StartAsync(_app);
        var result = await _app.With("urls", site.BaseUrl.Replace("127.0.0.1", "0.0.0.0", StringComparison.Ordinal)).RunAsync("health");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.StartsWith(site.BaseUrl + "/readyz: 200", result.Output);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _app.Dispose();
    }
}
