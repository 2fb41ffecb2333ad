using DigestService.Tests.Support;
using SmtpServer.Protocol;

namespace DigestService.Tests.Delivery;

/// <summary>`send` against a real SMTP server that answers 421, 451, 550 and 554 and drops connections on a schedule.</summary>
public class DeliveryFaultTests : DeliveryHarness
{

    private static SmtpResponse Reply(int code, string text) => new((SmtpReplyCode)code, text);

    /// <summary>Runs `send` until a run has nothing left to send or retry; returns every run's output.</summary>
    private async Task<List<CliResult>> SendUntilDoneAsync()
    {
        var runs = new List<CliResult>();
        for (var i = 0; i < 5; i++)
        {
            var run = await App.RunAsync("send", "--date", Edition);
            runs.Add(run);
            if (run.Output.Contains("sent 0, retried 0,"))
                break;
        }
        return runs;
    }

    [Fact]
    public async Task With_451s_drops_421s_and_five_unknown_users_every_good_address_gets_exactly_one_digest()
    {
        var addresses = await App.ImportSubscribersAsync(300);
        var unknown = addresses.Where((_, i) => i % 60 == 7).ToHashSet();
        Assert.Equal(5, unknown.Count);
        var indexes = addresses.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.OrdinalIgnoreCase);
        int Index(string address) => indexes[address];
        Smtp.RecipientReply = (address, attempt) =>
            unknown.Contains(address) ? Reply(550, "5.1.1 <" + address + ">: Recipient address rejected: User unknown")
            : attempt == 1 && Index(address) % 3 == 0 ? Reply(451, "4.3.0 Try again later")
            : attempt == 1 && Index(address) % 23 == 4 ? Reply(421, "4.7.0 Too many messages on this connection, closing")
            : null;
        // A second third of the first attempts get their 451 after the message was sent, at the end of DATA.
        Smtp.DataReply = (address, attempt) => attempt == 1 && Index(address) % 3 == 1 && Index(address) % 2 == 0 ? Reply(451, "4.3.0 Queue busy") : null;
        Smtp.DropConnection = (address, attempt) => attempt == 1 && Index(address) % 17 == 5;

