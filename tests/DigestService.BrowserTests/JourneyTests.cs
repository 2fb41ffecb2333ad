using System.Text.RegularExpressions;
using DigestService.Tests.Support;
using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>
/// A person's whole journey in a real browser against the real server on loopback: subscribe, confirm from the email,
/// change topics and delivery hour, see them saved, unsubscribe from the link in a digest. Every page is saved as a
/// screenshot under artifacts/screenshots of the test output, at phone size (and the main pages at desktop size).
/// </summary>
public class JourneyTests : SiteTest
{
    private static Task ShotAsync(IPage page, string name) => Screenshots.TakeAsync(page, name);

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task Subscribe_confirm_change_topics_and_hour_then_unsubscribe_from_a_digest()
    {
        await using var feed = new FeedServer();
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var phone = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, TimezoneId = "Europe/Paris", Locale = "en-US" });
        var page = await phone.NewPageAsync();

        // Subscribe.
        await page.GotoAsync(Site.BaseUrl + "/");
        await ShotAsync(page, "01-subscribe");
        await page.FillAsync("#email", "ada@example.org");
        await page.CheckAsync("input[name=topics][value=llm]");
        await page.CheckAsync("input[name=topics][value=agents]");
        await Button(page, "Subscribe").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your inbox");
        await ShotAsync(page, "02-check-inbox");
        Assert.Single(await Smtp.WaitForAsync("ada@example.org"));
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
        Assert.Equal("Europe/Paris", await QueryAsync<string>("SELECT time_zone FROM subscribers"));

        // Confirm from the email: opening the link changes nothing, the button does.
        var confirmation = await MailToAsync("ada@example.org");
        // Shown on a blank page of its own: the site's Content-Security-Policy would block the email's inline styles.
        var mailView = await phone.NewPageAsync();
        await mailView.SetContentAsync(confirmation.HtmlBody ?? "");
        await ShotAsync(mailView, "02-confirmation-email");
        await page.GotoAsync(Site.BaseUrl + LinkIn(confirmation, "confirm"));
        await ShotAsync(page, "03-confirm");
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
        await Button(page, "Yes, start my digest").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You're subscribed");
        await ShotAsync(page, "04-confirmed");
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));

        // Preferences: drop a topic, add one, deliver at 18:00.
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose topics, time and frequency" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your digest");
        await Assertions.Expect(page.Locator("#time_zone")).ToHaveValueAsync("Europe/Paris");
        await ShotAsync(page, "05-preferences");
        await page.UncheckAsync("input[name=topics][value=agents]");
        await page.CheckAsync("input[name=topics][value=robotics]");
        await page.SelectOptionAsync("#delivery_hour", "18");
        await Button(page, "Save").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.Locator(".saved")).ToContainTextAsync("one email a day at 18:00 (Europe/Paris) with up to 10 trending papers in Large language models, Robotics and embodied AI.");
        await Assertions.Expect(page.Locator("input[name=topics][value=robotics]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("input[name=topics][value=agents]")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#delivery_hour")).ToHaveValueAsync("18");
        await ShotAsync(page, "06-preferences-saved");
        Assert.Equal("llm,robotics", await QueryAsync<string>("SELECT topics FROM subscribers"));
        Assert.Equal(18, await QueryAsync<long>("SELECT delivery_hour FROM subscribers"));

        // A digest arrives; its unsubscribe link asks first, then unsubscribes.
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);
        var digest = await MailToAsync("ada@example.org", 2);
        Assert.Matches(new Regex("^Trending papers"), digest.Subject);
        await page.GotoAsync(Site.BaseUrl + LinkIn(digest, "unsubscribe"));
        await ShotAsync(page, "07-unsubscribe");
        Assert.Equal("active", await StatusOfAsync("ada@example.org"));
        await Button(page, "Unsubscribe from everything").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You're unsubscribed");
        await ShotAsync(page, "08-unsubscribed");
        Assert.Equal("unsubscribed", await StatusOfAsync("ada@example.org"));
        Assert.Equal(1, (await App.StatsAsync())["unsubscribed"]);

        // The same pages at desktop width, for the record.
        var desktop = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, TimezoneId = "Europe/Paris" });
        var wide = await desktop.NewPageAsync();
        await wide.GotoAsync(Site.BaseUrl + "/");
        await ShotAsync(wide, "09-subscribe-desktop");
        await wide.GotoAsync(Site.BaseUrl + LinkIn(digest, "preferences"));
        await ShotAsync(wide, "10-preferences-desktop");
    }
}
