using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>Full-page screenshots under artifacts/screenshots of the test output, for a person to look at.</summary>
public static class Screenshots
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}