        var runs = await SendUntilDoneAsync();

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Contains("retried", runs[0].Output);
        foreach (var address in addresses.Where(a => !unknown.Contains(a)))
            Assert.Single(Smtp.To(address));
        Assert.All(unknown, a => Assert.Empty(Smtp.To(a)));
        Assert.Equal(295, Smtp.Messages.Count);
        var stats = await App.StatsAsync();
        Assert.Equal(5, stats["bounced"]);
        Assert.Equal(295, stats["sent"]);
        Assert.Equal(0, stats["failed"]);
        var (state, reply) = await App.DeliveryOfAsync(unknown.First());
        Assert.Equal("bounced", state);
        Assert.Contains("5.1.1", reply);
        var again = await App.RunAsync("send", "--date", Edition);
        Assert.Contains("queued 0", again.Output);
        Assert.Equal(295, Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_message_refused_with_a_5xx_is_failed_with_the_reply_kept_and_the_address_stays_subscribed()
    {
        await App.ImportSubscribersAsync(3);
        Smtp.DataReply = (address, _) => address == "reader-1@example.org" ? Reply(554, "5.6.0 Message content rejected") : null;
        Smtp.RecipientReply = (address, _) => address == "reader-2@example.org" ? Reply(554, "5.7.1 Relay access denied") : null;

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sent 1, retried 0, bounced 0, failed 2", result.Output);
        Assert.Equal(("failed", "554 5.6.0 Message content rejected"), await App.DeliveryOfAsync("reader-1@example.org"));
        Assert.Equal("failed", (await App.DeliveryOfAsync("reader-2@example.org")).State);
        var stats = await App.StatsAsync();
        Assert.Equal(2, stats["failed"]);
        Assert.Equal(0, stats["bounced"]);
        Assert.Equal(3, stats["active"]);
        // What never arrived may be offered again; what arrived is remembered.
        var remembered = await App.QueryAsync<string>(
            "SELECT s.email FROM sent_papers p JOIN subscribers s ON s.id = p.subscriber_id GROUP BY s.email ORDER BY s.email");
        Assert.Equal(["reader-0@example.org"], remembered);
    }

    [Fact]
    public async Task A_transient_failure_that_outlasts_max_attempts_is_failed_after_exactly_that_many_tries()
    {
        await App.ImportSubscribersAsync(2);
        App.With("Delivery:MaxAttempts", "3");
        var offered = 0;
        Smtp.RecipientReply = (address, _) =>
        {
            if (address != "reader-0@example.org")
                return null;
            Interlocked.Increment(ref offered);
            return Reply(450, "4.2.1 Mailbox busy");
        };

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sent 1, retried 2, bounced 0, failed 1", result.Output);
        Assert.Equal(3, offered);
        var (state, reply) = await App.DeliveryOfAsync("reader-0@example.org");
        Assert.Equal("failed", state);
        Assert.StartsWith("450 4.2.1 Mailbox busy", reply);
    }

    [Fact]
    public async Task A_server_failing_everything_pauses_the_run_with_one_line_and_the_next_run_sends_it_all()
    {
        await App.ImportSubscribersAsync(40);
        App.With("Delivery:MaxConsecutiveErrors", "10").With("Delivery:MaxAttempts", "2");
        Smtp.RecipientReply = (_, _) => Reply(451, "4.3.2 System not accepting network messages");

        var line = await FailedSendAsync();

        Assert.Contains("attempts in a row failed", line);
        Assert.Contains("451 4.3.2 System not accepting network messages", line);
        Assert.Empty(Smtp.Messages);
        var stats = await App.StatsAsync();
        Assert.Equal(0, stats["failed"]);
        Smtp.RecipientReply = (_, _) => null;
        var resumed = await App.RunAsync("send", "--date", Edition);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(40, Smtp.Messages.Count);
        Assert.Equal(40, Smtp.Messages.Select(m => m.To.ToString()).Distinct().Count());
    }

    [Fact]
    public async Task Connections_are_reused_across_messages_up_to_max_connections()
    {
        await App.ImportSubscribersAsync(60);
        App.With("Smtp:MaxConnections", "3");

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(60, Smtp.Messages.Count);
        Assert.InRange(Smtp.Sessions, 1, 3);
    }

    [Fact]
    public async Task A_send_with_nobody_left_to_serve_opens_no_connection()
    {
        // Connections open as soon as a digest is selected, before it is rendered; with none selected they never open.
        await App.ImportSubscribersAsync(5);
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        var sessions = Smtp.Sessions;

        var again = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("queued 0, nothing new 0, sent 0", again.Output);
        Assert.Equal(sessions, Smtp.Sessions);
    }

    [Fact]
    public async Task A_send_of_one_digest_opens_one_connection_whatever_the_maximum()
    {
        await App.ImportSubscribersAsync(1);
        App.With("Smtp:MaxConnections", "4");

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Single(Smtp.Messages);
        Assert.Equal(1, Smtp.Sessions);
    }

    [Fact]
    public async Task An_idle_connection_says_noop_while_a_retry_waits()
    {
        await App.ImportSubscribersAsync(1);
        App.With("Smtp:MaxConnections", "1").With("Smtp:IdleNoOp", "00:00:00.050").With("Delivery:RetryDelay", "00:00:00.600");
        Smtp.DataReply = (_, attempt) => attempt == 1 ? Reply(451, "4.3.0 Try again later") : null;

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Single(Smtp.Messages);
        Assert.True(Smtp.NoOps >= 1, $"expected NOOPs on the idle connection, got {Smtp.NoOps}");
        Assert.Equal(1, Smtp.Sessions);
    }

    [Fact]
    public async Task A_subscriber_who_left_after_the_digest_was_queued_is_not_sent_it()
    {
        await App.ImportSubscribersAsync(2);
        App.With("Smtp:Port", FeedServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        await App.ExecuteAsync("UPDATE subscribers SET status = 'unsubscribed' WHERE email = 'reader-0@example.org'");

        App.With(Smtp.Settings);
        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Smtp.To("reader-0@example.org"));
        Assert.Single(Smtp.To("reader-1@example.org"));
        Assert.Equal("skipped", (await App.DeliveryOfAsync("reader-0@example.org")).State);
    }

    [Fact]
    public async Task Messages_per_second_holds_the_rate_over_all_connections()
    {
        await App.ImportSubscribersAsync(30);
        App.With("Smtp:MessagesPerSecond", "20").With("Smtp:MaxConnections", "4");

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        var arrivals = Smtp.Arrivals.ToList();
        Assert.Equal(30, arrivals.Count);
        // 30 messages at 20 a second, with a burst of at most 2, cannot arrive in less than (30 - 2) / 20 = 1.4 s;
        // the bound only says "not faster", so a slow machine cannot make it fail.
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromSeconds(1.2), $"30 messages arrived in {(arrivals[^1] - arrivals[0]).TotalSeconds:F2} s");
    }

    [Theory]
    [InlineData("Smtp:MessagesPerSecond", "-1", "Smtp:MessagesPerSecond must be between 0")]
    [InlineData("Delivery:MaxConsecutiveErrors", "0", "Delivery:MaxConsecutiveErrors must be between 1")]
    [InlineData("Delivery:HardBounceLimit", "0", "Delivery:HardBounceLimit must be between 1")]
    [InlineData("Bounces:Host", "imap.example.org", "Bounces:Username and Bounces:Password must be set")]
    public async Task A_bad_delivery_setting_fails_the_start_in_one_line_naming_the_key(string key, string value, string message)
    {
        App.With(key, value);

        Assert.Contains(message, await FailedSendAsync());
        Assert.Empty(Smtp.Messages);
    }
}
