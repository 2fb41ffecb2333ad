using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>
/// 2608.12313 is listed on 2026-08-13 (2 upvotes) and again on 2026-08-19 (27): whoever had it on the first day never
/// gets it again. Day by day through the CLI with a one-day window, over real SMTP.
/// </summary>
public class NoPaperTwiceTests : IAsyncLifetime
{
    private const string Relisted = "2608.12313";
    private readonly FeedServer _feed = new();
    private readonly TestSmtpServer _smtp = new();
    private readonly TestApp _app = new();

    public async Task InitializeAsync()
    {
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "1").With(_smtp.Settings);
        Assert.Equal(0, (await _app.RunAsync("ingest", "--date", "2026-08-13")).ExitCode);
        await _app.RunAsync("subscribers", "add", "ada@example.org", "--confirmed", "--max-papers", "100");
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _smtp.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task A_paper_sent_on_day_one_never_comes_again_even_relisted_with_more_upvotes()
    {
        Assert.Equal(0, (await _app.RunAsync("send", "--date", "2026-08-13")).ExitCode);
        Assert.Equal(0, (await _app.RunAsync("ingest", "--date", "2026-08-19")).ExitCode);
        await _app.RunAsync("subscribers", "add", "newcomer@example.org", "--confirmed", "--max-papers", "100");

        Assert.Equal(0, (await _app.RunAsync("send", "--date", "2026-08-19")).ExitCode);

        var ada = _smtp.To("ada@example.org");
        Assert.Equal(2, ada.Count);
        var first = DigestMail.PaperIds(ada[0]);
        var second = DigestMail.PaperIds(ada[1]);
        Assert.Equal(20, first.Count);
        Assert.Contains(Relisted, first);
        Assert.DoesNotContain(Relisted, second);
        Assert.Equal(25, second.Count);
        Assert.Empty(first.Intersect(second));
        // Someone who did not have it gets it, ranked among the day's papers.
        Assert.Contains(Relisted, DigestMail.PaperIds(Assert.Single(_smtp.To("newcomer@example.org"))));
    }

    [Fact]
    public async Task An_edition_with_nothing_new_is_skipped_without_mail()
    {
        Assert.Equal(0, (await _app.RunAsync("send", "--date", "2026-08-13")).ExitCode);
        _app.With("Feed:WindowDays", "3");

        // The 08-14 edition's window holds only the 08-13 papers (08-14 is not ingested), all of which Ada had.
        var result = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("queued 0, nothing new 1, sent 0", result.Output);
        Assert.Single(_smtp.To("ada@example.org"));
        var stats = await _app.StatsAsync();
        Assert.Equal(2, stats["deliveries"]);
        Assert.Equal(1, stats["sent"]);
    }
}
