using DigestService.Tests.Support;
using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>
/// The whole journey with the keyboard alone (Tab, Shift+Tab, Space, Enter, arrows and typing; no click): sign up with
/// a mistyped address and start again, confirm, change topics and delivery hour, unsubscribe from a digest. Every
/// element that takes focus on the way must show a focus outline of at least 2px with 3:1 contrast against what is
/// behind it (WCAG 2.4.7, 1.4.11), and axe-core checks every page reached (screenshots: keyboard-NN-*.png).
/// </summary>
public class KeyboardJourneyTests : SiteTest
{
    private const int MostTabs = 80;

    /// <summary>Why the focused element's focus is not visible, or "" when it is.</summary>
    private const string FocusProblem = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'nothing has focus';
          const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? `[name=${el.name}]` : '') + ` "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
          const style = getComputedStyle(el);
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)
            return `${name} shows no focus outline (${style.outlineStyle} ${style.outlineWidth})`;
          const rgba = c => c.match(/[\d.]+/g).map(Number);
          let behind = [255, 255, 255];
          for (let n = el.parentElement; n; n = n.parentElement) {
            const bg = rgba(getComputedStyle(n).backgroundColor);
            if (bg.length < 4 || bg[3] > 0) { behind = bg; break; }
          }
          const lum = c => c.slice(0, 3).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const [light, dark] = [lum(rgba(style.outlineColor)), lum(behind)].sort((a, b) => b - a);
          const ratio = (light + 0.05) / (dark + 0.05);
          return ratio >= 3 ? '' : `${name}: focus outline contrast ${ratio.toFixed(2)}:1 against its background, under 3:1`;
        }
        """;

    private const string FocusedIs = "([selector, text]) => document.activeElement.matches(selector) && (!text || document.activeElement.textContent.trim() === text)";

    private int _shot;

    /// <summary>Presses Tab (or Shift+Tab) until the element matching <paramref name="selector"/> (and showing <paramref name="text"/>) has focus, checking the focus of each element on the way.</summary>
    private static async Task TabToAsync(IPage page, string selector, string? text = null, bool backwards = false)
    {
        for (var presses = 0; presses < MostTabs; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var problem = await page.EvaluateAsync<string>(FocusProblem);
            Assert.True(problem == "", problem);
            if (await page.EvaluateAsync<bool>(FocusedIs, new[] { selector, text ?? "" }))
                return;
        }
        Assert.Fail($"{(backwards ? "Shift+Tab" : "Tab")} never reached {selector} {text} on {page.Url}");
    }

    private async Task CheckPageAsync(IPage page, string name)
    {
        await Screenshots.TakeAsync(page, $"keyboard-{++_shot:00}-{name}");
        await Axe.AssertCleanAsync(page, name);
    }

    [Fact]
    public async Task Sign_up_confirm_change_preferences_and_unsubscribe_with_the_keyboard_alone()
    {
        await using var feed = new FeedServer();
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, TimezoneId = "Europe/Paris", Locale = "en-US" });
        var page = await context.NewPageAsync();

        // Sign up with a mistyped address, take "Wrong address? Start again", and sign up with the right one.
        await page.GotoAsync(Site.BaseUrl + "/");
        await CheckPageAsync(page, "subscribe");
        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("kay@exmaple.org");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your inbox");
        await CheckPageAsync(page, "check-inbox");
        await TabToAsync(page, "a", "Wrong address? Start again");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("kay@example.org");
        await Screenshots.TakeAsync(page, "keyboard-focus-on-email", fullPage: false);
        await TabToAsync(page, "input[name=topics][value=llm]");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "input[name=topics][value=agents]");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("input[name=topics][value=agents]")).ToBeCheckedAsync();
        await TabToAsync(page, "button", "Subscribe");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your inbox");
        Assert.Equal("llm,agents", await QueryAsync<string>("SELECT topics FROM subscribers WHERE email = 'kay@example.org'"));

        // Confirm: the link comes from the email; the button is pressed with Enter.
        var confirmation = await MailToAsync("kay@example.org");
        await page.GotoAsync(Site.BaseUrl + LinkIn(confirmation, "confirm"));
        await CheckPageAsync(page, "confirm");
        await TabToAsync(page, "button", "Yes, start my digest");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You're subscribed");
        await CheckPageAsync(page, "confirmed");
        Assert.Equal("active", await StatusOfAsync("kay@example.org"));

        // Preferences: drop a topic and add one with Space, move the delivery hour with the arrow keys, save with Enter.
        await TabToAsync(page, "a", "Choose topics, time and frequency");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Current settings: active");
        await CheckPageAsync(page, "preferences");
        await TabToAsync(page, "input[name=topics][value=agents]");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "input[name=topics][value=robotics]");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#delivery_hour");
        for (var hour = 7; hour < 18; hour++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#delivery_hour")).ToHaveValueAsync("18");
        await TabToAsync(page, "button", "Save");
        await Screenshots.TakeAsync(page, "keyboard-focus-on-save", fullPage: false);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Saved.");
        await CheckPageAsync(page, "preferences-saved");
        Assert.Equal("llm,robotics", await QueryAsync<string>("SELECT topics FROM subscribers WHERE email = 'kay@example.org'"));
        Assert.Equal(18, await QueryAsync<long>("SELECT delivery_hour FROM subscribers WHERE email = 'kay@example.org'"));

        // A digest arrives; from its unsubscribe link, Tab to the last link of the page and Shift+Tab back to the button.
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);
        var digest = await MailToAsync("kay@example.org", 2);
        await page.GotoAsync(Site.BaseUrl + LinkIn(digest, "unsubscribe"));
        await CheckPageAsync(page, "unsubscribe");
        await TabToAsync(page, "a", "All preferences");
        await TabToAsync(page, "button", "Unsubscribe from everything", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You're unsubscribed");
        await CheckPageAsync(page, "unsubscribed");
        Assert.Equal("unsubscribed", await StatusOfAsync("kay@example.org"));
    }
}
