using DigestService.Tests.Support;

namespace DigestService.Tests.Cli;

/// <summary>`preview` tells the truth: the digest that was made when there is one, and no pretend "nothing new" before an ingest.</summary>
public class PreviewTests : IAsyncLifetime
{
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(3, "2026-08-14");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task After_send_preview_shows_the_papers_that_were_sent_in_their_order_and_says_so()
    {
        await _fixture.AddAsync("ada@example.org", "--keywords", "agent");
        await _fixture.RunOkAsync("send", "--date", "2026-08-14");
        var sent = DigestMail.PaperIds(Assert.Single(_fixture.Smtp.To("ada@example.org")));
        // A paper she rates away afterwards would change a fresh selection, but not what was sent.
        await _fixture.AddAsync("ada@example.org", "--keywords", "robot");

        var path = Path.Combine(_fixture.App.Directory, "ada.html");
        var result = await _fixture.RunOkAsync("preview", "ada@example.org", "--date", "2026-08-14", "--out", path);

        Assert.Equal(sent, DigestMail.PaperIds(await File.ReadAllTextAsync(path)));
        Assert.Contains("the digest made for ada@example.org, edition 2026-08-14 (sent)", result.Output);
        Assert.Matches("Why: keyword (&quot;|&#34;|\")agent", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Preview_of_a_window_with_nothing_ingested_exits_1_naming_the_ingest_to_run()
    {
        await _fixture.AddAsync("ada@example.org");

        var result = await _fixture.App.RunAsync("preview", "ada@example.org", "--date", "2026-09-30", "--out", Path.Combine(_fixture.App.Directory, "x.html"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("no papers ingested for the window ending 2026-09-30; run ingest --date 2026-09-30", result.Error.Trim());
        Assert.False(File.Exists(Path.Combine(_fixture.App.Directory, "x.html")));
    }

    [Fact]
    public async Task Before_send_preview_shows_what_would_be_sent_and_says_it_is_not_sent_yet()
    {
        await _fixture.AddAsync("ada@example.org");

        var result = await _fixture.RunOkAsync("preview", "ada@example.org", "--date", "2026-08-14", "--out", Path.Combine(_fixture.App.Directory, "p.html"));

        Assert.Contains("10 papers for ada@example.org, edition 2026-08-14 (not sent yet)", result.Output);
    }
}
