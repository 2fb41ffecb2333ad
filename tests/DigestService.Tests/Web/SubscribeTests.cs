using DigestService.Config;
using System.Net;
using DigestService.Tests.Support;
using MimeKit;

namespace DigestService.Tests.Web;

public abstract class SubscribeTests : SiteTest
{
    /// <summary>A 400 with the form and the message, and no subscriber stored and no email sent.</summary>
    private async Task AssertRefusedAsync(SitePage answer, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(message, answer.Html);
        Assert.Contains("action=\"/subscribe\"", answer.Html);
        Assert.Equal(0, (await App.StatsAsync())["subscribers"]);
        Assert.Empty(await AllMailAfterStopAsync());
    }

    [Fact]
    public async Task The_form_offers_every_topic_of_the_catalog()
    {
        var page = await Browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.Header("Content-Type"));
        Assert.Contains("action=\"/subscribe\"", page.Html);
        Assert.Contains("name=\"email\"", page.Html);
        foreach (var (key, label) in new[] { ("llm", "Large language models"), ("robotics", "Robotics and embodied AI"), ("code", "Code generation") })
        {
            Assert.Contains($"name=\"topics\" value=\"{key}\"", page.Html);
            Assert.Contains(label, page.Html);
        }
        Assert.Equal(12, page.Html.Split("name=\"topics\"").Length - 1);
    }

    [Fact]
    public async Task A_sign_up_stores_a_pending_subscriber_and_sends_the_confirmation_at_once()
    {
        var answer = await SignUpAsync("ada@example.org", "llm", "agents");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Check your inbox", answer.Html);
        Assert.Contains("<a href=\"/\">Wrong address? Start again</a>", answer.Html);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
        Assert.Equal("llm,agents", await QueryAsync<string>("SELECT topics FROM subscribers"));
        var mail = await MailToAsync("ada@example.org");
        Assert.Equal("ada@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Confirm your subscription", mail.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.StartsWith("/confirm/", LinkIn(mail, "confirm"));
        Assert.Contains(Site.BaseUrl + LinkIn(mail, "confirm"), mail.HtmlBody);
        Assert.StartsWith("/preferences/", LinkIn(mail, "preferences"));
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal(1, (await App.StatsAsync())["pending"]);
        Assert.Single(await AllMailAfterStopAsync());
    }

    [Fact]
    public async Task The_answer_is_the_same_for_a_new_a_pending_and_an_active_address()
    {
        await SubscribeAndConfirmAsync("active@example.org", "llm");
        await SignUpAsync("pending@example.org");

        var answers = new List<SitePage>();
        foreach (var address in new[] { "new@example.org", "pending@example.org", "active@example.org" })
            answers.Add(await SignUpAsync(address, "code"));

        var bodies = answers.Select((a, i) => a.Html.Replace(new[] { "new", "pending", "active" }[i] + "@example.org", "ADDRESS")).ToList();
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(bodies.Distinct());
        Assert.Single(answers.Select(a => string.Join("|", a.Response.Headers.Where(h => h.Key != "Date").Select(h => h.Key + "=" + string.Join(",", h.Value)))).Distinct());
    }

    [Fact]
    public async Task An_active_subscriber_signing_up_again_changes_nothing_and_is_told_so_by_email()
    {
        await SubscribeAndConfirmAsync("ada@example.org", "llm");

        await SignUpAsync("ada@example.org", "robotics", "code");

        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        Assert.Equal("llm", await QueryAsync<string>("SELECT topics FROM subscribers"));
        var note = await MailToAsync("ada@example.org", 2);
        Assert.Contains("already subscribed", note.Subject);
        Assert.DoesNotContain("/confirm/", note.TextBody);
        Assert.StartsWith("/preferences/", LinkIn(note, "preferences"));
    }

    [Theory]
    [InlineData("ada.example.org", "the email address has no @ and no domain.")]
    [InlineData("ada@", "the email address has no domain after the @.")]
    [InlineData("ada@localhost", "the domain must be a full domain name such as example.org.")]
    [InlineData("ada@example.org\r\nBcc: victim@example.net", "the email address contains a line break.")]
    [InlineData("", "the email address is empty.")]
    [InlineData("a@[127.0.0.1]", "domain literals such as [127.0.0.1] are not accepted; use the domain name.")]
    [InlineData("a@-evil.example.org", "a part of the domain starts or ends with a hyphen (-evil).")]
    [InlineData("vic\u200Btim@example.org", "the email address contains an invisible or text-direction character (U+200B).")]
    [InlineData("victim@example.org\u202E", "the email address contains an invisible or text-direction character (U+202E).")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.org", "the part before the @ is longer than 64 bytes.")]
    [InlineData("a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.org", "a part of the domain is longer than 63 characters.")]
    public async Task An_invalid_address_gets_400_with_the_form_and_a_message_and_nothing_is_stored_or_sent(string email, string message)
    {
        var answer = await SignUpAsync(email, "llm");

        await AssertRefusedAsync(answer, "Please check your email address: " + message);
        Assert.Contains("value=\"llm\" checked", answer.Html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"form-error\"", answer.Html);
    }

    [Fact]
    public async Task A_5000_character_address_is_read_and_refused_with_400_not_413()
    {
        var answer = await SignUpAsync(new string('a', 4990) + "@example.org");

        await AssertRefusedAsync(answer, "longer than 254 characters");
    }

    [Fact]
    public async Task An_address_with_an_escaped_NUL_byte_gets_400_with_the_form_not_413()
    {
        await Browser.GetAsync("/");

        var answer = await Browser.PostAsync("/subscribe", new StringContent("email=z%40exa%00mple.org", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        await AssertRefusedAsync(answer, "contains a character that cannot be read, such as a NUL byte. Please type your email address again");
    }

    [Fact]
    public async Task Reloading_the_answer_page_with_GET_goes_back_to_the_form()
    {
        var answer = await Browser.GetAsync("/subscribe");

        Assert.Equal(HttpStatusCode.SeeOther, answer.Status);
        Assert.Equal("/", answer.Header("Location"));
        Assert.Equal(0, (await App.StatsAsync())["subscribers"]);
    }

    [Fact]
    public async Task A_body_over_16_KB_gets_a_413_page_and_nothing_is_stored()
    {
        var page = await Browser.GetAsync("/");

        var answer = await Browser.PostAsync("/subscribe", Fields.Of(("form_token", page.FormToken), ("email", "ada@example.org"), ("padding", new string('x', 20_000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("too much text", answer.Html);
        Assert.Equal(0, (await App.StatsAsync())["subscribers"]);
    }

    [Fact]
    public async Task An_unknown_topic_gets_400_and_nothing_is_stored()
    {
        var answer = await SignUpAsync("ada@example.org", "llm", "<b>astrology</b>");

        await AssertRefusedAsync(answer, "“&lt;b&gt;astrology&lt;/b&gt;” is not one of the topics");
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused_with_the_form_again()
    {
        var answer = await Browser.PostAsync("/subscribe", Fields.Of(("email", "ada@example.org"), ("topics", "llm")));

        await AssertRefusedAsync(answer, "press Subscribe again");
        Assert.Contains("value=\"ada@example.org\"", answer.Html);
    }

    [Fact]
    public async Task The_browser_time_zone_sent_with_the_form_is_kept_and_a_bogus_one_becomes_UTC()
    {
        var page = await Browser.GetAsync("/");
        await Browser.PostAsync("/subscribe", Fields.Of(("form_token", page.FormToken), ("email", "ada@example.org"), ("time_zone", "Asia/Kolkata")));
        await Browser.PostAsync("/subscribe", Fields.Of(("form_token", page.FormToken), ("email", "alan@example.org"), ("time_zone", "Mars/Olympus_Mons")));

        Assert.Equal("Asia/Kolkata", await QueryAsync<string>("SELECT time_zone FROM subscribers WHERE email = 'ada@example.org'"));
        Assert.Equal("UTC", await QueryAsync<string>("SELECT time_zone FROM subscribers WHERE email = 'alan@example.org'"));
    }

    [Fact]
    public async Task A_multipart_sign_up_works_like_an_urlencoded_one()
    {
        var page = await Browser.GetAsync("/");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.FormToken), "form_token" },
            { new StringContent("ada@example.org"), "email" },
            { new StringContent("reasoning"), "topics" },
        };

        var answer = await Browser.PostAsync("/subscribe", form);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("reasoning", await QueryAsync<string>("SELECT topics FROM subscribers"));
        Assert.Single(await Smtp.WaitForAsync("ada@example.org"));
    }

    [Fact]
    public async Task Someone_who_unsubscribed_can_sign_up_again_and_nothing_changes_until_they_confirm()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");
        await Browser.SubmitAsync(preferences, Fields.Of(("do", "unsubscribe")));

        await SignUpAsync("ada@example.org", "code");
        var mail = await MailToAsync("ada@example.org", 2);

        // An anonymous form changes nothing about a known person: status, topics and suppression stay.
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
        Assert.Equal("llm", await QueryAsync<string>("SELECT topics FROM subscribers"));
        Assert.Equal(1, (await App.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);
        var confirmed = await Browser.SubmitAsync(LinkIn(mail, "confirm"), []);
        Assert.Contains("You're subscribed", confirmed.Html);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        Assert.Equal("code", await QueryAsync<string>("SELECT topics FROM subscribers"));
    }
}

public sealed class SubscribeTestsOnSqlite : SubscribeTests;

public sealed class SubscribeTestsOnPostgres : SubscribeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
