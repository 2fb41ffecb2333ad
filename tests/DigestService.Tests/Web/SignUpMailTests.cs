using System.Net;
using DigestService.Tests.Support;
using SmtpServer.Protocol;

namespace DigestService.Tests.Web;

/// <summary>
/// The sign-up email is sent in the background: the page must not wait for the mail server, or the time it takes
/// would tell a new address from an active one.
/// </summary>
public class SignUpMailTests : SiteTest
{
    [Fact]
    public async Task The_page_answers_before_the_mail_server_has_taken_the_email_for_a_new_and_an_active_address()
    {
        await SubscribeAndConfirmAsync("active@example.org");

        foreach (var (address, mailsBefore) in new[] { ("new@example.org", 0), ("active@example.org", 1) })
        {
            Smtp.HoldData();

            // Were the email sent on the request path, this would wait for the held message and time out.
            var answer = await SignUpAsync(address, "llm").WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains("Check your inbox", answer.Html);
            await Eventually.WaitAsync(() => Smtp.Held.Contains(address) ? address : null, $"the email to {address} to reach the mail server");
            Assert.Equal(mailsBefore, Smtp.To(address).Count);
            Smtp.ReleaseData();
            await Smtp.WaitForAsync(address, mailsBefore + 1);
        }
    }

    [Fact]
    public async Task A_refused_email_leaves_the_page_unchanged_and_the_next_sign_up_still_gets_its_email()
    {
        Smtp.DataReply = (address, _) => address == "ada@example.org" ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "mailbox busy") : null;

        var refused = await SignUpAsync("ada@example.org");
        var next = await SignUpAsync("alan@example.org");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(refused.Html.Replace("ada@", "X@"), next.Html.Replace("alan@", "X@"));
        await Smtp.WaitForAsync("alan@example.org");
        Assert.Empty(Smtp.To("ada@example.org"));
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task Emails_still_queued_when_the_service_stops_are_sent_before_it_stops()
    {
        Smtp.HoldData();
        await SignUpAsync("ada@example.org");
        await SignUpAsync("alan@example.org");
        await Eventually.WaitAsync(() => Smtp.Held.Contains("ada@example.org") ? "held" : null, "the first email to reach the mail server");

        var stopping = Site.DisposeAsync().AsTask();
        Smtp.ReleaseData();
        await stopping;

        Assert.Single(Smtp.To("ada@example.org"));
        Assert.Single(Smtp.To("alan@example.org"));
    }
}
