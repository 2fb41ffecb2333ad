using System.Net;
using DigestService.Tests.Support;

namespace DigestService.Tests.Operations;

/// <summary>GET /metrics answers only the addresses in Metrics:AllowFrom (loopback by default).</summary>
public class MetricsAccessTests : IAsyncLifetime
{
    private readonly TestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Loopback_reads_the_metrics_by_default_in_prometheus_text()
    {
        await using var site = await RunningSite.StartAsync(_app);
        using var http = new HttpClient();
        using var response = await http.GetAsync(site.BaseUrl + "/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var samples = Scrape.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, samples["digest_subscribers{status=\"active\"}"]);
        Assert.Equal(0, samples["digest_outbox_pending"]);
    }

    [Fact]
    public async Task An_address_outside_Metrics_AllowFrom_gets_404()
    {
        _app.With("Metrics:AllowFrom:0", "10.0.0.0/8").With("Metrics:AllowFrom:1", "192.168.1.7");
        await using var site = await RunningSite.StartAsync(_app);
        using var http = new HttpClient();
        using var response = await http.GetAsync(site.BaseUrl + "/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("digest_", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_named_by_a_local_reverse_proxy_is_judged_by_its_own_address()
    {
        await using var site = await RunningSite.StartAsync(_app);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, site.BaseUrl + "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_range_stops_the_start_naming_the_key()
    {
        var result = await _app.With("Metrics:AllowFrom:0", "10.0.0.0/99").RunAsync("stats");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Metrics:AllowFrom", result.Error);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
