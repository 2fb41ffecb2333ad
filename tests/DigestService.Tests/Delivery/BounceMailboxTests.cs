using DigestService.Tests.Support;

namespace DigestService.Tests.Delivery;

/// <summary>Late bounces: digests accepted by the relay, then reported undeliverable to a real IMAP/POP3 mailbox (Dovecot).</summary>
public class BounceMailboxTests : DeliveryHarness
{
    private readonly DovecotServer _mailbox = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.ImportSubscribersAsync(4);
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        Assert.Equal(4, Smtp.Messages.Count);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _mailbox.Dispose();
    }

    private string MessageIdOf(string address) => Smtp.To(address)[0].MessageId!;

    [Theory]
    [InlineData("Imap")]
    [InlineData("Pop3")]
    public async Task Hard_bounces_in_the_mailbox_suppress_their_subscribers_once_and_the_reports_are_cleared(string protocol)
    {
        _mailbox.Deliver(DsnSamples.Read("postfix-user-unknown.eml", "reader-0@example.org", MessageIdOf("reader-0@example.org")));
        _mailbox.Deliver(DsnSamples.Read("gmail-no-such-user.eml", "reader-1@example.org", MessageIdOf("reader-1@example.org")));
        _mailbox.Deliver(DsnSamples.Read("postfix-delayed.eml", "reader-2@example.org", MessageIdOf("reader-2@example.org")));
        _mailbox.Deliver(DsnSamples.Read("out-of-office.eml", "reader-3@example.org", MessageIdOf("reader-3@example.org")));
        App.With(_mailbox.Settings(protocol));

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("late bounces 2", result.Output);
        var stats = await App.StatsAsync();
        Assert.Equal(2, stats["bounced"]);
        Assert.Equal(2, stats["active"]);
        var (state, reply) = await App.DeliveryOfAsync("reader-0@example.org");
        Assert.Equal("bounced", state);
        Assert.Contains("5.1.1", reply);
        Assert.Equal("sent", (await App.DeliveryOfAsync("reader-2@example.org")).State);
        // The three reports are applied and deleted; the out-of-office reply is left for a person to read.
        Assert.Equal(1, _mailbox.Count);
        var again = await App.RunAsync("send", "--date", Edition);
        Assert.Contains("late bounces 0", again.Output);
        Assert.Equal(2, (await App.StatsAsync())["bounced"]);
    }

    [Fact]
    public async Task A_report_about_a_message_we_never_sent_suppresses_nobody()
    {
        App.With(_mailbox.Settings("Imap"));
        _mailbox.Deliver(DsnSamples.Read("postfix-user-unknown.eml", "reader-0@example.org", "digest.20260814.1@example.org"));

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Contains("late bounces 0", result.Output);
        Assert.Equal(0, (await App.StatsAsync())["bounced"]);
        Assert.Equal("sent", (await App.DeliveryOfAsync("reader-0@example.org")).State);
    }

    [Fact]
    public async Task A_report_left_in_the_mailbox_counts_once()
    {
        App.With("Delivery:HardBounceLimit", "2").With(_mailbox.Settings("Imap"));
        var report = DsnSamples.Read("exchange-recipient-not-found.eml", "reader-0@example.org", MessageIdOf("reader-0@example.org"));
        _mailbox.Deliver(report);
        Assert.Contains("late bounces 1", (await App.RunAsync("send", "--date", Edition)).Output);

        // The same report again (a second copy, as when deleting it failed): it must not count as a second bounce.
        _mailbox.Deliver(report);
        var again = await App.RunAsync("send", "--date", Edition);

        Assert.Contains("late bounces 0", again.Output);
        Assert.Equal(0, (await App.StatsAsync())["bounced"]);
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_in_the_summary_and_sending_goes_on()
    {
        App.With(_mailbox.Settings("Imap")).With("Bounces:Password", "wrong");
        await App.ImportSubscribersAsync(6, "late");

        var result = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bounce mailbox unreadable: Imap 127.0.0.1:", result.Output);
        Assert.Equal(4 + 6, Smtp.Messages.Count);
    }

    [Theory]
    [InlineData("Imap")]
    [InlineData("Pop3")]
    public async Task A_mailbox_of_1000_old_messages_is_not_downloaded_again_and_new_reports_still_count(string protocol)
    {
        _mailbox.DeliverMany(Enumerable.Range(0, 1000).Select(i =>
            $"From: someone{i}@example.net\r\nTo: bounces@example.org\r\nSubject: re: your digest {i}\r\nMessage-ID: <old.{i}@example.net>\r\n\r\n{new string('x', 2000)}\r\n"));
        App.With(_mailbox.Settings(protocol));

        var first = await App.RunAsync("send", "--date", Edition);
        var firstSession = await LogoutAsync(1);
        var second = await App.RunAsync("send", "--date", Edition);
        var secondSession = await LogoutAsync(2);

        Assert.Contains("late bounces 0, complaints 0", first.Output);
        Assert.Contains("late bounces 0, complaints 0", second.Output);
        // Dovecot's own count of the sessions: none downloads a message that is not a report, and the second run
        // does not even look at the 1,000 again.
        if (protocol == "Imap")
        {
            Assert.Matches(@"hdr_count=0 body_count=0 body_bytes=0$", firstSession);
            Assert.Matches(@"hdr_count=0 body_count=0 body_bytes=0$", secondSession);
            Assert.True(Out(secondSession) * 20 < Out(firstSession), $"second run read too much: {secondSession} (first: {firstSession})");
        }
        else
        {
            Assert.EndsWith("top=1000 retr=0 del=0", firstSession);
            Assert.EndsWith("top=0 retr=0 del=0", secondSession);
        }
        Assert.Equal(1000, _mailbox.Count);

        _mailbox.Deliver(DsnSamples.Read("postfix-user-unknown.eml", "reader-0@example.org", MessageIdOf("reader-0@example.org")));
        var third = await App.RunAsync("send", "--date", Edition);
        Assert.Contains("late bounces 1", third.Output);
        Assert.Equal(1000, _mailbox.Count);
    }

    /// <summary>The logout line of Dovecot session number <paramref name="count"/> (its log is written a moment after the client leaves).</summary>
    private async Task<string> LogoutAsync(int count) =>
        (await Eventually.WaitAsync(() => _mailbox.Logouts() is { } lines && lines.Count >= count ? lines : null, $"{count} Dovecot sessions"))[count - 1].Trim();

    private static long Out(string session) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(session, @"out=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
