using DigestService.Config;
using Dapper;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

public abstract class IngestTests : FeedServerTest
{
    public override Task InitializeAsync()
    {
        App.With("Feed:Url", Server.Url);
        return base.InitializeAsync();
    }

    [Fact]
    public async Task A_paper_listed_on_two_days_is_one_row_with_the_newest_upvotes_and_two_sightings()
    {
        var first = await App.RunAsync("ingest", "--date", "2026-08-13");
        var second = await App.RunAsync("ingest", "--date", "2026-08-19");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("huggingface: fetched 20, new 20, updated 0, skipped 0, unchanged 0, errors 0", Assert.Single(first.OutputLines));
        Assert.Equal("huggingface: fetched 26, new 25, updated 1, skipped 0, unchanged 0, errors 0", Assert.Single(second.OutputLines));
        await using var db = await App.OpenAsync();
        Assert.Equal(45, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM papers"));
        var upvotes = await db.QuerySingleAsync<long>("SELECT upvotes FROM papers WHERE arxiv_id = '2608.12313'");
        var sightings = (await db.QueryAsync<(string Day, long Upvotes)>(
            "SELECT listed_on, upvotes FROM sightings WHERE arxiv_id = '2608.12313' ORDER BY listed_on")).ToList();
        Assert.Equal(["2026-08-13", "2026-08-19"], sightings.Select(s => s.Day));
        Assert.Equal(sightings[1].Upvotes, upvotes);
        Assert.True(sightings[1].Upvotes > sightings[0].Upvotes);
    }

    [Fact]
    public async Task Ingesting_the_same_day_again_adds_nothing()
    {
        await App.RunAsync("ingest", "--date", "2026-08-14");
        var again = await App.RunAsync("ingest", "--date", "2026-08-14");

        Assert.Equal("huggingface: fetched 23, new 0, updated 23, skipped 0, unchanged 0, errors 0", Assert.Single(again.OutputLines));
        Assert.Equal(23, (await App.StatsAsync())["papers"]);
    }

    [Fact]
    public async Task The_window_reads_each_day_ending_at_the_date()
    {
        App.With("Feed:WindowDays", "3");

        var result = await App.RunAsync("ingest", "--date", "2026-08-15");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/api/daily_papers?date=2026-08-13", "/api/daily_papers?date=2026-08-14", "/api/daily_papers?date=2026-08-15"], Server.Requests.Order().ToArray());
        Assert.Equal(43, (await App.StatsAsync())["papers"]);
    }

    [Theory]
    [InlineData("truncated", "not valid JSON")]
    [InlineData("html", "HTML page")]
    [InlineData("500", "HTTP 500")]
    [InlineData("404", "HTTP 404")]
    [InlineData("object", "expected a JSON array")]
    [InlineData("empty-body", "empty")]
    public async Task A_broken_answer_fails_with_one_line_and_loses_no_paper(string kind, string reason)
    {
        await App.RunAsync("ingest", "--date", "2026-08-13");
        var before = await PapersAsync();
        var good = Fixtures.HfDay("2026-08-19");
        Server.Handler = _ => kind switch
        {
            "truncated" => FeedAnswer.Json(good[..(good.Length / 2)]),
            "html" => new FeedAnswer(200, "<!DOCTYPE html><html><body><h1>We'll be right back</h1></body></html>", "text/html"),
            "500" => new FeedAnswer(500, "Internal Server Error", "text/plain"),
            "404" => new FeedAnswer(404, "{\"error\":\"not found\"}"),
            "object" => FeedAnswer.Json("{\"error\":\"Invalid date\"}"),
            _ => FeedAnswer.Json(""),
        };

        var result = await App.RunAsync("ingest", "--date", "2026-08-19");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith("huggingface: error: ", line);
        Assert.Contains(reason, line);
        Assert.Equal(before, await PapersAsync());
    }

    [Fact]
    public async Task An_empty_list_is_a_quiet_no_op()
    {
        var result = await App.RunAsync("ingest", "--date", "2026-08-16");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("huggingface: fetched 0, new 0, updated 0, skipped 0, unchanged 0, errors 0", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task A_later_answer_without_enrichment_does_not_blank_what_is_stored()
    {
        await App.RunAsync("ingest", "--date", "2026-08-13");
        Server.Handler = _ => FeedAnswer.Json("""
            [{"paper":{"id":"2608.12313","title":"Same paper","summary":"","upvotes":999,"authors":[],"publishedAt":"2026-08-12T00:00:00.000Z"},
              "numComments":0,"publishedAt":"2026-08-12T00:00:00.000Z","title":"Same paper"}]
            """);

        await App.RunAsync("ingest", "--date", "2026-08-19");

        await using var db = await App.OpenAsync();
        var row = await db.QuerySingleAsync<(string Authors, string Abstract, string? Summary, long Upvotes)>(
            "SELECT authors, abstract, ai_summary, upvotes FROM papers WHERE arxiv_id = '2608.12313'");
        var credits = await db.QuerySingleAsync<(string? Thumbnail, string? Organization, string? SubmittedBy)>(
            "SELECT thumbnail, organization, submitted_by FROM papers WHERE arxiv_id = '2608.12313'");
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.12313.png", credits.Thumbnail);
        Assert.Equal("taesiri", credits.SubmittedBy);
        Assert.NotEqual("[]", row.Authors);
        Assert.NotEmpty(row.Abstract);
        Assert.NotNull(row.Summary);
        Assert.Equal(999, row.Upvotes);
    }
}

public sealed class IngestTestsOnSqlite : IngestTests;

public sealed class IngestTestsOnPostgres : IngestTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
