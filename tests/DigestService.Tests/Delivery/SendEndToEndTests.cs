using DigestService.Config;
using DigestService.Tests.Support;
using MimeKit;

namespace DigestService.Tests.Delivery;

/// <summary>Feed on loopback → ingest → send → a real SMTP server, checked on the received MIME.</summary>
public abstract class SendEndToEndTests : IAsyncLifetime
{
    /// <summary>The database the app runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private const string HostileTitle = "Attention <script>alert('x')</script> & \"Friends\"";
    private readonly FeedServer _feed = new();
    private readonly TestSmtpServer _smtp = new();
    private readonly TestApp _app;

    protected SendEndToEndTests() => _app = new TestApp(Provider);

    public async Task InitializeAsync()
    {
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "1").With(_smtp.Settings);
        var day = Fixtures.HfDay("2026-08-14");
        // One paper of the real answer gets a title that must be escaped in the HTML part.
        _feed.Handler = request => FeedAnswer.Json(request.QueryString["date"] == "2026-08-14"
            ? ReplaceFirst(day, "\"title\": \"", "\"title\": \"" + HostileTitle.Replace("\"", "\\\"") + " ")
            : "[]");
        Assert.Equal(0, (await _app.RunAsync("ingest", "--date", "2026-08-14")).ExitCode);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "ada@example.org", "--confirmed")).ExitCode);
        Assert.Equal(0, (await _app.RunAsync("subscribers", "add", "alan@example.net", "--confirmed")).ExitCode);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _smtp.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task Each_active_subscriber_gets_one_multipart_digest_with_list_headers()
    {
        var result = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("queued 2", result.Output);
        Assert.Equal(2, _smtp.Messages.Count);
        foreach (var address in new[] { "ada@example.org", "alan@example.net" })
        {
            var message = Assert.Single(_smtp.To(address));
            var alternative = Assert.IsType<MultipartAlternative>(message.Body);
            Assert.Equal(2, alternative.Count);
            Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
            Assert.Equal("text/html", alternative[1].ContentType.MimeType);
            Assert.Matches(@"^<https://digest\.example\.org/unsubscribe/[^>]+>$", message.Headers["List-Unsubscribe"]);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.False(string.IsNullOrEmpty(message.MessageId));
            Assert.NotNull(message.Headers["Date"]);
            Assert.Contains("digest@example.org", message.From.ToString());
            Assert.Contains("https://digest.example.org/preferences/", message.HtmlBody);
            Assert.Contains("https://digest.example.org/unsubscribe/", message.TextBody);
        }
        Assert.NotEqual(_smtp.To("ada@example.org")[0].MessageId, _smtp.To("alan@example.net")[0].MessageId);
    }

    [Fact]
    public async Task Subscribers_with_the_same_papers_each_get_their_own_address_and_links()
    {
        await _app.RunAsync("send", "--date", "2026-08-14");

        var ada = _smtp.To("ada@example.org")[0];
        var alan = _smtp.To("alan@example.net")[0];
        var adaLink = ada.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var alanLink = alan.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.NotEqual(adaLink, alanLink);
        Assert.Contains(adaLink, ada.HtmlBody);
        Assert.DoesNotContain(alanLink, ada.HtmlBody);
        Assert.Contains("ada@example.org", ada.HtmlBody);
        Assert.DoesNotContain("alan@example.net", ada.HtmlBody);
        Assert.Contains(alanLink, alan.HtmlBody);
        Assert.Contains("alan@example.net", alan.HtmlBody);
        Assert.DoesNotContain("digest-slot", ada.HtmlBody + alan.HtmlBody + ada.TextBody + alan.TextBody);
        // Each paper has its own pair of feedback links, in both parts, and no reader has another's.
        static string[] Feedback(string? body) => [.. System.Text.RegularExpressions.Regex.Matches(body ?? "", @"https://digest\.example\.org/feedback/[A-Za-z0-9_.-]+").Select(m => m.Value)];
        var adaLinks = Feedback(ada.TextBody);
        Assert.Equal(2 * ada.TextBody!.Split("Why: ").Length - 2, adaLinks.Distinct().Count());
        Assert.Equal(adaLinks.Distinct().Order(), Feedback(ada.HtmlBody).Distinct().Order());
        Assert.Empty(adaLinks.Intersect(Feedback(alan.TextBody)));
    }

    [Fact]
    public async Task Titles_are_escaped_in_html_and_plain_in_text()
    {
        await _app.RunAsync("send", "--date", "2026-08-14");

        var message = _smtp.To("ada@example.org")[0];
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("Attention &lt;script&gt;alert(", message.HtmlBody);
        Assert.Contains(")&lt;/script&gt; &amp; ", message.HtmlBody);
        Assert.Contains(HostileTitle, message.TextBody);
    }

    [Fact]
    public async Task The_digest_lists_the_top_papers_by_upvotes_with_their_links()
    {
        await _app.RunAsync("send", "--date", "2026-08-14");

        var html = _smtp.To("ada@example.org")[0].HtmlBody;
        var papers = DigestService.Feed.HfApiParser.Parse(Fixtures.HfDay("2026-08-14"), new DateOnly(2026, 8, 14)).Papers;
        var tenth = papers.OrderByDescending(p => p.Upvotes).ElementAt(9).Upvotes;
        var above = papers.Where(p => p.Upvotes > tenth).ToList();
        var below = papers.Where(p => p.Upvotes < tenth).ToList();
        Assert.NotEmpty(above);
        Assert.NotEmpty(below);
        Assert.All(above, p => Assert.Contains($"https://huggingface.co/papers/{p.ArxivId}", html));
        Assert.All(above, p => Assert.Contains($"https://arxiv.org/pdf/{p.ArxivId}", html));
        Assert.All(below, p => Assert.DoesNotContain($"papers/{p.ArxivId}\"", html));
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(html!, "class=\"paper-title\"").Count);
        var starred = above.First(p => p.GithubRepo is not null && p.GithubStars is not null);
        Assert.Contains(starred.GithubRepo!, html);
    }

    [Fact]
    public async Task A_second_send_sends_nothing()
    {
        await _app.RunAsync("send", "--date", "2026-08-14");
        var again = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("queued 0", again.Output);
        Assert.Equal(2, _smtp.Messages.Count);
        var stats = await _app.StatsAsync();
        Assert.Equal(2, stats["sent"]);
        Assert.Equal(2, stats["deliveries"]);
    }

    [Fact]
    public async Task A_paused_subscriber_gets_nothing_even_from_an_operator_send()
    {
        await _app.QueryAsync<long>("UPDATE subscribers SET paused_until = '2999-01-01T00:00:00.000Z' WHERE email = 'alan@example.net' RETURNING id");

        await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Single(_smtp.Messages);
        Assert.Single(_smtp.To("ada@example.org"));
    }

    [Fact]
    public async Task Pending_and_removed_subscribers_get_nothing()
    {
        await _app.RunAsync("subscribers", "add", "pending@example.org");
        await _app.RunAsync("subscribers", "remove", "alan@example.net");

        await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Single(_smtp.Messages);
        Assert.Single(_smtp.To("ada@example.org"));
    }

    [Fact]
    public async Task Without_an_smtp_host_digests_become_eml_files()
    {
        _app.With("Smtp:Host", "");

        var result = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(0, result.ExitCode);
        var files = Directory.GetFiles(_app.PickupDirectory, "*.eml");
        Assert.Equal(2, files.Length);
        var message = await MimeMessage.LoadAsync(files[0]);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_fails_the_run_in_one_line_and_keeps_the_digests_for_later()
    {
        _app.With("Smtp:Port", FeedServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var failed = await _app.RunAsync("send", "--date", "2026-08-14");

        Assert.Equal(1, failed.ExitCode);
        Assert.Single(failed.Error.Trim().Split('\n'));
        Assert.Contains("cannot connect to the mail server", failed.Error);
        _app.With(_smtp.Settings);
        var retried = await _app.RunAsync("send", "--date", "2026-08-14");
        Assert.Equal(0, retried.ExitCode);
        Assert.Equal(2, _smtp.Messages.Count);
    }
    [Fact]
    public async Task A_digest_stored_after_its_reader_left_is_not_stored_or_handed_out()
    {
        // The streaming send stores a digest already claimed, seconds after selecting its reader: storing it is the
        // claim, so it must check, as a claim does, that the reader has not left meanwhile.
        var database = _app.CreateDatabase();
        var outbox = new DigestService.Store.DeliveryStore(database, new DigestService.Store.ConsentLedger(database.Sql, new DigestService.Store.AddressHasher(new DigestService.Store.SettingsStore(database))),
            Microsoft.Extensions.Options.Options.Create(new DeliveryOptions()), TimeProvider.System);
        var ids = await _app.QueryAsync<long>("SELECT id FROM subscribers ORDER BY email");
        await _app.QueryAsync<long>("UPDATE subscribers SET status = 'unsubscribed' WHERE email = 'ada@example.org'");
        var edition = new DateOnly(2026, 8, 14);
        var planned = ids.Select(id => new DigestService.Store.PlannedDelivery(id, edition, $"m{id}@example.org", [1, 2, 3], ["2508.00001"])).ToList();

        var queued = await outbox.QueueAsync(planned, owner: "run-1");

        Assert.Null(queued[0]);
        Assert.NotNull(queued[1]?.Claimed);
        Assert.Equal(1L, Assert.Single(await _app.QueryAsync<long>("SELECT COUNT(*) FROM deliveries")));
        Assert.Equal(ids[1], Assert.Single(await _app.QueryAsync<long>("SELECT subscriber_id FROM sent_papers")));
    }
}

public sealed class SendEndToEndTestsOnSqlite : SendEndToEndTests;

public sealed class SendEndToEndTestsOnPostgres : SendEndToEndTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
