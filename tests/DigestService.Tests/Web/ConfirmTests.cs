using DigestService.Config;
using System.Net;
using DigestService.Tests.Support;
using DigestService.Links;
using DigestService.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DigestService.Tests.Web;

public abstract class ConfirmTests : SiteTest
{
    protected override void Configure(TestApp app) => app.With("Subscriptions:ConfirmationLifetime", "2.00:00:00");

    [Fact]
    public async Task Opening_the_link_changes_nothing_and_pressing_the_button_activates()
    {
        await SignUpAsync("ada@example.org", "llm");
        var mail = await MailToAsync("ada@example.org");
        var link = LinkIn(mail, "confirm");

        var opened = await Browser.GetAsync(link);
        await Browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, opened.Status);
        // One wording for the one action: the email's button and the page's button say the same.
        Assert.Contains(">Yes, start my digest</a>", mail.HtmlBody);
        Assert.Contains(">Yes, start my digest</button>", opened.Html);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));

        var confirmed = await Browser.PostAsync(link, Fields.Of(("form_token", opened.FormToken)));

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Null(confirmed.Response.Headers.Location);
        Assert.Contains("You're subscribed", confirmed.Html);
        Assert.Contains("one email a day at 07:00 (UTC) with up to 10 trending papers in Large language models", confirmed.Html);
        Assert.Contains("href=\"/preferences/", confirmed.Html);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        var stats = await App.StatsAsync();
        Assert.Equal(1, stats["active"]);
        Assert.Equal(0, stats["pending"]);
    }

    [Fact]
    public async Task A_confirmation_link_works_once()
    {
        await SubscribeAndConfirmAsync("ada@example.org");
        var link = LinkIn(Smtp.To("ada@example.org")[0], "confirm");

        var opened = await Browser.GetAsync(link);
        var again = await Browser.PostAsync(link, Fields.Of(("form_token", (await Browser.GetAsync("/")).FormToken)));

        Assert.Equal(HttpStatusCode.NotFound, opened.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task An_old_confirmation_link_posted_after_a_one_click_unsubscribe_gets_404_and_they_stay_unsubscribed()
    {
        await SignUpAsync("ada@example.org");
        var mail = await MailToAsync("ada@example.org");
        var link = LinkIn(mail, "confirm");
        var page = await Browser.GetAsync(link);
        await Browser.PostAsync(link, Fields.Of(("form_token", page.FormToken)));
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        // The one-click endpoint every digest's List-Unsubscribe header names.
        var id = await QueryAsync<long>("SELECT id FROM subscribers");
        var unsubscribe = "/unsubscribe/" + Site.Services.GetRequiredService<TokenSigner>().Sign(TokenPurpose.Unsubscribe, id);
        Assert.Equal(HttpStatusCode.OK, (await Browser.PostAsync(unsubscribe, Fields.Of(("List-Unsubscribe", "One-Click")))).Status);

        var replay = await Browser.PostAsync(link, Fields.Of(("form_token", (await Browser.GetAsync("/")).FormToken)));

        Assert.Equal(HttpStatusCode.NotFound, replay.Status);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task A_confirmation_without_the_form_token_is_refused_and_the_sign_up_stays_pending()
    {
        await SignUpAsync("ada@example.org");
        var link = LinkIn(await MailToAsync("ada@example.org"), "confirm");

        using var stranger = new SiteClient(Site);
        var answer = await stranger.PostAsync(link, Fields.Of());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("press the button again", answer.Html);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task A_confirmation_whose_body_has_an_escaped_NUL_byte_gets_400_and_the_sign_up_stays_pending()
    {
        await SignUpAsync("ada@example.org");
        var link = LinkIn(await MailToAsync("ada@example.org"), "confirm");
        var token = (await Browser.GetAsync(link)).FormToken;

        var answer = await Browser.PostAsync(link, new StringContent($"form_token={Uri.EscapeDataString(token)}&x=%00", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("such as a NUL byte. Please press the button again.", answer.Text);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task The_link_expires_and_the_unconfirmed_sign_up_is_forgotten()
    {
        await SignUpAsync("ada@example.org");
        var link = LinkIn(await MailToAsync("ada@example.org"), "confirm");
        var page = await Browser.GetAsync(link);

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync(link)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.PostAsync(link, Fields.Of(("form_token", page.FormToken)))).Status);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));

        Assert.Equal(1, await Site.Services.GetRequiredService<SignUpService>().ExpirePendingAsync(CancellationToken.None));

        var stats = await App.StatsAsync();
        Assert.Equal(0, stats["subscribers"]);
        Assert.Equal(0, stats["pending"]);
    }

    [Fact]
    public async Task Someone_who_had_unsubscribed_and_is_signed_up_again_without_confirming_stays_unsubscribed()
    {
        Assert.Equal(0, (await App.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);
        await App.QueryAsync<long>("UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = '2026-01-01T00:00:00.000Z' WHERE email = 'ada@example.org' RETURNING id");
        await SignUpAsync("ada@example.org");
        await MailToAsync("ada@example.org");
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));

        Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        Assert.Equal(0, await Site.Services.GetRequiredService<SignUpService>().ExpirePendingAsync(CancellationToken.None));
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task A_new_email_restarts_the_wait_and_operator_added_pending_rows_are_never_expired()
    {
        Assert.Equal(0, (await App.RunAsync("subscribers", "add", "operator-added@example.org")).ExitCode);
        await SignUpAsync("ada@example.org");
        Clock.Advance(TimeSpan.FromDays(1.5));
        await SignUpAsync("ada@example.org");
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await Site.Services.GetRequiredService<SignUpService>().ExpirePendingAsync(CancellationToken.None));

        var confirmed = await Browser.SubmitAsync(LinkIn(await MailToAsync("ada@example.org", 2), "confirm"), []);
        Assert.Contains("You're subscribed", confirmed.Html);
        Assert.Equal("pending", await StatusOfAsync("operator-added@example.org"));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_confirmation_emails_per_address_per_day()
    {
        var answers = new List<SitePage>();
        for (var i = 0; i < 5; i++)
            answers.Add(await SignUpAsync("ada@example.org"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Html).Distinct());
        await Smtp.WaitForAsync("ada@example.org", 3);

        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await SignUpAsync("ada@example.org");
        await Smtp.WaitForAsync("ada@example.org", 4);
        Assert.Equal(4, (await AllMailAfterStopAsync()).Count);
    }
}

public sealed class ConfirmTestsOnSqlite : ConfirmTests;

public sealed class ConfirmTestsOnPostgres : ConfirmTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
