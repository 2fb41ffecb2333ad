using DigestService.Tests.Support;

namespace DigestService.Tests.Consent;

/// <summary>A database from before the suppression list: the people who had left are put on it at the first start.</summary>
public class UpgradeTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task People_who_left_before_the_suppression_list_existed_are_refused_after_the_upgrade()
    {
        var file = Path.Combine(_app.Directory, "list.txt");
        await File.WriteAllLinesAsync(file, ["left@example.org", "bounced@example.org", "came-back@example.org", "stays@example.org"]);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "import", file, "--confirmed")).ExitCode);
        // As the previous version left them: statuses only, no suppression list; a sign-up used to make a leaver pending.
        await _app.QueryAsync<long>("""
            UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = '2026-01-02T00:00:00.000Z' WHERE email = 'left@example.org';
            UPDATE subscribers SET status = 'bounced', hard_bounces = 1 WHERE email = 'bounced@example.org';
            UPDATE subscribers SET status = 'pending', unsubscribed_at = '2026-01-02T00:00:00.000Z' WHERE email = 'came-back@example.org';
            DELETE FROM suppressions; DELETE FROM settings WHERE key = 'suppressions_backfilled';
            SELECT 0;
            """);

        var import = await _app.RunAsync("subscribers", "import", file, "--confirmed");

        Assert.Equal("imported 0, updated 1, refused 3", import.Output.Trim());
        var stats = await _app.StatsAsync();
        Assert.Equal(1, stats["active"]);
        Assert.Equal(2, stats["unsubscribed"]);
        Assert.Equal(1, stats["bounced"]);
    }
}
