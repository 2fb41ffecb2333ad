using DigestService.Delivery;
using DigestService.Tests.Support;

namespace DigestService.Tests.Delivery;

/// <summary>Bounce reports in the layouts of real MTAs, parsed with MimeKit.</summary>
public class DsnReaderTests
{
    private const string Recipient = "gone@recipient.example";
    private const string MessageId = "digest.20260814.42@example.org";

    [Theory]
    [InlineData("postfix-user-unknown.eml", "5.1.1", "User unknown in virtual mailbox table")]
    [InlineData("gmail-no-such-user.eml", "5.1.1", "The email account that you tried to reach does not exist")]
    [InlineData("exchange-recipient-not-found.eml", "5.1.10", "RESOLVER.ADR.RecipientNotFound")]
    public void A_permanent_failure_of_the_address_is_one_hard_bounce_naming_the_digest(string sample, string status, string diagnostic)
    {
        var bounce = Assert.Single(DsnReader.HardBounces(DsnSamples.Load(sample, Recipient, MessageId)));

        Assert.Equal(Recipient, bounce.Recipient);
        Assert.Equal(status, bounce.Status);
        Assert.Equal(MessageId, bounce.MessageId);
        Assert.Contains(diagnostic, bounce.Diagnostic);
        Assert.EndsWith("/" + Recipient, bounce.ReportId);
    }

    [Fact]
    public void A_report_naming_the_address_as_written_on_the_wire_names_the_subscriber_by_their_canonical_address()
    {
        var bounce = Assert.Single(DsnReader.HardBounces(DsnSamples.Load("postfix-user-unknown.eml", "Gone@XN--BCHER-KVA.DE", MessageId)));

        Assert.Equal("gone@bücher.de", bounce.Recipient);
    }

    [Theory]
    [InlineData("postfix-delayed.eml")]
    [InlineData("mailbox-full.eml")]
    [InlineData("out-of-office.eml")]
    public void Delays_full_mailboxes_and_auto_replies_are_no_hard_bounce(string sample)
    {
        Assert.Empty(DsnReader.HardBounces(DsnSamples.Load(sample, Recipient, MessageId)));
    }

    [Fact]
    public void The_same_report_read_twice_has_the_same_id()
    {
        var first = DsnReader.HardBounces(DsnSamples.Load("postfix-user-unknown.eml", Recipient, MessageId))[0];
        var again = DsnReader.HardBounces(DsnSamples.Load("postfix-user-unknown.eml", Recipient, MessageId))[0];

        Assert.Equal(first.ReportId, again.ReportId);
    }
}
