using DigestService.Config;
using DigestService.Delivery;

namespace DigestService.Tests.Delivery;

public class ClaimSizeTests
{
    [Theory]
    [InlineData(0, 600, 50)]      // no rate limit: the configured batch
    [InlineData(100, 600, 50)]    // a fast rate sends a batch well within the lease
    [InlineData(0.1, 600, 20)]    // 0.1/s for 200 s (a third of 10 minutes)
    [InlineData(0.001, 600, 1)]   // never less than one row
    public void A_slow_rate_claims_no_more_than_it_can_send_within_a_third_of_the_lease(double perSecond, int leaseSeconds, int expected)
    {
        var smtp = new SmtpOptions { MessagesPerSecond = perSecond };
        var delivery = new DeliveryOptions { BatchSize = 50, LeaseDuration = TimeSpan.FromSeconds(leaseSeconds) };

        Assert.Equal(expected, OutboxSender.ClaimSize(smtp, delivery));
    }
}
