using System.Collections.Concurrent;
using System.Diagnostics;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

/// <summary>
/// A real feed server on loopback that fails the way feeds fail over months of daily runs. Timeouts are generous
/// (the outcome is asserted, not the duration); the only time checks are lower bounds on waits the server asked for.
/// </summary>
public class MisbehavingFeedTests : FeedServerTest
{
    private const string Day = "2026-08-13";
    private readonly ConcurrentQueue<(string Path, TimeSpan At)> _arrivals = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _attempts;

    public override Task InitializeAsync()
    {
        // Generous: streaming 10 MB before the cap must not time out on a loaded 2-core machine; tests of the timeout set their own.
        App.With("Feed:Timeout", "00:00:30");
        return base.InitializeAsync();
    }

    [Fact]
    public async Task Two_500s_then_a_good_answer_is_a_successful_ingest()
    {
        var agents = new ConcurrentQueue<string?>();
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = request =>
        {
            agents.Enqueue(request.UserAgent);
            return Interlocked.Increment(ref _attempts) <= 2
                ? new FeedAnswer(500, "upstream exploded", "text/plain")
                : FeedServer.ServeFixtureDays(request);
        };

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("huggingface: fetched 20, new 20, updated 0, skipped 0, unchanged 0, errors 0", Assert.Single(result.OutputLines));
        Assert.Equal(3, _attempts);
        Assert.All(agents, agent => Assert.StartsWith("DigestService/1.0 (", agent));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_After_1_is_waited_for_and_then_the_ingest_succeeds(int status)
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = request =>
        {
            _arrivals.Enqueue((request.Url!.AbsolutePath, _clock.Elapsed));
            return Interlocked.Increment(ref _attempts) == 1
                ? new FeedAnswer(status, "slow down", "text/plain") { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
                : FeedServer.ServeFixtureDays(request);
        };

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("huggingface: fetched 20, new 20", Assert.Single(result.OutputLines));
        var arrivals = _arrivals.ToArray();
        Assert.Equal(2, arrivals.Length);
        // Retry-After is honoured instead of the 50 ms backoff the tests configure (a lower bound: it cannot flake).
        Assert.True(arrivals[1].At - arrivals[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {arrivals[1].At - arrivals[0].At}");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_timeout_is_reported_instead_of_waited_for()
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = _ =>
        {
            Interlocked.Increment(ref _attempts);
            return new FeedAnswer(429, "quota exceeded", "text/plain") { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } };
        };

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("huggingface: error: 2026-08-13: HTTP 429 Too Many Requests from " + $"http://127.0.0.1:{Server.Port}/api/daily_papers (Retry-After 01:00:00)", Assert.Single(result.OutputLines));
        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task A_source_that_never_answers_ends_at_its_timeout_while_the_other_sources_land()
    {
        App.With("Feed:Timeout", "00:00:02")
            .WithSources(Server, ("silent", "hf-api", "/silent"), ("huggingface", "hf-api", "/api/daily_papers"), ("arxiv", "arxiv-atom", "/arxiv"));
        Server.Handler = request => request.Url!.AbsolutePath switch
        {
            "/silent" => FeedAnswer.Json("[]") with { Delay = TimeSpan.FromMinutes(5) },
            "/arxiv" => new FeedAnswer(200, Fixtures.Read("arxiv-api-query-cs.RO-2025-10-17.xml"), "application/atom+xml"),
            _ => FeedServer.ServeFixtureDays(request),
        };

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"silent: error: 2026-08-13: no answer from http://127.0.0.1:{Server.Port}/silent within 00:00:02 (Feed:Timeout)",
                "huggingface: fetched 20, new 20, updated 0, skipped 0, unchanged 0, errors 0",
                "arxiv: fetched 2, new 2, updated 0, skipped 0, unchanged 0, errors 0",
            ],
            result.OutputLines);
        Assert.Equal(22, (await App.StatsAsync())["papers"]);
    }

    [Fact]
    public async Task A_source_that_never_answers_is_waited_for_once_per_ingest_not_once_per_day()
    {
        App.With("Feed:Timeout", "00:00:02").With("Feed:WindowDays", "3")
            .WithSources(Server, ("silent", "hf-api", "/silent"));
        Server.Handler = _ => FeedAnswer.Json("[]") with { Delay = TimeSpan.FromMinutes(5) };

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith("silent: error: 2026-08-11: no answer from", line);
        Assert.EndsWith("(and 2 more)", line);
        Assert.All(Server.Requests, path => Assert.Equal("/silent?date=2026-08-11", path));
    }

    public static TheoryData<string, string, string> BadAnswers => new()
    {
        { "hf-api", "truncated-json", "the answer is not valid JSON" },
        { "hf-api", "html-error-page", "expected JSON but the answer is an HTML page (text/html)" },
        { "hf-api", "wrong-content-type", "expected JSON but the answer is image/png" },
        { "hf-api", "empty", "the answer is empty" },
        { "hf-api", "20mb-chunked", "the answer is more than Feed:MaxResponseBytes (10485760 bytes)" },
        { "hf-api", "20mb-with-length", "more than Feed:MaxResponseBytes (10485760)" },
        { "hf-api", "connection-breaks", "broke off" },
        { "arxiv-atom", "truncated-xml", "the answer is not valid XML" },
        { "arxiv-atom", "html-error-page", "expected XML but the answer is an HTML page (text/html)" },
        { "rss", "truncated-xml", "the answer is not valid XML" },
        { "rss", "html-as-xml", "expected XML but the answer is an HTML page (application/rss+xml)" },
        { "hf-page", "html-error-page", "the page has no data-target=\"DailyPapers\" block" },
        { "hf-page", "layout-changed", "no dailyPapers list (the layout changed)" },
        { "hf-page", "20mb-chunked", "the answer is more than Feed:MaxResponseBytes" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task A_bad_answer_is_one_error_line_for_its_source_and_loses_nothing(string format, string kind, string reason)
    {
        var good = GoodAnswer(format);
        var misbehave = false;
        App.WithSources(Server, ("bad", format, "/bad"), ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = request => request.Url!.AbsolutePath == "/bad"
            ? misbehave ? BadAnswer(kind, good) : good
            : FeedServer.ServeFixtureDays(request);
        var first = await App.RunAsync("ingest", "--date", Day);
        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("bad: fetched ", first.OutputLines[0]);
        var before = await PapersAsync();

        misbehave = true;
        var result = await App.RunAsync("ingest", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Count);
        Assert.StartsWith("bad: error: ", result.OutputLines[0]);
        Assert.Contains(reason, result.OutputLines[0]);
        Assert.Equal("huggingface: fetched 23, new 23, updated 0, skipped 0, unchanged 0, errors 0", result.OutputLines[1]);
        var after = await PapersAsync();
        Assert.Empty(before.Except(after));
        Assert.Equal(before.Count + 23, after.Count);
    }

    [Fact]
    public async Task When_every_source_fails_the_ingest_exits_1_with_a_line_each()
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"), ("arxiv", "arxiv-atom", "/arxiv"));
        Server.Handler = request => request.Url!.AbsolutePath == "/arxiv"
            ? new FeedAnswer(200, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "application/atom+xml")
            : new FeedAnswer(404, "{\"error\":\"not found\"}");

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Count);
        Assert.StartsWith("huggingface: error: 2026-08-13: HTTP 404 Not Found", result.OutputLines[0]);
        Assert.StartsWith("arxiv: error: the answer is not valid XML", result.OutputLines[1]);
        Assert.Equal(0, (await App.StatsAsync())["papers"]);
    }

    [Fact]
    public async Task A_host_that_keeps_failing_opens_the_circuit_and_the_rest_of_the_window_fails_fast()
    {
        App.With("Feed:WindowDays", "3").WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = _ =>
        {
            Interlocked.Increment(ref _attempts);
            return new FeedAnswer(502, "bad gateway", "text/plain");
        };

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith("huggingface: error: 2026-08-11: HTTP 502 Bad Gateway", line);
        Assert.EndsWith("(and 2 more)", line);
        // The first day uses its four attempts (1 + Feed:MaxRetries 3); the open circuit spares the host the other days.
        Assert.Equal(4, _attempts);
    }

    [Fact]
    public async Task The_feed_client_waits_out_a_host_interval_even_past_its_timeout()
    {
        // The spacing itself is measured on a fake clock (HostPolitenessTests); here, an interval far beyond
        // Feed:Timeout shows the real client queues behind it: the second day's request never leaves.
        App.With("Feed:WindowDays", "2").With("Feed:Timeout", "00:00:02").With("Feed:HostIntervals:127.0.0.1", "00:10:00")
            .WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));

        var result = await App.RunAsync("ingest", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "huggingface: fetched 20, new 20, updated 0, skipped 0, unchanged 0, errors 1 " +
            $"(first: 2026-08-14: no answer from http://127.0.0.1:{Server.Port}/api/daily_papers within 00:00:02 (Feed:Timeout))",
            Assert.Single(result.OutputLines));
        Assert.Equal(["/api/daily_papers?date=2026-08-13"], Server.Requests);
    }

