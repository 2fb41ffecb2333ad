using DigestService.Config;
using DigestService.Tests.Support;
using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>The operator dashboard in Chromium: refused without the password, charts drawn with it, nothing blocked by the CSP.</summary>
public class AdminDashboardTests : SiteTest
{
    private const string Password = "operator passphrase 42";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    protected override void Configure(TestApp app) => app.With("Admin:PasswordHash", PasswordHash.Create(Password));

    [Fact]
    public async Task The_dashboard_asks_for_the_password_and_then_shows_its_charts()
    {
        await using var feed = new FeedServer();
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", "1");
        await App.ImportSubscribersAsync(4);
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);
        // The verbs above ran on the real clock; the site's charts end at its own today, so bring it to the same day.
        if (DateTimeOffset.UtcNow > Clock.GetUtcNow())
            Clock.SetUtcNow(DateTimeOffset.UtcNow);
        Directory.CreateDirectory(Screenshots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // Without credentials the browser gets the Basic challenge (Chromium would show its sign-in prompt).
        var anonymous = await browser.NewContextAsync();
        var refused = await anonymous.APIRequest.GetAsync(Site.BaseUrl + "/admin");
        Assert.Equal(401, refused.Status);
        Assert.StartsWith("Basic realm=", refused.Headers["www-authenticate"]);

        foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
        {
            var context = await browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = width, Height = height },
                HttpCredentials = new() { Username = "admin", Password = Password },
            });
            var page = await context.NewPageAsync();
            var blocked = new List<string>();
            page.Console += (_, message) =>
            {
                // Chromium reports what the Content-Security-Policy refused on the console.
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                    blocked.Add(message.Text);
            };
            var response = await page.GotoAsync(Site.BaseUrl + "/admin");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operations");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Subscribers by status, last 30 days" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Deliveries per day by outcome, last 30 days" })).ToBeVisibleAsync();
            // The sent bar of today is drawn: 4 digests, the whole height of the chart's scale.
            Assert.Equal(1, await page.Locator("svg.chart rect:has(title:text('Sent: 4'))").CountAsync());
            var card = (await page.Locator("section.card").First.BoundingBoxAsync())!;
            Assert.True((await page.Locator("svg.chart").First.BoundingBoxAsync())!.Width > card.Width * 0.8, "the chart spans its card");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"20-admin-{name}.png"), FullPage = true });
            Assert.Empty(blocked);
        }
    }
}
