using DigestService.Config;
using System.Net;
using System.Text.Json;
using DigestService.Tests.Support;
using SmtpServer.Protocol;

namespace DigestService.Tests.Consent;

/// <summary>
/// The promise, checked from outside: someone who unsubscribed, bounced, complained or was deleted is refused by
/// `add` and `import --confirmed`, stays suppressed and gets nothing from the next `send`; only their own
/// confirmation brings them back. Real site, real SMTP server, real IMAP mailbox (Dovecot).
/// </summary>
public abstract class SuppressionTests : SiteTest
{
    private static readonly string[] Leavers = ["left@example.org", "bounced@example.org", "complained@example.org", "deleted@example.org"];
    private readonly FeedServer _feed = new();
    private readonly DovecotServer _mailbox = new();

    protected override void Configure(TestApp app) =>
        app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "1").With(_mailbox.Settings("Imap"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _feed.DisposeAsync();
        _mailbox.Dispose();
    }

    /// <summary>Everyone subscribes on the web; then each leaves in their own way, through the real paths.</summary>
    private async Task<Dictionary<string, string>> FourPeopleLeaveAsync()
    {
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        var preferences = new Dictionary<string, string>();
        foreach (var address in Leavers.Append("stays@example.org"))
            preferences[address] = await SubscribeAndConfirmAsync(address);
        Smtp.DataReply = (address, _) => address == "bounced@example.org"
            ? new SmtpResponse((SmtpReplyCode)550, "5.1.1 <bounced@example.org>: Recipient address rejected: User unknown")
            : null;
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-14")).ExitCode);

        // One-click unsubscribe, from the header of the digest itself.
        var digest = await MailToAsync("left@example.org", 2);
        var oneClick = new Uri(digest.Headers["List-Unsubscribe"]!.Trim('<', '>')).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await Browser.PostAsync(oneClick, Fields.Of(("List-Unsubscribe", "One-Click")))).Status);
        // A spam complaint through the provider's feedback loop, about the digest they got.
        _mailbox.Deliver(DsnSamples.Read("arf-abuse.eml", "complained@example.org", (await MailToAsync("complained@example.org", 2)).MessageId!));
        // "Delete me".
        var deleted = await Browser.SubmitAsync(preferences["deleted@example.org"], Fields.Of(("do", "delete"), ("confirm_delete", "yes")));
        Assert.Contains("Your data is deleted", deleted.Html);
        var complaints = await App.RunAsync("send", "--date", "2026-08-14");
        Assert.Contains("complaints 1", complaints.Output);
        return preferences;
    }

    [Fact]
    public async Task Unsubscribed_bounced_complained_and_deleted_addresses_are_refused_stay_suppressed_and_get_nothing()
    {
        await FourPeopleLeaveAsync();

        foreach (var address in Leavers)
        {
            var add = await App.RunAsync("subscribers", "add", address, "--confirmed");
            Assert.Equal(1, add.ExitCode);
            Assert.Matches($"^{address}: refused: .+ on \\d{{4}}-\\d{{2}}-\\d{{2}}; only they can resubscribe, from the sign-up page$", add.Error.Trim());
        }
        // Another spelling of the same mailbox is the same person; the date is the site's (fake) clock's.
        Assert.Equal("left@example.org: refused: unsubscribed on 2026-08-19; only they can resubscribe, from the sign-up page",
            (await App.RunAsync("subscribers", "add", "LEFT@example.org")).Error.Trim());
        var file = Path.Combine(App.Directory, "old-list.csv");
        await File.WriteAllTextAsync(file, "email\n" + string.Join("\n", Leavers.Append("new@example.org").Append("stays@example.org")) + "\n");
        var import = await App.RunAsync("subscribers", "import", file, "--confirmed");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal("imported 1, updated 1, refused 4", import.Output.Trim());
        Assert.Equal(4, import.Error.Trim().Split('\n').Count(l => l.Contains(": refused: ", StringComparison.Ordinal)));
        Assert.Null(await StatusOfAsync("deleted@example.org"));
        Assert.Equal(0, await QueryAsync<long>("SELECT COUNT(*) FROM suppressions WHERE address_hash LIKE '%@%'"));
        var stats = await App.StatsAsync();
        Assert.Equal(1, stats["bounced"]);
        Assert.Equal(2, stats["unsubscribed"]);
        Assert.Equal(2, stats["active"]);

        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-19")).ExitCode);
        var before = Smtp.Messages.Count;
        Assert.Equal(0, (await App.RunAsync("send", "--date", "2026-08-19")).ExitCode);

        var next = Smtp.Messages.Skip(before).SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Order().ToList();
        Assert.Equal(["new@example.org", "stays@example.org"], next);
    }

    [Fact]
    public async Task Only_the_person_undoes_an_opt_out_and_every_change_is_in_their_data()
    {
        var preferences = await FourPeopleLeaveAsync();
        var mails = Smtp.To("left@example.org").Count;

        var unsuppress = await App.RunAsync("subscribers", "unsuppress", "left@example.org", "--reason", "asked us by phone on 2026-08-15");

        Assert.Equal(0, unsuppress.ExitCode);
        Assert.Equal("unsubscribed", await StatusOfAsync("left@example.org"));
        Assert.Equal(1, (await App.RunAsync("subscribers", "add", "left@example.org", "--confirmed")).ExitCode);
        var confirmation = await MailToAsync("left@example.org", mails + 1);
        Assert.Equal(2, (await App.RunAsync("subscribers", "unsuppress", "left@example.org")).ExitCode);
        Assert.Equal(1, (await App.RunAsync("subscribers", "unsuppress", "stays@example.org", "--reason", "x")).ExitCode);

        var confirmed = await Browser.SubmitAsync(LinkIn(confirmation, "confirm"), []);

        Assert.Contains("You're subscribed", confirmed.Html);
        Assert.Equal("active", await StatusOfAsync("left@example.org"));
        var export = await Browser.SubmitAsync(preferences["left@example.org"], Fields.Of(("do", "export")));
        using var data = JsonDocument.Parse(export.Text);
        var changes = data.RootElement.GetProperty("status_changes").EnumerateArray()
            .Select(c => (Status: c.GetProperty("new_status").GetString(), Source: c.GetProperty("source").GetString(), Reason: c.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal(["web", "link", "link", "cli", "link"], changes.Select(c => c.Source));
        Assert.Equal(["pending", "active", "unsubscribed", "unsubscribed", "active"], changes.Select(c => c.Status));
        Assert.Contains("one-click", changes[2].Reason);
        Assert.Contains("asked us by phone", changes[3].Reason);
        Assert.Contains("asked us by phone", changes[4].Reason);
        Assert.All(data.RootElement.GetProperty("status_changes").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("at").GetString())));
    }

    [Fact]
    public async Task Bounces_and_complaints_are_in_the_audit_trail_with_who_and_why()
    {
        await FourPeopleLeaveAsync();

        var trail = await App.QueryAsync<(string Email, string Source, string Reason)>(
            "SELECT s.email AS Email, c.source AS Source, c.reason AS Reason FROM status_changes c JOIN subscribers s ON s.id = c.subscriber_id WHERE c.source IN ('bounce', 'complaint') ORDER BY c.id");

        Assert.Collection(trail,
            b => Assert.Equal(("bounced@example.org", "bounce"), (b.Email, b.Source)),
            c => Assert.Equal(("complained@example.org", "complaint"), (c.Email, c.Source)));
        Assert.Contains("5.1.1", trail[0].Reason);
        Assert.Contains("Feedback-Type: abuse", trail[1].Reason);
    }
}

public sealed class SuppressionTestsOnSqlite : SuppressionTests;

public sealed class SuppressionTestsOnPostgres : SuppressionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
