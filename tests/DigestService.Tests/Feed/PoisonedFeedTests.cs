using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

/// <summary>Answers that parse but carry text no store, XML file or reader should take as it is.</summary>
public class PoisonedFeedTests : FeedServerTest
{
    private const string Day = "2026-08-13";

    [Fact]
    public async Task A_lone_surrogate_in_one_sources_JSON_is_that_sources_error_line_and_the_others_still_ingest()
    {
        App.WithSources(Server, ("bad", "hf-api", "/bad"), ("good", "hf-api", "/api/daily_papers"));
        Server.Handler = request => request.Url!.AbsolutePath == "/bad"
            ? FeedAnswer.Json("""[{"paper":{"id":"2608.00001","title":"Broken \ud800 title"}}]""")
            : FeedServer.ServeFixtureDays(request);

        var result = await App.RunAsync("ingest", "--date", Day);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Count);
        Assert.StartsWith("bad: error: ", result.OutputLines[0]);
        Assert.Contains("not valid Unicode", result.OutputLines[0]);
        Assert.StartsWith("good: fetched 20, new 20", result.OutputLines[1]);
        var stats = await App.RunAsync("stats");
        Assert.Contains(stats.OutputLines, l => l.StartsWith("source bad: last success never, last error ", StringComparison.Ordinal) && l.Contains("not valid Unicode"));
        Assert.Equal(20, (await App.StatsAsync())["papers"]);
    }
}
