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

    [Fact]
    public async Task Addresses_stored_before_canonical_forms_are_converted_at_start_and_each_inbox_keeps_one_person()
    {
        var file = Path.Combine(_app.Directory, "list.txt");
        await File.WriteAllLinesAsync(file, ["a1@example.org", "a2@example.org", "a3@example.org", "a4@example.org", "a5@example.org", "a6@example.org"]);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "import", file, "--confirmed")).ExitCode);
        // As a version before canonical forms stored them: quoted, upper-case domain, non-ASCII case variants.
        await _app.QueryAsync<long>("""
            UPDATE subscribers SET email = '"victim"@example.org' WHERE email = 'a1@example.org';
            UPDATE subscribers SET email = 'user@BÜCHER.de' WHERE email = 'a2@example.org';
            UPDATE subscribers SET email = 'Äneas@example.org', status = 'unsubscribed', unsubscribed_at = '2026-01-02T00:00:00.000Z', confirmed_at = '2026-01-05T00:00:00.000Z' WHERE email = 'a3@example.org';
            UPDATE subscribers SET email = 'äneas@example.org', confirmed_at = '2026-01-01T00:00:00.000Z' WHERE email = 'a4@example.org';
            UPDATE subscribers SET email = 'Zoë@example.org', confirmed_at = '2026-01-03T00:00:00.000Z' WHERE email = 'a5@example.org';
            UPDATE subscribers SET email = 'ZOË@example.org', confirmed_at = '2026-01-02T00:00:00.000Z' WHERE email = 'a6@example.org';
            DELETE FROM settings WHERE key = 'addresses_canonicalized';
            SELECT 0;
            """);
        var zoeEarliest = (await _app.QueryAsync<long>("SELECT id FROM subscribers WHERE email = 'ZOË@example.org'")).Single();

        var stats = await _app.RunAsync("stats");

        Assert.Equal(0, stats.ExitCode);
        var rows = await _app.QueryAsync<(long Id, string Email, string Status)>("SELECT id, email, status FROM subscribers ORDER BY email");
        Assert.Equal(["user@bücher.de", "victim@example.org", "zoë@example.org", "äneas@example.org"], rows.Select(r => r.Email).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("unsubscribed", rows.Single(r => r.Email == "äneas@example.org").Status);
        Assert.Equal(zoeEarliest, rows.Single(r => r.Email == "zoë@example.org").Id);
        // The opt-out holds for every spelling.
        var add = await _app.RunAsync("subscribers", "add", "ÄNEAS@example.org", "--confirmed");
        Assert.Equal(1, add.ExitCode);
        Assert.Equal("active", (await _app.QueryAsync<string>("SELECT status FROM subscribers WHERE email = 'victim@example.org'")).Single());
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "\"Victim\"@example.org", "--confirmed")).ExitCode);
        Assert.Equal(4, (await _app.QueryAsync<long>("SELECT COUNT(*) FROM subscribers")).Single());
    }
}
