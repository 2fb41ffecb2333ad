using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>
/// 2608.12313 is listed on 2026-08-13 (2 upvotes) and again on 2026-08-19 (27): whoever had it on the first day never
/// gets it again. Day by day through the CLI with a one-day window, over real SMTP.
/// </summary>
public class NoPaperTwiceTests : IAsyncLifetime
{
    private const string Relisted = "2608.12313";
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync()
    {
        _fixture = await FixtureApp.StartAsync(1, "2026-08-13");
        await _fixture.AddAsync("ada@example.org", "--max-papers", "100");
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_paper_sent_on_day_one_never_comes_again_even_relisted_with_more_upvotes()
    {
        await _fixture.RunOkAsync("send", "--date", "2026-08-13");
        await _fixture.RunOkAsync("ingest", "--date", "2026-08-19");
        await _fixture.AddAsync("newcomer@example.org", "--max-papers", "100");

        await _fixture.RunOkAsync("send", "--date", "2026-08-19");

        var ada = _fixture.Smtp.To("ada@example.org");
        Assert.Equal(2, ada.Count);
        var first = DigestMail.PaperIds(ada[0]);
        var second = DigestMail.PaperIds(ada[1]);
        Assert.Equal(20, first.Count);
        Assert.Contains(Relisted, first);
        Assert.DoesNotContain(Relisted, second);
        Assert.Equal(25, second.Count);
        Assert.Empty(first.Intersect(second));
        // Someone who did not have it gets it, ranked among the day's papers.
        Assert.Contains(Relisted, DigestMail.PaperIds(Assert.Single(_fixture.Smtp.To("newcomer@example.org"))));
    }

    [Fact]
    public async Task An_edition_with_nothing_new_is_skipped_without_mail()
    {
        await _fixture.RunOkAsync("send", "--date", "2026-08-13");
        _fixture.App.With("Feed:WindowDays", "3");

        // The 08-14 edition's window holds only the 08-13 papers (08-14 is not ingested), all of which Ada had.
        var result = await _fixture.RunOkAsync("send", "--date", "2026-08-14");

        Assert.Contains("queued 0, nothing new 1, sent 0", result.Output);
        Assert.Single(_fixture.Smtp.To("ada@example.org"));
        var stats = await _fixture.App.StatsAsync();
        Assert.Equal(2, stats["deliveries"]);
        Assert.Equal(1, stats["sent"]);
    }
}
