using System.Globalization;
using DigestService.Tests.Support;

namespace DigestService.Tests.Delivery;

/// <summary>
/// <c>send --due --at</c> stepped through a day on a 15-minute grid, as the scheduler would run it: each subscriber
/// gets one digest, at the first step on or after 07:00 of their own local date, and nothing before.
/// </summary>
public class DueSendTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(3, "2026-08-19");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private Task AddAsync(string email, string zone, int hour) =>
        _fixture.AddAsync(email, "--timezone", zone, "--hour", hour.ToString(CultureInfo.InvariantCulture));

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Runs <c>send --due --at</c> at each step from <paramref name="from"/> to <paramref name="to"/>; who got mail at which step.</summary>
    private async Task<List<(DateTimeOffset At, string To, string Subject)>> StepAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var received = new List<(DateTimeOffset, string, string)>();
        for (var at = from; at <= to; at += Step)
        {
            var before = _fixture.Smtp.Messages.Count;
            await _fixture.RunOkAsync("send", "--due", "--at", Iso(at));
            foreach (var message in _fixture.Smtp.Messages.Skip(before))
                received.Add((at, message.To.Mailboxes.Single().Address, message.Subject ?? ""));
        }
        return received;
    }

    [Fact]
    public async Task Los_Angeles_Tokyo_Kolkata_and_Chatham_at_hour_7_each_get_one_digest_at_their_own_morning()
    {
        await AddAsync("la@example.org", "America/Los_Angeles", 7);
        await AddAsync("tokyo@example.org", "Asia/Tokyo", 7);
        await AddAsync("kolkata@example.org", "Asia/Kolkata", 7);
        await AddAsync("chatham@example.org", "Pacific/Chatham", 7);
        var start = DateTimeOffset.Parse("2026-08-19T00:00:00Z", CultureInfo.InvariantCulture);
        // New subscribers whose hour has already come today get today's edition at once: settle that first.
        await _fixture.RunOkAsync("send", "--due", "--at", Iso(start));
        _fixture.Smtp.Messages.Clear();

        var received = await StepAsync(start + Step, start.AddDays(1));

        Assert.Equal(4, received.Count);
        // 07:00 PDT (UTC-7) on 08-19; 07:00 JST (UTC+9) on 08-20; 07:00 IST (UTC+5:30) on 08-19; 07:00 CHAST (UTC+12:45) on 08-20.
        Assert.Equal((Utc("2026-08-19T14:00:00Z"), "Trending papers for August 19, 2026"), Single(received, "la@example.org"));
        Assert.Equal((Utc("2026-08-19T22:00:00Z"), "Trending papers for August 20, 2026"), Single(received, "tokyo@example.org"));
        Assert.Equal((Utc("2026-08-19T01:30:00Z"), "Trending papers for August 19, 2026"), Single(received, "kolkata@example.org"));
        Assert.Equal((Utc("2026-08-19T18:15:00Z"), "Trending papers for August 20, 2026"), Single(received, "chatham@example.org"));
    }

    [Fact]
    public async Task On_the_spring_forward_day_an_hour_that_does_not_exist_is_met_by_the_first_hour_after_it()
    {
        // Los Angeles, 2026-03-08: 02:00 PST becomes 03:00 PDT (10:00Z). The feed lists one fixture day's papers that day.
        _fixture.Feed.Handler = request => request.QueryString["date"] == "2026-03-08"
            ? FeedAnswer.Json(Fixtures.HfDay("2026-08-14"))
            : FeedAnswer.Json("[]");
        await _fixture.RunOkAsync("ingest", "--date", "2026-03-08");
        await AddAsync("la@example.org", "America/Los_Angeles", 2);
        var start = Utc("2026-03-08T06:00:00Z");
        await _fixture.RunOkAsync("send", "--due", "--at", Iso(start));
        _fixture.Smtp.Messages.Clear();

        var received = await StepAsync(start + Step, Utc("2026-03-08T12:00:00Z"));

        var (at, to, subject) = Assert.Single(received);
        Assert.Equal(Utc("2026-03-08T10:00:00Z"), at);
        Assert.Equal("la@example.org", to);
        Assert.Equal("Trending papers for March 8, 2026", subject);
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static (DateTimeOffset, string) Single(List<(DateTimeOffset At, string To, string Subject)> received, string address)
    {
        var (at, _, subject) = Assert.Single(received, r => r.To == address);
        return (at, subject);
    }
}
