using DigestService.Config;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>Keyword, topic and everyone's digests through the CLI, on the 2026-08-13/14 fixture days, over real SMTP.</summary>
public abstract class PersonalizedSendTests : IAsyncLifetime
{
    /// <summary>The database the app runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly string[] Window = ["2026-08-13", "2026-08-14"];
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() =>
        _fixture = (await FixtureApp.StartAsync(Provider, 3, "2026-08-14")).WithTopic("bots", "robot", "embodied", "manipulation", "vision-language-action");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private async Task<CliResult> SendAsync() => await _fixture.RunOkAsync("send", "--date", "2026-08-14");

    private IReadOnlyList<string> Received(string address) => DigestMail.PaperIds(Assert.Single(_fixture.Smtp.To(address)));

    [Fact]
    public async Task A_keyword_subscriber_gets_exactly_the_papers_that_contain_the_keyword_ranked()
    {
        await _fixture.AddAsync("kw@example.org", "--keywords", "world model", "--max-papers", "50");

        await SendAsync();

        var expected = FixtureApp.PapersMatching(@"\bworld\W+model", Window);
        Assert.Equal(5, expected.Count);
        Assert.Equal(["2608.13489", "2608.13546", "2608.13552", "2608.13049", "2608.11216"], Received("kw@example.org"));
        Assert.Equal(expected, Received("kw@example.org").ToHashSet());
    }

    [Fact]
    public async Task A_topic_subscriber_gets_exactly_the_papers_of_the_topic()
    {
        await _fixture.AddAsync("bots@example.org", "--topics", "bots", "--max-papers", "50");

        await SendAsync();

        Assert.Equal(FixtureApp.PapersMatching(@"\b(robot|embodied|manipulation|vision\W+language\W+action)", Window), Received("bots@example.org").ToHashSet());
    }

    [Fact]
    public async Task A_subscriber_with_neither_gets_everyones_trending_list()
    {
        await _fixture.AddAsync("all@example.org");

        await SendAsync();

        Assert.Equal(RankingTests.Everyone0814.Take(10), Received("all@example.org"));
    }

    [Fact]
    public async Task Keywords_full_of_fts5_syntax_neither_crash_the_send_nor_widen_the_match()
    {
        await _fixture.AddAsync("plain@example.org", "--keywords", "world model", "--max-papers", "50");
        await _fixture.AddAsync("hostile@example.org", "--max-papers", "50",
            "--keywords", "world model, world model\" OR \"agent, NEAR(robot manipulation), title:xyz, *, -, :, ((, \", agent*)) OR *");
        await _fixture.AddAsync("syntax@example.org", "--max-papers", "50", "--keywords", "*, \", -, :, (, ), \"\", ^, +");

        var result = await SendAsync();

        Assert.Contains("queued 2, nothing new 1", result.Output);
        // Operators are words inside a phrase: "agent*)) OR *" is the phrase "agent or", which no paper says.
        Assert.Equal(Received("plain@example.org"), Received("hostile@example.org"));
        // Keywords with no word at all match nothing rather than everything.
        Assert.Empty(_fixture.Smtp.To("syntax@example.org"));
    }

    [Fact]
    public async Task With_the_note_policy_a_day_with_nothing_new_brings_a_short_note_without_papers()
    {
        _fixture.App.With("Digest:WhenNothingNew", "Note");
        await _fixture.AddAsync("quiet@example.org", "--keywords", "zymurgy");

        var result = await SendAsync();

        Assert.Contains("queued 0, nothing new 1, sent 1", result.Output);
        var note = Assert.Single(_fixture.Smtp.To("quiet@example.org"));
        Assert.Equal("Nothing new in your topics today", note.Subject);
        Assert.Empty(DigestMail.PaperIds(note));
        Assert.Contains("https://digest.example.org/unsubscribe/", note.TextBody);
        Assert.Contains("https://digest.example.org/archive/2026-08-14", note.HtmlBody);
    }
}

public sealed class PersonalizedSendTestsOnSqlite : PersonalizedSendTests;

public sealed class PersonalizedSendTestsOnPostgres : PersonalizedSendTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
