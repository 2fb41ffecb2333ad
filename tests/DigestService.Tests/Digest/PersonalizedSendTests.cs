using System.Text.RegularExpressions;
using DigestService.Feed;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>Keyword, topic and everyone's digests through the CLI, on the 2026-08-13/14 fixture days, over real SMTP.</summary>
public class PersonalizedSendTests : IAsyncLifetime
{
    private readonly FeedServer _feed = new();
    private readonly TestSmtpServer _smtp = new();
    private readonly TestApp _app = new();

    public async Task InitializeAsync()
    {
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "3").With(_smtp.Settings)
            .With("Topics:50:Key", "bots").With("Topics:50:Label", "Robots")
            .With("Topics:50:Terms:0", "robot").With("Topics:50:Terms:1", "embodied")
            .With("Topics:50:Terms:2", "manipulation").With("Topics:50:Terms:3", "vision-language-action");
        Assert.Equal(0, (await _app.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _smtp.DisposeAsync();
        _app.Dispose();
    }

    /// <summary>The fixture papers of the edition's window (08-13 and 08-14) whose title, abstract or AI keywords match.</summary>
    private static HashSet<string> FixturePapersMatching(string pattern)
    {
        var papers = HfApiParser.Parse(Fixtures.HfDay("2026-08-13"), new DateOnly(2026, 8, 13))
            .Concat(HfApiParser.Parse(Fixtures.HfDay("2026-08-14"), new DateOnly(2026, 8, 14)));
        return papers
            .Where(p => Regex.IsMatch($"{p.Title} {p.Abstract} {string.Join(" ", p.AiKeywords)}", pattern, RegexOptions.IgnoreCase))
            .Select(p => p.ArxivId)
            .ToHashSet();
    }

    private async Task<IReadOnlyList<string>> SendAndReadAsync(string address)
    {
        var result = await _app.RunAsync("send", "--date", "2026-08-14");
        Assert.Equal(0, result.ExitCode);
        return DigestMail.PaperIds(Assert.Single(_smtp.To(address)));
    }

    [Fact]
    public async Task A_keyword_subscriber_gets_exactly_the_papers_that_contain_the_keyword()
    {
        await _app.RunAsync("subscribers", "add", "kw@example.org", "--confirmed", "--keywords", "world model", "--max-papers", "50");

        var ids = await SendAndReadAsync("kw@example.org");

        var expected = FixturePapersMatching(@"\bworld\W+model");
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, ids.ToHashSet());
        Assert.Equal(["2608.13489", "2608.13546", "2608.13552", "2608.13049", "2608.11216"], ids);
    }

    [Fact]
    public async Task A_topic_subscriber_gets_exactly_the_papers_of_the_topic()
    {
        await _app.RunAsync("subscribers", "add", "bots@example.org", "--confirmed", "--topics", "bots", "--max-papers", "50");

        var ids = await SendAndReadAsync("bots@example.org");

        Assert.Equal(FixturePapersMatching(@"\b(robot|embodied|manipulation|vision\W+language\W+action)"), ids.ToHashSet());
    }

    [Fact]
    public async Task A_subscriber_with_neither_gets_everyones_trending_list()
    {
        await _app.RunAsync("subscribers", "add", "all@example.org", "--confirmed");

        var ids = await SendAndReadAsync("all@example.org");

        Assert.Equal(
            ["2608.13489", "2608.06867", "2608.13546", "2608.13505", "2608.07545", "2608.13560", "2608.12743",
             "2608.00677", "2608.13552", "2608.12307"],
            ids);
    }

    [Fact]
    public async Task Keywords_full_of_fts5_syntax_neither_crash_the_send_nor_widen_the_match()
    {
        await _app.RunAsync("subscribers", "add", "plain@example.org", "--confirmed", "--keywords", "world model", "--max-papers", "50");
        await _app.RunAsync("subscribers", "add", "hostile@example.org", "--confirmed", "--max-papers", "50",
            "--keywords", "world model, world model\" OR \"agent, NEAR(robot manipulation), title:xyz, *, -, :, ((, \", agent*)) OR *");
        await _app.RunAsync("subscribers", "add", "syntax@example.org", "--confirmed", "--max-papers", "50",
            "--keywords", "*, \", -, :, (, ), \"\", ^, +");

        var result = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("queued 2, nothing new 1", result.Output);
        var plain = DigestMail.PaperIds(Assert.Single(_smtp.To("plain@example.org")));
        var hostile = DigestMail.PaperIds(Assert.Single(_smtp.To("hostile@example.org")));
        // Operators are words inside a phrase: "agent*)) OR *" is the phrase "agent or", which no paper says.
        Assert.Equal(plain, hostile);
        // Keywords with no word at all match nothing rather than everything.
        Assert.Empty(_smtp.To("syntax@example.org"));
    }

    [Fact]
    public async Task With_the_note_policy_a_day_with_nothing_new_brings_a_short_note_without_papers()
    {
        _app.With("Digest:WhenNothingNew", "Note");
        await _app.RunAsync("subscribers", "add", "quiet@example.org", "--confirmed", "--keywords", "zymurgy");

        var result = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("queued 0, nothing new 1, sent 1", result.Output);
        var note = Assert.Single(_smtp.To("quiet@example.org"));
        Assert.Equal("Nothing new in your topics today", note.Subject);
        Assert.Empty(DigestMail.PaperIds(note));
        Assert.Contains("https://digest.example.org/unsubscribe/", note.TextBody);
        Assert.Contains("https://digest.example.org/archive/2026-08-14", note.HtmlBody);
    }
}
