using System.Net;
using System.Text.Json;
using DigestService.Tests.Support;

namespace DigestService.Tests.Web;

public class PreferencesTests : SiteTest
{
    private static List<KeyValuePair<string, string>> Form(
        string topics = "llm", string keywords = "", string zone = "Europe/Paris", string hour = "8", string frequency = "daily", string weekday = "1", string papers = "10") =>
    [
        new("do", "save"),
        .. topics.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => new KeyValuePair<string, string>("topics", t)),
        new("keywords", keywords), new("time_zone", zone), new("delivery_hour", hour), new("frequency", frequency),
        new("weekly_day", weekday), new("max_papers", papers),
    ];

    private async Task<string> RowAsync() =>
        (await App.RunAsync("subscribers", "list")).Output.Trim();

    [Fact]
    public async Task The_page_shows_what_is_saved()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm", "agents");

        var page = await Browser.GetAsync(preferences);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("ada@example.org", page.Html);
        Assert.Contains("Active: you get one email a day at 07:00 (UTC) with up to 10 trending papers in Large language models, Agents and tool use.", page.Text);
        Assert.Contains("value=\"llm\" checked", page.Html);
        Assert.Contains("value=\"agents\" checked", page.Html);
        Assert.DoesNotContain("value=\"code\" checked", page.Html);
        Assert.Contains("<option value=\"7\" selected>07:00</option>", page.Html);
        Assert.Contains("<option selected>UTC</option>", page.Html);
        Assert.Contains("<option>Pacific/Chatham</option>", page.Html);
        Assert.Contains("Download my data", page.Html);
        Assert.Contains("Delete me", page.Html);
    }

    [Fact]
    public async Task Saving_changes_topics_keywords_schedule_and_size_and_the_answer_shows_them_saved()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");

        var saved = await Browser.SubmitAsync(preferences, Form(topics: "robotics,code", keywords: " sparse attention, Mamba ,, mamba", zone: "Asia/Kolkata", hour: "18", frequency: "weekly", weekday: "5", papers: "25"));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Saved.", saved.Html);
        Assert.Contains("Active: you get one email every Friday at 18:00 (Asia/Kolkata) with up to 25 trending papers in Robotics and embodied AI, Code generation, or matching “sparse attention”, “Mamba”.", saved.Text);
        Assert.Contains("value=\"robotics\" checked", saved.Html);
        Assert.DoesNotContain("value=\"llm\" checked", saved.Html);
        Assert.Contains("value=\"sparse attention, Mamba\"", saved.Html);
        Assert.Contains("<option value=\"18\" selected>18:00</option>", saved.Html);
        Assert.Contains("<option value=\"5\" selected>Friday</option>", saved.Html);
        Assert.Contains("value=\"weekly\" checked", saved.Html);
        Assert.Equal("ada@example.org\tactive\ttopics=robotics,code\tkeywords=sparse attention,Mamba\tAsia/Kolkata\t18:00\tweekly", await RowAsync());
        Assert.Equal(25, await QueryAsync<long>("SELECT max_papers FROM subscribers"));
        Assert.Contains("Active: you get one email every Friday", (await Browser.GetAsync(preferences)).Text);
    }

    [Theory]
    [InlineData("keywords", "x", "Keywords: at most 300 characters in all, and these are 301.")]
    [InlineData("keywords", "line\nbreak", "Keywords: remove line breaks")]
    [InlineData("time_zone", "Mars/Olympus_Mons", "Time zone: “Mars/Olympus_Mons” is not a time zone name")]
    [InlineData("delivery_hour", "24", "Delivery time: choose an hour from 00:00 to 23:00.")]
    [InlineData("frequency", "hourly", "How often: choose every day or once a week.")]
    [InlineData("weekly_day", "7", "How often: choose a day of the week.")]
    [InlineData("max_papers", "0", "Papers per email: a whole number from 1 to 100.")]
    [InlineData("max_papers", "ten", "Papers per email: a whole number from 1 to 100.")]
    [InlineData("topics", "astrology", "Topics: “astrology” is not one of the topics listed.")]
    public async Task Bad_input_gets_400_with_the_form_as_sent_and_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");
        var before = await RowAsync();
        var fields = Form(keywords: "kept text").Where(f => f.Key != field).ToList();
        fields.Add(new(field, field == "keywords" && value == "x" ? new string('x', 301) : value));

        var answer = await Browser.SubmitAsync(preferences, fields);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(message, answer.Text);
        Assert.Contains("Nothing was saved.", answer.Text);
        Assert.Contains("name=\"do\" value=\"save\"", answer.Html);
        if (field != "keywords")
            Assert.Contains("value=\"kept text\"", answer.Html);
        Assert.Equal(before, await RowAsync());
    }

    [Fact]
    public async Task Keywords_are_stored_as_plain_text_and_shown_escaped()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org");

        var saved = await Browser.SubmitAsync(preferences, Form(keywords: "<script>alert(1)</script>, \"quoted\" & 'single'"));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.DoesNotContain("<script>alert", saved.Html);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;, &quot;quoted&quot; &amp; &#39;single&#39;\"", saved.Html);
        Assert.Equal("<script>alert(1)</script>,\"quoted\" & 'single'", await QueryAsync<string>("SELECT keywords FROM subscribers"));
    }

    [Fact]
    public async Task A_save_without_the_form_token_changes_nothing()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");
        var before = await RowAsync();
        using var stranger = new SiteClient(Site);

        var answer = await stranger.PostAsync(preferences, Form(topics: "code", hour: "3"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("nothing was changed", answer.Text);
        Assert.Equal(before, await RowAsync());
    }

    [Fact]
    public async Task The_status_heading_tells_where_the_subscription_stands_and_only_a_save_says_saved()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");

        var opened = await Browser.GetAsync(preferences);

        Assert.Contains("<h2>Current settings: active</h2>", opened.Html);
        Assert.DoesNotContain("Saved", opened.Text);

        var saved = await Browser.SubmitAsync(preferences, Form(hour: "9"));

        Assert.Contains("<p class=\"notice\" role=\"status\">Saved.</p>", saved.Html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(saved.Text, "Saved"));
        Assert.Contains("<h2>Current settings: active</h2>", saved.Html);
        Assert.Contains("Current settings: paused until Wednesday, September 2, 2026",
            (await Browser.SubmitAsync(preferences, Fields.Of(("do", "pause"), ("pause_days", "14")))).Text);
        Assert.Contains("<h2>Current settings: unsubscribed</h2>", (await Browser.SubmitAsync(preferences, Fields.Of(("do", "unsubscribe")))).Html);
    }

    [Fact]
    public async Task Pause_and_resume()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org");

        var paused = await Browser.SubmitAsync(preferences, Fields.Of(("do", "pause"), ("pause_days", "14")));

        Assert.Contains("Paused for two weeks.", paused.Text);
        Assert.Contains("Paused until Wednesday, September 2, 2026. Then you get one email a day", paused.Text);
        Assert.Contains("Resume now", paused.Html);
        Assert.Equal("2026-09-02T06:00:00.000Z", await QueryAsync<string>("SELECT paused_until FROM subscribers"));

        var resumed = await Browser.SubmitAsync(preferences, Fields.Of(("do", "resume")));

        Assert.Contains("Resumed", resumed.Text);
        Assert.Contains("Active: you get", resumed.Text);
        Assert.Null(await QueryAsync<string>("SELECT paused_until FROM subscribers"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Browser.SubmitAsync(preferences, Fields.Of(("do", "pause"), ("pause_days", "9999")))).Status);
    }

    [Fact]
    public async Task Unsubscribe_and_resubscribe_from_the_preferences_page()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");

        var gone = await Browser.SubmitAsync(preferences, Fields.Of(("do", "unsubscribe")));

        Assert.Contains("Unsubscribed: you get nothing.", gone.Text);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));

        var back = await Browser.SubmitAsync(preferences, Fields.Of(("do", "resubscribe")));

        Assert.Contains("We are sending a confirmation link", back.Text);
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
        await Browser.SubmitAsync(LinkIn(await MailToAsync("ada@example.org", 2), "confirm"), []);
        Assert.Contains("Active: you get", (await Browser.GetAsync(preferences)).Text);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        Assert.Equal("llm", await QueryAsync<string>("SELECT topics FROM subscribers"));
    }

    [Fact]
    public async Task A_pending_subscriber_gets_a_new_confirmation_link_from_the_preferences_page_and_only_that_confirms()
    {
        await SignUpAsync("ada@example.org");
        var preferences = LinkIn(await MailToAsync("ada@example.org"), "preferences");

        var page = await Browser.GetAsync(preferences);
        Assert.Contains("<h2>Current settings: not confirmed yet</h2>", page.Html);
        Assert.Contains("Not confirmed yet.", page.Text);
        Assert.Contains(">Email me a new confirmation link</button>", page.Html);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));

        var asked = await Browser.SubmitAsync(preferences, Fields.Of(("do", "resubscribe")));

        Assert.Contains("We are sending a confirmation link", asked.Text);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
        await Browser.SubmitAsync(LinkIn(await MailToAsync("ada@example.org", 2), "confirm"), []);
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task Download_my_data_gives_a_json_file_of_everything_stored()
    {
        var preferences = await SubscribeAndConfirmAsync("ada@example.org", "llm");
        await Browser.SubmitAsync(preferences, Form(keywords: "diffusion"));

        var download = await Browser.SubmitAsync(preferences, Fields.Of(("do", "export")));

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.StartsWith("application/json", download.Header("Content-Type"));
        Assert.Contains("attachment", download.Header("Content-Disposition"));
        using var json = JsonDocument.Parse(download.Html);
        var subscriber = json.RootElement.GetProperty("subscriber");
        Assert.Equal("ada@example.org", subscriber.GetProperty("email").GetString());
        Assert.Equal("active", subscriber.GetProperty("status").GetString());
        Assert.Equal("diffusion", subscriber.GetProperty("keywords").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("confirmation_emails_sent_at").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("deliveries").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("sent_papers").ValueKind);
    }

    [Fact]
    public async Task Delete_me_removes_the_subscriber_and_everything_tied_to_them()
    {
        await using var feed = new FeedServer();
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", "1");
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        var preferences = await SubscribeAndConfirmAsync("ada@example.org");
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);
        Assert.True(await QueryAsync<long>("SELECT COUNT(*) FROM sent_papers") > 0);

        var refused = await Browser.SubmitAsync(preferences, Fields.Of(("do", "delete")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("tick the box", refused.Text);
        Assert.Equal(1, await QueryAsync<long>("SELECT COUNT(*) FROM subscribers"));

        var deleted = await Browser.SubmitAsync(preferences, Fields.Of(("do", "delete"), ("confirm_delete", "yes")));

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Contains("Your data is deleted", deleted.Html);
        foreach (var table in new[] { "subscribers", "deliveries", "sent_papers", "confirmation_mails" })
            Assert.Equal(0, await QueryAsync<long>($"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync(preferences)).Status);
    }
}
