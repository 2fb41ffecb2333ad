using System.Globalization;
using System.Net;
using System.Text.Json;
using DigestService.Tests.Support;
using Xunit.Abstractions;

namespace DigestService.Tests.Operations;

/// <summary>
/// The built service under <c>serve</c>, as a child process with its scheduler on: what its metrics say after a
/// scheduled ingest and send, and how it stops on SIGTERM in the middle of a send.
/// </summary>
public class ServeProcessTests(ITestOutputHelper output) : DeliveryHarness
{
    private const int Connections = 4;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly string _url = $"http://127.0.0.1:{FeedServer.FreePort()}";

    /// <summary>Nothing is ingested beforehand: the scheduled ingest under serve is the first.</summary>
    public override Task InitializeAsync()
    {
        // Whatever today is, the feed answers with the papers of the fixture day, so the scheduled ingest finds some.
        Feed.Handler = _ => FeedAnswer.Json(Fixtures.HfDay(Edition));
        App.With("Feed:Url", Feed.Url).With("Feed:WindowDays", "1").With(Smtp.Settings)
            .With("Schedule:SendCron", "0/2 * * * * ?")
            .With("Shutdown:Timeout", StopTimeout.ToString("c", CultureInfo.InvariantCulture))
            .With("Smtp:MaxConnections", Connections.ToString(CultureInfo.InvariantCulture))
            .With("Digest:MaxPapers", "1")
            // A lease far longer than any test: only rows given back can be sent again at once.
            .With("Delivery:LeaseDuration", "00:10:00");
        return Task.CompletedTask;
    }

    /// <summary>Subscribers whose delivery hour (0) has come whatever the time of day, so the scheduled send takes them.</summary>
    private async Task AddDueSubscribersAsync(int count)
    {
        var file = Path.Combine(App.Directory, "due.csv");
        await File.WriteAllLinesAsync(file, ["email,hour", .. Enumerable.Range(0, count).Select(i => $"due-{i}@example.org,0")]);
        var result = await App.RunAsync("subscribers", "import", file, "--confirmed");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    private BuiltService Serve() => new(App, "serve", "--urls", _url);

    [Fact]
    public async Task After_a_scheduled_ingest_and_send_metrics_count_what_was_sent_and_ingested_and_SIGTERM_stops_it()
    {
        const int subscribers = 25;
        await AddDueSubscribersAsync(subscribers);
        using var service = Serve();
        await Eventually.WaitAsync(() => Smtp.Messages.Count >= subscribers ? Smtp.Messages : null, $"{subscribers} digests", TimeSpan.FromMinutes(2));

        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(_url + "/healthz"));
        var metrics = Scrape.Parse(await http.GetStringAsync(_url + "/metrics"));
        var stats = await App.StatsAsync();
        Assert.Equal(subscribers, metrics["digest_deliveries_total{result=\"sent\"}"]);
        Assert.Equal(stats["papers"], metrics["digest_ingest_papers_total{kind=\"new\",source=\"huggingface\"}"]);
        Assert.Equal(0, metrics["digest_ingest_errors_total{source=\"huggingface\"}"]);
        var freshness = DateTimeOffset.FromUnixTimeMilliseconds((long)(metrics["digest_feed_last_success_timestamp_seconds{source=\"huggingface\"}"] * 1000));
        Assert.InRange(freshness, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow);
        Assert.Equal(subscribers, metrics["digest_subscribers{status=\"active\"}"]);
        Assert.Equal(0, metrics["digest_outbox_pending"]);
        Assert.Equal(subscribers, metrics["digest_smtp_send_duration_seconds_count"]);
        Assert.Contains(metrics.Keys, k => k.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
        Assert.Contains(metrics.Keys, k => k.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        Assert.Contains(metrics.Keys, k => k.StartsWith("quartz_job_execution", StringComparison.Ordinal));

        using var ready = await http.GetAsync(_url + "/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("feed").GetProperty("status").GetString());

        service.Terminate();
        var took = await service.WaitForExitAsync(StopTimeout + TimeSpan.FromSeconds(5));
        Assert.Equal(0, service.ExitCode);
        Assert.True(took < StopTimeout, $"stopped after {took}");
        // One log line per run, with the counts the CLI prints.
        Assert.Contains($"Send run: queued {subscribers}, nothing new 0, sent {subscribers}", await service.Error);
        Assert.Contains("Ingest run: huggingface: fetched", await service.Error);
    }

    [Fact]
    public async Task SIGTERM_to_serve_mid_send_lets_messages_in_flight_finish_and_gives_the_rest_back_for_an_immediate_send()
    {
        const int subscribers = 200;
        await AddDueSubscribersAsync(subscribers);
        using (var service = Serve())
            await StopMidSendAsync(service, expectedExitCode: 0);
        await SendTheRestAsync(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), subscribers);
    }

    [Fact]
    public async Task SIGTERM_to_the_send_verb_mid_send_lets_messages_in_flight_finish_and_gives_the_rest_back_for_an_immediate_send()
    {
        const int subscribers = 200;
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", Edition)).ExitCode);
        await App.ImportSubscribersAsync(subscribers);
        using (var send = new BuiltService(App, "send", "--date", Edition))
        {
            await StopMidSendAsync(send, expectedExitCode: 1);
            Assert.Contains("send: the process is stopping", await send.Error);
        }
        await SendTheRestAsync(Edition, subscribers);
    }

    /// <summary>
    /// Holds every message at the server, stops the service once messages are in flight on its connections, then lets
    /// them through: those must be recorded as sent, and every other claimed row must be given back at once.
    /// </summary>
    private async Task StopMidSendAsync(BuiltService service, int expectedExitCode)
    {
        Smtp.HoldData();
        await Eventually.WaitAsync(() => Smtp.Held.Count >= Connections ? Smtp.Held : null, "a message in flight on every connection", TimeSpan.FromMinutes(2));
        service.Terminate();
        await Task.Delay(500);
        Assert.False(service.HasExited, "the service left without waiting for the messages in flight");
        Smtp.ReleaseData();
        var took = await service.WaitForExitAsync(StopTimeout + TimeSpan.FromSeconds(10));
        output.WriteLine($"stopped after {took.TotalSeconds:0.00} s with {Smtp.Messages.Count} sent");
        Assert.True(took < StopTimeout, $"took {took} to stop, more than Shutdown:Timeout {StopTimeout}");
        Assert.Equal(expectedExitCode, service.ExitCode);
        var sent = await App.QueryAsync<string>("SELECT s.email FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id WHERE d.state = 'sent'");
        Assert.Equal(Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order(), sent.Order());
        Assert.Empty(await App.QueryAsync<long>("SELECT id FROM deliveries WHERE state = 'sending'"));
    }

    private async Task SendTheRestAsync(string edition, int subscribers)
    {
        var rest = await App.RunAsync("send", "--date", edition);
        Assert.True(rest.ExitCode == 0, rest.Error);
        var perAddress = Smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(subscribers, perAddress.Count);
        Assert.All(perAddress.Values, n => Assert.Equal(1, n));
    }
}
