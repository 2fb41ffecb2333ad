using Microsoft.Playwright;

namespace DigestService.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser. Missing Chromium fails the test with the fix.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ExecutablePath}, which is not installed. " +
                "Install it with 'apt-get install chromium' (deploy/test.sh does this when it is missing).");
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
