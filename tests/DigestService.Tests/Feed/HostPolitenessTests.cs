using DigestService.Config;
using DigestService.Feed;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestService.Tests.Feed;

public class HostPolitenessTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 19, 7, 45, 0, TimeSpan.Zero));
    private readonly HostPoliteness _politeness;

    public HostPolitenessTests() => _politeness = new HostPoliteness(Options.Create(new FeedOptions()), _clock);

    [Fact]
    public void Arxiv_hosts_get_one_request_every_three_seconds_by_default()
    {
        var first = _politeness.WaitTurnAsync("export.arxiv.org", CancellationToken.None);
        var second = _politeness.WaitTurnAsync("rss.arxiv.org", CancellationToken.None);
        var third = _politeness.WaitTurnAsync("export.arxiv.org", CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(second.IsCompleted);
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(third.IsCompleted);
    }

    [Fact]
    public void Other_hosts_go_at_once_and_a_quiet_arxiv_host_goes_at_once_again()
    {
        Assert.True(_politeness.WaitTurnAsync("export.arxiv.org", CancellationToken.None).IsCompleted);
        Assert.True(_politeness.WaitTurnAsync("huggingface.co", CancellationToken.None).IsCompleted);
        Assert.True(_politeness.WaitTurnAsync("huggingface.co", CancellationToken.None).IsCompleted);
        Assert.True(_politeness.WaitTurnAsync("notarxiv.org", CancellationToken.None).IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(_politeness.WaitTurnAsync("export.arxiv.org", CancellationToken.None).IsCompleted);
    }
}
