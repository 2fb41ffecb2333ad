using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>Full-page screenshots under artifacts/screenshots of the test output, for a person to look at.</summary>
public static class Screenshots
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>The whole page, or with <paramref name="fullPage"/> false what the window shows (e.g. around the focused element).</summary>
    public static Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });
    }
}
