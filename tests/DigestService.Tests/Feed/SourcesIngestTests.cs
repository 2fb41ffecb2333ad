using System.Collections.Concurrent;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

/// <summary>Several sources in one database: dedupe across formats, conditional GET, per-source stats, configuration.</summary>
public class SourcesIngestTests : FeedServerTest
{
    private const string ArxivFile = "arxiv-api-query-cs.LG-cs.AI-2026-04-30.xml";

    [Fact]
    public async Task A_paper_seen_on_arxiv_first_and_on_hf_later_is_one_paper_that_gains_its_upvotes()
    {
        App.WithSources(Server, ("arxiv", "arxiv-atom", "/arxiv"), ("huggingface", "hf-api", "/api/daily_papers"));
        var hfListsTide = false;
        Server.Handler = request => request.Url!.AbsolutePath == "/arxiv"
            ? new FeedAnswer(200, Fixtures.Read(ArxivFile), "application/atom+xml")
            : FeedAnswer.Json(hfListsTide ? TideOnHf(upvotes: 42) : "[]");
        await App.RunAsync("ingest", "--date", "2026-04-30");

        hfListsTide = true;
        var result = await App.RunAsync("ingest", "--date", "2026-05-01");

        Assert.Equal("huggingface: fetched 1, new 0, updated 1, skipped 0, unchanged 0, errors 0", result.OutputLines[1]);
        var tide = await PaperAsync("2604.26951");
        Assert.Equal(42, tide.Upvotes);
        Assert.Equal("[\"cs.CL\",\"cs.AI\",\"cs.LG\"]", tide.Categories);
        Assert.Equal("Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models", tide.Title);
        Assert.Equal(20, (await App.StatsAsync())["papers"]);
    }

    [Fact]
    public async Task A_source_without_upvotes_never_resets_the_upvotes_hf_gave()
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"), ("arxiv", "arxiv-atom", "/arxiv"));
        Server.Handler = request => request.Url!.AbsolutePath == "/arxiv"
            ? new FeedAnswer(200, Fixtures.Read(ArxivFile), "application/atom+xml")
            : FeedAnswer.Json(TideOnHf(upvotes: 42));

        await App.RunAsync("ingest", "--date", "2026-04-30");
        await App.RunAsync("ingest", "--date", "2026-05-01");

