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

    [Fact]
    public async Task A_send_killed_mid_run_and_started_again_serves_everyone_once_but_for_the_messages_in_flight()
    {
        using (var killed = StartSend())
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (Smtp.Messages.Count < Subscribers / 4 && !killed.HasExited && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.False(killed.HasExited, "the first run ended before it could be killed");
            killed.Kill();
            await killed.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }
        var beforeRestart = Smtp.Messages.Count;
        Assert.InRange(beforeRestart, Subscribers / 4, Subscribers - 1);
        // A run does not wait for leases it does not hold (whoever holds them may be alive): restart once they have passed.
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var restarted = StartSend();
        await restarted.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(restarted.ExitCode == 0, await restarted.Error);
        Assert.Contains("queued 0", await restarted.Output);
        var perAddress = Smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Subscribers, perAddress.Count);
        var repeats = perAddress.Values.Sum(n => n - 1);
        output.WriteLine($"killed after {beforeRestart} accepted messages; repeats after restart: {repeats} (connections: {Connections})");
        Assert.InRange(repeats, 0, Connections);
        Assert.All(perAddress.Values, n => Assert.InRange(n, 1, 2));
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
