using System.Text.RegularExpressions;
using DigestService.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace DigestService.BrowserTests;

/// <summary>
/// axe-core on every page a reader can reach and on the HTML part of every email, at phone and desktop width: any
/// WCAG 2.1 A/AA (or axe best-practice) violation fails, every one of them listed. Each audited view is also saved
/// as a screenshot (a11y-WIDTH-NAME.png).
/// </summary>
public class AccessibilityTests : SiteTest
{
    private static readonly (string Name, int Width, int Height)[] Widths = [("phone", 390, 844), ("desktop", 1280, 900)];

    protected override void Configure(TestApp app) => app.With("Digest:WhenNothingNew", "Note");

    [Fact]
    public async Task Every_page_and_email_has_no_violation_at_phone_and_desktop_width()
    {
        await using var feed = new FeedServer();
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", "3");
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);

        // Ada signs up (the confirmation email), confirms, signs up again (the "already subscribed" email) and gets a
        // digest; Bob's keyword matches nothing (the nothing-new note); Carl has not confirmed yet.
        await SignUpAsync("ada@example.org", "llm", "agents");
        var confirmation = await MailToAsync("ada@example.org");
        var adaConfirm = LinkIn(confirmation, "confirm");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Browser.SubmitAsync(adaConfirm, [])).Status);
        await SignUpAsync("ada@example.org");
        var alreadySubscribed = await MailToAsync("ada@example.org", 2);
        Assert.Equal(0, (await App.RunAsync("subscribers", "add", "bob@example.org", "--confirmed", "--keywords", "xyzzy plugh")).ExitCode);
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);
        var digest = await MailToAsync("ada@example.org", 3);
        Assert.Contains("<img class=\"thumbnail\"", digest.HtmlBody);
        var nothingNew = await MailToAsync("bob@example.org");
        await SignUpAsync("carl@example.org", "robotics");
        var carlConfirm = LinkIn(await MailToAsync("carl@example.org"), "confirm");

        (string Name, string Path)[] pages =
        [
            ("subscribe", "/"),
            ("archive", "/archive"),
            ("archive-day", "/archive/2026-08-14"),
            ("archive-no-edition", "/archive/2020-01-01"),
            ("confirm", carlConfirm),
            ("confirm-done", adaConfirm),
            ("preferences", LinkIn(digest, "preferences")),
            ("unsubscribe", LinkIn(digest, "unsubscribe")),
            ("feedback", LinkIn(digest, "feedback")),
            ("link-not-found", "/confirm/not-a-token"),
            ("page-not-found", "/no/such/page"),
        ];
        (string Name, MimeMessage Mail)[] emails =
            [("email-confirm", confirmation), ("email-already-subscribed", alreadySubscribed), ("email-digest", digest), ("email-nothing-new", nothingNew)];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var found = new List<string>();
        foreach (var (widthName, width, height) in Widths)
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "en-US" });
            // Nothing may reach the internet: the digest's thumbnails (Hugging Face's CDN) are refused, so the emails are
            // audited as a reader with images off sees them.
            await context.RouteAsync("**/*", route => route.Request.Url.StartsWith(Site.BaseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
            var page = await context.NewPageAsync();
            async Task AuditAsync(IPage shown, string name)
            {
                await Screenshots.TakeAsync(shown, $"a11y-{widthName}-{name}");
                if (await Axe.ViolationsAsync(shown, name) is { } violations)
                    found.Add(violations);
            }

            foreach (var (name, path) in pages)
            {
                await page.GotoAsync(Site.BaseUrl + path);
                await AuditAsync(page, name);
            }

            // The pages a form answers with: the sign-up form refusing an address, and "check your inbox".
            await page.GotoAsync(Site.BaseUrl + "/");
            await page.EvalOnSelectorAsync("form", "form => form.noValidate = true");
            await page.FillAsync("#email", "not an address");
            await page.Keyboard.PressAsync("Enter");
            // The refused field is marked invalid and described by the message, so a screen reader reads why.
            await Assertions.Expect(page.Locator("#email")).ToHaveAccessibleDescriptionAsync(new Regex("^Please check your email address"));
            await AuditAsync(page, "subscribe-error");
            await page.FillAsync("#email", $"dora-{widthName}@example.org");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your inbox");
            await AuditAsync(page, "check-inbox");

            // An email's HTML part on a blank page of its own: the site's Content-Security-Policy would block its inline styles.
            foreach (var (name, mail) in emails)
            {
                var mailView = await context.NewPageAsync();
                await mailView.SetContentAsync(mail.HtmlBody ?? throw new InvalidOperationException($"{name} has no HTML part"));
                await AuditAsync(mailView, name);
                await mailView.CloseAsync();
            }
            await context.CloseAsync();
        }

        Assert.True(found.Count == 0, $"axe-core found violations on {found.Count} views:\n{string.Join("\n", found)}");
    }
}
