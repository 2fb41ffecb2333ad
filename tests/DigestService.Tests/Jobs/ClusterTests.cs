using System.Collections.Concurrent;
using DigestService.Config;
using DigestService.Tests.Support;

namespace DigestService.Tests.Jobs;

/// <summary>
/// Three real `serve` processes on one PostgreSQL database share one clustered Quartz scheduler: each cron slot of the
/// ingest fires on one node, not on each, and the cluster goes on when nodes are killed.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(3);
    private readonly ConcurrentQueue<DateTime> _fetches = new();
    private readonly FeedServer _feed;
    private readonly TestApp _app = new(DatabaseProvider.Postgres);
    private readonly List<BuiltService> _nodes = [];

    public ClusterTests()
    {
        _feed = new FeedServer(_ =>
        {
            _fetches.Enqueue(DateTime.UtcNow);
            return FeedAnswer.Json("[]");
        });
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "1")
            .With("Schedule:IngestCron", "*/3 * * * * ?")
            .With("Schedule:SendCron", "0 0 0 1 1 ? 2099")
            .With("Logging:LogLevel:Default", "Warning");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_nodes_fire_each_ingest_slot_once_and_go_on_when_two_are_killed()
    {
        for (var i = 0; i < 3; i++)
            _nodes.Add(StartServe());
        await WaitForFetchesAsync(1, TimeSpan.FromMinutes(1));
        var start = DateTime.UtcNow;
        _fetches.Clear();

        await Task.Delay(Slot * 5);

        var together = _fetches.Count;
        Assert.All(_nodes, node => Assert.False(node.HasExited, "a node stopped"));
        // Five slots: one fetch each (a slot on its edge may fall on either side), never one per node.
        Assert.InRange(together, 4, 6);

        _nodes[0].Kill();
        _nodes[1].Kill();
        var afterKill = _fetches.Count;
        await Task.Delay(Slot * 5);

        // A trigger a killed node had taken waits until the survivor finds that node dead (seconds), then fires again.
        Assert.InRange(_fetches.Count - afterKill, 2, 6);
        Assert.True(DateTime.UtcNow - start < TimeSpan.FromMinutes(2));
    }

    private async Task WaitForFetchesAsync(int count, TimeSpan limit)
    {
        var giveUp = DateTime.UtcNow + limit;
        while (_fetches.Count < count)
        {
            Assert.True(DateTime.UtcNow < giveUp && !_nodes.Any(n => n.HasExited), $"no ingest within {limit}: {string.Join(" | ", await Task.WhenAll(_nodes.Where(n => n.HasExited).Select(n => n.Error)))}");
            await Task.Delay(100);
        }
    }

    private BuiltService StartServe() => new(_app, "serve", "--urls", $"http://127.0.0.1:{FeedServer.FreePort()}");

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
            node.Dispose();
        await _feed.DisposeAsync();
        _app.Dispose();
    }
}