    private static FeedAnswer GoodAnswer(string format) => format switch
    {
        "hf-api" => FeedAnswer.Json(Fixtures.HfDay(Day)),
        "arxiv-atom" => new FeedAnswer(200, Fixtures.Read("arxiv-api-query-cs.LG-cs.AI-2026-04-30.xml"), "application/atom+xml; charset=utf-8"),
        "rss" => new FeedAnswer(200, Fixtures.Read("hf-daily-papers-rss-huangboming-2026-08-08.xml"), "application/rss+xml; charset=utf-8"),
        _ => new FeedAnswer(200, Fixtures.Read("hf-papers-page-2024-08-01.html"), "text/html; charset=utf-8"),
    };

    private static FeedAnswer BadAnswer(string kind, FeedAnswer good) => kind switch
    {
        "truncated-json" or "truncated-xml" => good with { Body = good.Body[..(good.Body.Length / 2)] },
        "html-error-page" => new FeedAnswer(200, "<!DOCTYPE html><html><body><h1>We'll be right back</h1></body></html>", "text/html; charset=utf-8"),
        "html-as-xml" => good with { Body = "<!DOCTYPE html><html><body><h1>Rate limited</h1></body></html>" },
        "wrong-content-type" => good with { ContentType = "image/png" },
        "empty" => good with { Body = "" },
        "layout-changed" => good with { Body = good.Body.Replace("dailyPapers", "papersOfTheDay", StringComparison.Ordinal) },
        "connection-breaks" => good with { BreakAfterBytes = good.Body.Length / 2 },
        "20mb-chunked" => good with { Body = new string(' ', 20 * 1024 * 1024), Chunked = true },
        _ => good with { Body = new string(' ', 20 * 1024 * 1024) },
    };

