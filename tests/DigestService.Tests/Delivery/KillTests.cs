using DigestService.Config;
using DigestService.Tests.Support;
using Xunit.Abstractions;

namespace DigestService.Tests.Delivery;

/// <summary>The built service as a real child process, killed with SIGKILL in the middle of a send and started again.</summary>
public abstract class KillTests(ITestOutputHelper output) : DeliveryHarness
{
    private const int Subscribers = 2000;
    private const int Connections = 4;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.With("Smtp:MaxConnections", Connections.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Delivery:LeaseDuration", "00:00:02")
            // One paper a digest keeps rendering 2,000 of them quick; delivery is what is under test.
            .With("Digest:MaxPapers", "1");
        await App.ImportSubscribersAsync(Subscribers);
        // A relay slow enough that the kill lands mid-run: 4 connections × 100 messages a second.
        Smtp.AcceptDelay = TimeSpan.FromMilliseconds(10);
    }

    /// <summary>
    /// Three runs killed at random points (selection, rendering, queueing and delivery all overlap, so any point is
    /// in the middle of all of them), then one that finishes: everyone is served, and each kill repeats at most the
    /// messages in flight, one per connection.
    /// </summary>
    [Fact]
    public async Task A_send_killed_at_random_points_and_started_again_serves_everyone_once_but_for_the_messages_in_flight()
    {
        const int kills = 3;
        var random = new Random();
        for (var kill = 1; kill <= kills; kill++)
        {
            var before = Smtp.Messages.Count;
            var target = before + random.Next(1, Math.Max(2, (Subscribers - before) / (kills - kill + 2)));
            using var killed = StartSend();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (Smtp.Messages.Count < target && !killed.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(5);
            Assert.False(killed.HasExited, $"run {kill} ended before it could be killed");
            killed.Kill();
            await killed.WaitForExitAsync(TimeSpan.FromMinutes(1));
            output.WriteLine($"run {kill} killed after {Smtp.Messages.Count - before} accepted messages (target {target - before})");
            // A run does not wait for leases it does not hold (whoever holds them may be alive): restart once they have passed.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        using var finished = StartSend();
        await finished.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(finished.ExitCode == 0, await finished.Error);
        output.WriteLine(await finished.Output);
        var perAddress = Smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Subscribers, perAddress.Count);
        var repeats = perAddress.Values.Sum(n => n - 1);
        output.WriteLine($"repeats: {repeats} after {kills} kills (connections: {Connections}, so at most {kills * Connections})");
        Assert.InRange(repeats, 0, kills * Connections);
        var stats = await App.StatsAsync();
        Assert.Equal(Subscribers, stats["sent"]);
    }
}

public sealed class KillTestsOnSqlite(ITestOutputHelper output) : KillTests(output);

/// <summary>On PostgreSQL the rows of the killed run are taken over through the expired-lease branch of the SKIP LOCKED claim.</summary>
public sealed class KillTestsOnPostgres(ITestOutputHelper output) : KillTests(output)
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
