using DigestService.Tests.Support;

namespace DigestService.Tests.Delivery;

/// <summary>Sending a day whose papers are not ingested yet must not use the day up.</summary>
public class SendBeforeIngestTests : FeedServerTest
{
    [Fact]
    public async Task Send_before_ingest_fails_in_one_line_and_the_edition_still_goes_out_after_ingest()
    {
        App.With("Feed:Url", Server.Url);
        await App.RunAsync("subscribers", "add", "ada@example.org", "--confirmed");

        var early = await App.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(1, early.ExitCode);
        Assert.Contains("run `ingest --date 2026-08-14` first", Assert.Single(early.Error.TrimEnd().Split('\n')));
        Assert.Equal(0, (await App.StatsAsync())["deliveries"]);
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        var late = await App.RunAsync("send", "--date", "2026-08-14");
        Assert.Equal(0, late.ExitCode);
        Assert.Contains("queued 1", late.Output);
        Assert.Single(Directory.GetFiles(App.PickupDirectory, "*.eml"));
    }

    [Fact]
    public async Task A_due_subscriber_whose_window_is_empty_waits_for_the_ingest_instead_of_losing_the_day()
    {
        App.With("Feed:Url", Server.Url);
        await App.RunAsync("subscribers", "add", "ada@example.org", "--confirmed", "--timezone", "UTC", "--hour", "7");

        var early = await App.RunAsync("send", "--due", "--at", "2026-08-14T07:05:00Z");
        await App.RunAsync("ingest", "--date", "2026-08-14");
        var late = await App.RunAsync("send", "--due", "--at", "2026-08-14T09:05:00Z");

        Assert.Equal(0, early.ExitCode);
        Assert.Contains("no papers ingested yet for 2026-08-14", early.Output);
        Assert.Contains("queued 1", late.Output);
    }
}