        Assert.Equal(42, (await PaperAsync("2604.26951")).Upvotes);
    }

    [Fact]
    public async Task The_second_ingest_asks_conditionally_and_a_304_counts_as_unchanged_not_as_an_error()
    {
        var conditions = new ConcurrentQueue<(string? IfNoneMatch, string? IfModifiedSince)>();
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"), ("arxiv", "arxiv-atom", "/arxiv"));
        Server.Handler = request =>
        {
            var ifNoneMatch = request.Headers["If-None-Match"];
            conditions.Enqueue((ifNoneMatch, request.Headers["If-Modified-Since"]));
            if (ifNoneMatch == "\"v1\"")
                return new FeedAnswer(304, "", "text/plain");
            var answer = request.Url!.AbsolutePath == "/arxiv"
                ? new FeedAnswer(200, Fixtures.Read(ArxivFile), "application/atom+xml")
                : FeedServer.ServeFixtureDays(request);
            return answer with { Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"", ["Last-Modified"] = "Thu, 13 Aug 2026 07:45:00 GMT" } };
        };
        await App.RunAsync("ingest", "--date", "2026-08-13");
        var before = await UpdatedAtAsync();

        var again = await App.RunAsync("ingest", "--date", "2026-08-13");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(
            [
                "huggingface: fetched 0, new 0, updated 0, skipped 0, unchanged 1, errors 0",
                "arxiv: fetched 0, new 0, updated 0, skipped 0, unchanged 1, errors 0",
            ],
            again.OutputLines);
        Assert.Equal([(null, null), (null, null), ("\"v1\"", "Thu, 13 Aug 2026 07:45:00 GMT"), ("\"v1\"", "Thu, 13 Aug 2026 07:45:00 GMT")], conditions.ToArray());
        Assert.Equal(before, await UpdatedAtAsync());
        Assert.Equal(40, (await App.StatsAsync())["papers"]);
    }

    [Fact]
    public async Task An_answer_that_could_not_be_read_leaves_no_validator_so_the_next_ingest_asks_in_full()
    {
        var conditional = 0;
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"));
        Server.Handler = request =>
        {
            if (request.Headers["If-None-Match"] is not null)
                Interlocked.Increment(ref conditional);
            return new FeedAnswer(200, "{\"error\":\"Invalid date\"}") { Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" } };
        };

        await App.RunAsync("ingest", "--date", "2026-08-13");
        await App.RunAsync("ingest", "--date", "2026-08-13");

        Assert.Equal(0, conditional);
    }

    [Fact]
    public async Task Stats_gives_each_source_its_last_success_and_a_later_error()
    {
        App.WithSources(Server, ("huggingface", "hf-api", "/api/daily_papers"), ("arxiv", "arxiv-atom", "/arxiv"), ("mirror", "rss", "/feed.xml"));
        var arxivDown = false;
        Server.Handler = request => request.Url!.AbsolutePath switch
        {
            "/arxiv" when arxivDown => new FeedAnswer(503, "maintenance", "text/plain"),
            "/arxiv" => new FeedAnswer(200, Fixtures.Read(ArxivFile), "application/atom+xml"),
            "/feed.xml" => new FeedAnswer(404, "gone", "text/plain"),
            _ => FeedServer.ServeFixtureDays(request),
        };
        await App.RunAsync("ingest", "--date", "2026-08-13");
        arxivDown = true;
        await App.RunAsync("ingest", "--date", "2026-08-13");

        var stats = await App.RunAsync("stats");

        var lines = stats.OutputLines;
        Assert.Equal(["papers: 40", "subscribers: 0"], lines.Take(2));
        var sources = lines.Where(l => l.StartsWith("source ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, sources.Count);
        Assert.Matches(@"^source huggingface: last success \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", sources[0]);
        Assert.Matches(@"^source arxiv: last success \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, last error \S+: HTTP 503 Service Unavailable from http://127\.0\.0\.1:\d+/arxiv$", sources[1]);
        Assert.Matches(@"^source mirror: last success never, last error \S+: HTTP 404 Not Found from http://127\.0\.0\.1:\d+/feed\.xml$", sources[2]);
    }

    [Theory]
    [InlineData("Feed:Sources:0:Format", "atom", "Feed:Sources:0:Format must be one of hf-api, hf-page, arxiv-atom, rss, got 'atom'.")]
    [InlineData("Feed:Sources:1:Name", "one", "Feed:Sources:1:Name 'one' is used by another source")]
    [InlineData("Feed:Sources:0:Url", "ftp://example.org/feed", "Feed:Sources:0 must be an absolute http(s) URL, got 'ftp://example.org/feed'.")]
    [InlineData("Feed:HostIntervals:arxiv.org", "-00:00:01", "Feed:HostIntervals:arxiv.org must be a TimeSpan between")]
    [InlineData("Feed:MaxResponseBytes", "10", "Feed:MaxResponseBytes must be at least 1024.")]
    public async Task A_bad_feed_setting_fails_the_start_naming_its_key(string key, string value, string message)
    {
        App.WithSources(Server, ("one", "hf-api", "/a"), ("two", "rss", "/b/{date}.xml")).With(key, value);

        var result = await App.RunAsync("ingest");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("configuration error: ", result.Error);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task A_url_with_a_date_placeholder_is_read_once_per_day_of_the_window()
    {
        App.With("Feed:WindowDays", "2").WithSources(Server, ("page", "hf-page", "/papers/date/{date}"));
        Server.Handler = _ => new FeedAnswer(200, Fixtures.Read("hf-papers-page-2024-08-01.html"), "text/html");

        var result = await App.RunAsync("ingest", "--date", "2024-08-02");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/papers/date/2024-08-01", "/papers/date/2024-08-02"], Server.Requests.Order().ToArray());
        // Both answers are the 2024-08-01 page, whose own date wins over the day asked for.
        Assert.Equal("page: fetched 13, new 13, updated 0, skipped 0, unchanged 0, errors 0", Assert.Single(result.OutputLines));
    }

    /// <summary>An HF API answer listing the arXiv fixture's first paper, as HF lists papers: bare id, upvotes, no categories.</summary>
    private static string TideOnHf(int upvotes) => $$"""
        [{"paper":{"id":"2604.26951","title":"Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models",
          "summary":"Diffusion large language models (dLLMs) offer parallel decoding.","upvotes":{{upvotes}},
          "authors":[{"_id":"a","name":"Gongbo Zhang","hidden":false}],"publishedAt":"2026-04-29T00:00:00.000Z"},
          "numComments":3,"publishedAt":"2026-04-28T20:00:00.000Z","title":"Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models"}]
        """;

    private async Task<(long Upvotes, string? Categories, string Title)> PaperAsync(string id) =>
        Assert.Single(await App.QueryAsync<(long, string?, string)>("SELECT upvotes, categories, title FROM papers WHERE arxiv_id = @id", new { id }));

    private Task<IReadOnlyList<string>> UpdatedAtAsync() => App.QueryAsync<string>("SELECT arxiv_id || updated_at FROM papers ORDER BY arxiv_id");
}
