using DigestService.Tests.Support;
using static DigestService.Tests.Support.TestSmtpServer;

namespace DigestService.Tests.Delivery;

/// <summary>
/// A server refusing our own sender (MAIL FROM: 550 5.1.8 bad sender domain, 5.1.7 bad sender syntax) says nothing
/// about the subscribers: none of them is a hard bounce or suppressed; the run stops with one line and loses nothing.
/// </summary>
public class RefusedSenderTests : DeliveryHarness
{
    [Theory]
    [InlineData(550, "5.1.8 <digest@example.org>: Sender address rejected: Domain not found")]
    [InlineData(553, "5.1.7 <digest@example.org>: Sender address syntax invalid")]
    public async Task A_sender_refused_at_mail_from_stops_the_run_suppresses_nobody_and_the_next_run_sends_it_all(int code, string text)
    {
        await App.ImportSubscribersAsync(5);
        Smtp.SenderReply = _ => Reply(code, text);

        var line = await FailedSendAsync();

        Assert.Contains("sender", line);
        Assert.Contains(text[..5], line);
        Assert.Empty(Smtp.Messages);
        var stats = await App.StatsAsync();
        Assert.Equal(0, stats["bounced"]);
        Assert.Equal(0, stats["failed"]);
        Assert.Equal(5, stats["active"]);
        Assert.Equal(0, (await App.QueryAsync<long>("SELECT COUNT(*) FROM suppressions")).Single());

        Smtp.SenderReply = _ => null;
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        Assert.Equal(5, Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_sender_code_at_the_end_of_data_fails_the_message_and_is_never_a_hard_bounce()
    {
        await App.ImportSubscribersAsync(1);
        Smtp.DataReply = (_, _) => Reply(550, "5.1.8 Sender address rejected: Domain not found");

        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);

        Assert.Equal("failed", (await App.DeliveryOfAsync("reader-0@example.org")).State);
        var stats = await App.StatsAsync();
        Assert.Equal(0, stats["bounced"]);
        Assert.Equal(1, stats["active"]);
    }
}
