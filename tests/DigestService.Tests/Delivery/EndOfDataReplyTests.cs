using DigestService.Tests.Support;
using static DigestService.Tests.Support.TestSmtpServer;

namespace DigestService.Tests.Delivery;

/// <summary>
/// Many servers and filters refuse a message only at the end of DATA: the RFC 3463 enhanced status code says what the
/// refusal means, wherever it comes (a real SMTP server answering 550 5.1.1, 550 5.7.1 and 552 5.2.2 there).
/// </summary>
public class EndOfDataReplyTests : DeliveryHarness
{
    [Fact]
    public async Task A_bad_address_is_a_hard_bounce_policy_fails_the_message_and_a_full_mailbox_is_retried()
    {
        await App.ImportSubscribersAsync(4);
        Smtp.DataReply = (address, attempt) => address switch
        {
            "reader-0@example.org" => Reply(550, "5.1.1 <reader-0@example.org>: Recipient address rejected: User unknown"),
            "reader-1@example.org" => Reply(550, "5.7.1 Message rejected as spam by content filter"),
            "reader-2@example.org" when attempt == 1 => Reply(552, "5.2.2 <reader-2@example.org>: Mailbox full"),
            _ => null,
        };

        var run = await App.RunAsync("send", "--date", Edition);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sent 2, retried 1, bounced 1, failed 1", run.Output);
        var (unknownState, unknownReply) = await App.DeliveryOfAsync("reader-0@example.org");
        Assert.Equal("bounced", unknownState);
        Assert.StartsWith("550 5.1.1", unknownReply);
        Assert.Equal("failed", (await App.DeliveryOfAsync("reader-1@example.org")).State);
        Assert.Equal("sent", (await App.DeliveryOfAsync("reader-2@example.org")).State);
        Assert.Equal(2, Smtp.Attempts("reader-2@example.org"));
        Assert.Single(Smtp.To("reader-2@example.org"));
        var stats = await App.StatsAsync();
        Assert.Equal(1, stats["bounced"]);
        Assert.Equal(1, stats["failed"]);
        Assert.Equal(3, stats["active"]);

        // The next edition: the bounced address is not tried again; the refused-by-policy one still is.
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-13")).ExitCode);
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-13")).ExitCode);
        Assert.Equal(1, Smtp.Attempts("reader-0@example.org"));
        Assert.Equal(2, Smtp.Attempts("reader-1@example.org"));
        Assert.Equal(2, Smtp.To("reader-3@example.org").Count);
    }

    [Theory]
    [InlineData(550, "5.1.10 RESOLVER.ADR.RecipientNotFound; not found", "bounced")]
    [InlineData(550, "5.2.1 <reader-0@example.org>: mailbox disabled, not accepting messages", "bounced")]
    [InlineData(554, "5.7.1 Service unavailable; client host blocked", "failed")]
    [InlineData(554, "Transaction failed", "failed")]
    public async Task Other_end_of_data_codes_by_their_class(int code, string text, string state)
    {
        await App.ImportSubscribersAsync(1);
        Smtp.DataReply = (_, _) => Reply(code, text);

        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);

        Assert.Equal(state, (await App.DeliveryOfAsync("reader-0@example.org")).State);
        Assert.Equal(state == "bounced" ? 1 : 0, (await App.StatsAsync())["bounced"]);
    }
}