    [Fact]
    public async Task An_unreachable_host_is_one_line_that_says_so_and_points_at_a_mirror()
    {
        // A loopback port nobody listens on: refused at once, as an offline machine refuses every host.
        var closed = FeedServer.FreePort();
        App.With("Feed:Url", $"http://127.0.0.1:{closed}/api/daily_papers").With("Feed:MaxRetries", "0");

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith("huggingface: error: ", line);
        Assert.Contains($"could not reach the host 127.0.0.1:{closed}", line);
        Assert.Contains("set Feed:Url or Feed:Sources to a mirror", line);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Stats_ends_with_a_newline_and_keeps_one_line_per_source_whatever_its_last_error()
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = _ => new FeedAnswer(503, "down\r\nfor maintenance", "text/plain");
        await App.RunAsync("ingest", "--date", Day);

        var stats = await App.RunAsync("stats");

        Assert.Equal(0, stats.ExitCode);
        Assert.EndsWith("\n", stats.Output);
        Assert.DoesNotContain("\n\n", stats.Output);
        Assert.Single(stats.Output.Split('\n'), l => l.StartsWith("source huggingface:", StringComparison.Ordinal));
        Assert.Equal(stats.Output.Split('\n').Length - 1, stats.Output.Count(c => c == '\n'));
        Assert.DoesNotContain('\r', stats.Output);
    }
}
