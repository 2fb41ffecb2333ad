using System.Net;
using System.Text.Json;
using DigestService.Tests.Support;

namespace DigestService.Tests.Operations;

/// <summary>GET /readyz with the scheduler running: a failing feed is Degraded and named, and its ingest is retried.</summary>
public class ReadinessTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly TestSmtpServer _smtp = new();
    private readonly FeedServer _feed = new(_ => new FeedAnswer(503, "down for maintenance", "text/plain"));

    public Task InitializeAsync()
    {
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "1").With("Feed:MaxRetries", "0").With(_smtp.Settings)
            // The cron slots are a year apart: only the catch-up at start and the retry can run the ingest.
            .With("Schedule:IngestCron", "0 0 0 1 1 ?").With("Schedule:SendCron", "0 0 0 1 1 ?")
            .With("Schedule:IngestRetryDelay", "00:00:02");
        return Task.CompletedTask;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(RunningSite site)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(site.BaseUrl + "/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_failing_feed_is_Degraded_naming_the_source_and_its_error_and_its_ingest_is_retried_after_the_delay()
    {
        await using var site = await RunningSite.StartAsync(_app, scheduler: true);
        await Eventually.WaitAsync(() => _feed.Requests.Count >= 1 ? _feed.Requests : null, "the catch-up ingest at start");
        await Eventually.WaitAsync(async () => (await ReadyAsync(site)).Body.GetProperty("checks").GetProperty("feed").GetProperty("description").GetString()!.Contains("last error"), "the failure recorded");

        var (status, body) = await ReadyAsync(site);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var feed = body.GetProperty("checks").GetProperty("feed");
        Assert.Equal("Degraded", feed.GetProperty("status").GetString());
        Assert.Contains("huggingface", feed.GetProperty("description").GetString());
        Assert.Contains("503", feed.GetProperty("description").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
        var failed = await _app.QueryAsync<string>("SELECT outcome FROM job_runs WHERE job = 'ingest'");
        Assert.Equal(["failed"], failed);

        // The feed mends; the retry comes after Schedule:IngestRetryDelay, long before the next cron slot.
        _feed.Handler = FeedServer.ServeFixtureDays;
        await Eventually.WaitAsync(async () => (await ReadyAsync(site)).Body.GetProperty("checks").GetProperty("feed").GetProperty("status").GetString() == "Healthy", "the retried ingest", TimeSpan.FromSeconds(30));
        Assert.Equal(["failed", "ok"], await _app.QueryAsync<string>("SELECT outcome FROM job_runs WHERE job = 'ingest' ORDER BY id"));
    }

    [Fact]
    public async Task A_source_whose_latest_ingest_failed_is_Degraded_even_after_a_recent_success()
    {
        _feed.Handler = FeedServer.ServeFixtureDays;
        await using var site = await RunningSite.StartAsync(_app);
        Assert.Equal(0, (await _app.RunAsync("ingest", "--date", "2026-08-13")).ExitCode);
        Assert.Equal("Healthy", (await ReadyAsync(site)).Body.GetProperty("checks").GetProperty("feed").GetProperty("status").GetString());

        _feed.Handler = _ => new FeedAnswer(503, "down for maintenance", "text/plain");
        await _app.RunAsync("ingest", "--date", "2026-08-13");

        var feed = (await ReadyAsync(site)).Body.GetProperty("checks").GetProperty("feed");
        Assert.Equal("Degraded", feed.GetProperty("status").GetString());
        Assert.Contains("huggingface", feed.GetProperty("description").GetString());
        Assert.Contains("503", feed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_database_without_its_migrations_is_Unhealthy_with_503()
    {
        await using var site = await RunningSite.StartAsync(_app);
        await _app.ExecuteAsync("DELETE FROM schema_migrations WHERE name = '0007_operations'");
        var (status, body) = await ReadyAsync(site);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("0007_operations", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_unreachable_mail_server_is_Degraded_and_healthz_stays_ok()
    {
        _app.With("Smtp:Port", FeedServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var site = await RunningSite.StartAsync(_app);
        var (status, body) = await ReadyAsync(site);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("smtp").GetProperty("status").GetString());
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(site.BaseUrl + "/healthz"));
    }

    [Fact]
    public async Task Check_descriptions_go_only_to_clients_in_Metrics_AllowFrom_others_get_the_statuses()
    {
        _app.With("Smtp:Port", FeedServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var site = await RunningSite.StartAsync(_app);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, site.BaseUrl + "/readyz");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var outside = await http.SendAsync(request);
        var body = JsonDocument.Parse(await outside.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var smtp = body.GetProperty("checks").GetProperty("smtp");
        Assert.Equal("Degraded", smtp.GetProperty("status").GetString());
        Assert.False(smtp.TryGetProperty("description", out _));
        Assert.DoesNotContain("127.0.0.1", body.ToString());
        var inside = (await ReadyAsync(site)).Body.GetProperty("checks").GetProperty("smtp");
        Assert.False(string.IsNullOrEmpty(inside.GetProperty("description").GetString()));
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _smtp.DisposeAsync();
        _app.Dispose();
    }
}
