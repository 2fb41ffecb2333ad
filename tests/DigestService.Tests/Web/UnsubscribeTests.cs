using System.Net;
using DigestService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using DigestService.Links;

namespace DigestService.Tests.Web;

public class UnsubscribeTests : SiteTest
{
    /// <summary>Subscribes and confirms; returns the unsubscribe path a digest to this subscriber carries.</summary>
    private async Task<string> SubscribedAsync(string email, params string[] topics)
    {
        await SubscribeAndConfirmAsync(email, topics);
        var id = await QueryAsync<long>("SELECT id FROM subscribers WHERE email = @email", ("@email", email));
        return Site.Services.GetRequiredService<SiteLinks>().UnsubscribePath(id);
    }

    [Fact]
    public async Task Opening_the_link_never_unsubscribes_and_offers_one_button_gentler_choices_and_preferences()
    {
        var link = await SubscribedAsync("ada@example.org", "llm", "agents");

        var page = await Browser.GetAsync(link);
        await new SiteClient(Site, cookies: false).GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        Assert.Contains("Unsubscribe from everything", page.Html);
        Assert.Contains("Stop sending “Large language models”", page.Html);
        Assert.Contains("Stop sending “Agents and tool use”", page.Html);
        Assert.Contains("Switch to one email a week", page.Html);
        Assert.Contains("Pause for a month", page.Html);
        Assert.Contains("href=\"/preferences/", page.Html);
    }

    [Fact]
    public async Task One_click_post_without_cookie_or_form_token_unsubscribes_with_200_and_no_redirect_and_is_idempotent()
    {
        var link = await SubscribedAsync("ada@example.org");
        using var mailProvider = new SiteClient(Site, cookies: false);

        var first = await mailProvider.PostAsync(link, Fields.Of(("List-Unsubscribe", "One-Click")));
        var second = await mailProvider.PostAsync(link, Fields.Of(("List-Unsubscribe", "One-Click")));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.Response.Headers.Location);
        Assert.Contains("You're unsubscribed", first.Html);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
        Assert.Equal(1, (await App.StatsAsync())["unsubscribed"]);
    }

    [Fact]
    public async Task One_click_post_as_multipart_form_data_unsubscribes()
    {
        var link = await SubscribedAsync("ada@example.org");
        using var mailProvider = new SiteClient(Site, cookies: false);

        var answer = await mailProvider.PostAsync(link, new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task The_link_in_a_real_digest_unsubscribes_with_one_click()
    {
        await using var feed = new FeedServer();
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", "1");
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        await SubscribeAndConfirmAsync("ada@example.org");
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);
        var digest = await MailToAsync("ada@example.org", 2);
        var header = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith(Site.BaseUrl + "/unsubscribe/", header);
        Assert.Equal(Site.BaseUrl + LinkIn(digest, "unsubscribe"), header);

        using var mailProvider = new SiteClient(Site, cookies: false);
        var answer = await mailProvider.PostAsync(header, Fields.Of(("List-Unsubscribe", "One-Click")));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync(LinkIn(digest, "preferences"))).Status);
    }

    [Fact]
    public async Task After_unsubscribing_the_page_offers_to_resubscribe_and_that_works()
    {
        var link = await SubscribedAsync("ada@example.org", "llm");
        var page = await Browser.PostAsync(link, Fields.Of(("List-Unsubscribe", "One-Click")));
        Assert.Contains("Resubscribe", page.Html);
        Assert.Contains("You're unsubscribed", (await Browser.GetAsync(link)).Html);

        var form = System.Text.RegularExpressions.Regex.Match(page.Html, "action=\"(/preferences/[^\"]+)\"").Groups[1].Value;
        var back = await Browser.PostAsync(form, Fields.Of(("form_token", page.FormToken), ("do", "resubscribe")));

        // Coming back is a double opt-in: a fresh single-use link, and nothing changes until it is used.
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Contains("We are sending a confirmation link", back.Text);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
        var confirmed = await Browser.SubmitAsync(LinkIn(await MailToAsync("ada@example.org", 2), "confirm"), []);
        Assert.Contains("You're subscribed", confirmed.Html);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        Assert.Equal("llm", await QueryAsync<string>("SELECT topics FROM subscribers"));
    }

    [Fact]
    public async Task The_gentler_choices_drop_a_topic_switch_to_weekly_or_pause_and_keep_the_subscription()
    {
        var link = await SubscribedAsync("ada@example.org", "llm", "agents");
        var page = await Browser.GetAsync(link);
        var preferences = System.Text.RegularExpressions.Regex.Match(page.Html, "action=\"(/preferences/[^\"]+)\"").Groups[1].Value;

        var dropped = await Browser.PostAsync(preferences, Fields.Of(("form_token", page.FormToken), ("do", "drop-topic"), ("topic", "llm")));
        Assert.Contains("You will not get papers for “Large language models” any more.", dropped.Html);
        Assert.Equal("agents", await QueryAsync<string>("SELECT topics FROM subscribers"));

        var weekly = await Browser.PostAsync(preferences, Fields.Of(("form_token", page.FormToken), ("do", "weekly")));
        Assert.Contains("one email a week, on Monday", weekly.Html);
        Assert.Equal("weekly", await QueryAsync<string>("SELECT frequency FROM subscribers"));

        var paused = await Browser.PostAsync(preferences, Fields.Of(("form_token", page.FormToken), ("do", "pause"), ("pause_days", "30")));
        Assert.Contains("Paused until Friday, September 18, 2026", paused.Html);
        Assert.Equal("2026-09-18T06:00:00.000Z", await QueryAsync<string>("SELECT paused_until FROM subscribers"));

        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
    }
}
