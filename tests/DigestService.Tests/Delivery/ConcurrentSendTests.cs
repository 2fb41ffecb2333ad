using DigestService.Config;
using DigestService.Tests.Support;

namespace DigestService.Tests.Delivery;

/// <summary>Real `send` processes on one database: neither waits on the other's leases, nobody gets two digests.</summary>
public abstract class ConcurrentSendTests : DeliveryHarness
{
    private const int Subscribers = 20;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The production lease: a run that waited for another's lease to run out would sit here for ten minutes.
        App.With("Delivery:LeaseDuration", "00:10:00").With("Delivery:BatchSize", "50").With("Digest:MaxPapers", "1");
        await App.ImportSubscribersAsync(Subscribers);
    }

    [Fact]
    public async Task A_second_send_while_one_runs_exits_as_soon_as_nothing_is_claimable_and_everyone_is_served_once()
    {
        Smtp.HoldData();
        using var first = StartSend();
        // The first run holds every row under its lease while the server keeps its messages waiting.
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while ((await App.QueryAsync<long>("SELECT COUNT(*) FROM deliveries WHERE state = 'sending'")).Single() < Subscribers)
        {
            Assert.True(DateTime.UtcNow < giveUp && !first.HasExited, "the first run never claimed every row");
            await Task.Delay(50);
        }

        using var second = StartSend();
        var secondExited = await ExitsWithinAsync(second, TimeSpan.FromMinutes(1));

        Assert.False(first.HasExited, "the first run ended before the second could start beside it");
        Smtp.ReleaseData();
        var firstExited = await ExitsWithinAsync(first, TimeSpan.FromMinutes(1));
        Assert.True(secondExited, "the second send was still running a minute after it started");
        Assert.True(firstExited, "the first send was still running a minute after the server let it go on");
        Assert.True(second.ExitCode == 0, await second.Error);
        Assert.True(first.ExitCode == 0, await first.Error);
        Assert.Contains("sent 0", await second.Output);
        Assert.Contains($"sent {Subscribers}", await first.Output);
        var perAddress = Smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).Select(g => g.Count()).ToList();
        Assert.Equal(Subscribers, perAddress.Count);
        Assert.All(perAddress, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Two_sends_started_together_both_exit_and_serve_everyone_once()
    {
        Smtp.AcceptDelay = TimeSpan.FromMilliseconds(20);
        using var first = StartSend();
        using var second = StartSend();
        var errors = new[] { first.Error, second.Error };

        Assert.True(await ExitsWithinAsync(first, TimeSpan.FromMinutes(1)), "the first send was still running after a minute");
        Assert.True(await ExitsWithinAsync(second, TimeSpan.FromMinutes(1)), "the second send was still running after a minute");
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, string.Join(" | ", await Task.WhenAll(errors)));
        var perAddress = Smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).Select(g => g.Count()).ToList();
        Assert.Equal(Subscribers, perAddress.Count);
        Assert.All(perAddress, n => Assert.Equal(1, n));
        Assert.Equal(Subscribers, (await App.StatsAsync())["sent"]);
    }

    [Fact]
    public async Task Three_sends_started_together_deliver_the_edition_exactly_once()
    {
        await App.ImportSubscribersAsync(180, "more");
        Smtp.AcceptDelay = TimeSpan.FromMilliseconds(5);
        var sends = Enumerable.Range(0, 3).Select(_ => StartSend()).ToList();
        var errors = sends.Select(s => s.Error).ToList();
        var outputs = sends.Select(s => s.Output).ToList();

        foreach (var send in sends)
            Assert.True(await ExitsWithinAsync(send, TimeSpan.FromMinutes(2)), "a send was still running after two minutes");
        Assert.True(sends.All(s => s.ExitCode == 0), string.Join(" | ", await Task.WhenAll(errors)));
        var perAddress = Smtp.Messages.GroupBy(m => m.To.Mailboxes.Single().Address).Select(g => g.Count()).ToList();
        Assert.Equal(Subscribers + 180, perAddress.Count);
        Assert.All(perAddress, n => Assert.Equal(1, n));
        Assert.Equal(Subscribers + 180, (await App.StatsAsync())["sent"]);
        var sent = (await Task.WhenAll(outputs)).Select(o => int.Parse(System.Text.RegularExpressions.Regex.Match(o, @"sent (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Subscribers + 180, sent.Sum());
        foreach (var send in sends)
            send.Dispose();
    }

    /// <summary>Whether the process ended within <paramref name="limit"/>; one that did not is killed so the test never hangs.</summary>
    private static async Task<bool> ExitsWithinAsync(BuiltService process, TimeSpan limit)
    {
        try
        {
            await process.WaitForExitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

public sealed class ConcurrentSendTestsOnSqlite : ConcurrentSendTests;

public sealed class ConcurrentSendTestsOnPostgres : ConcurrentSendTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
