using System.Net;
using System.Text.RegularExpressions;
using DigestService.Config;
using DigestService.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DigestService.Tests.Web;

/// <summary>
/// Two web nodes on one PostgreSQL database hold no state of their own that a person's next request depends on: a form
/// loaded from one posts to the other, a link mailed by one is used on the other, and the per-address sign-up limit is
/// counted once for both.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly TestApp _app = new(DatabaseProvider.Postgres);
    private readonly TestSmtpServer _smtp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 19, 6, 0, 0, TimeSpan.Zero));
    private RunningSite _a = null!, _b = null!;
    private SiteClient _browser = null!;

    public async Task InitializeAsync()
    {
        _app.With(_smtp.Settings).With("RateLimits:SubscribePerMinute", "1000").With("RateLimits:SubscribePerAddressPerHour", "2");
        _a = await RunningSite.StartAsync(_app, _clock);
        _b = await RunningSite.StartAsync(_app, _clock);
        _browser = new SiteClient(_a);
    }

    [Fact]
    public async Task A_form_loaded_from_one_node_posts_to_the_other_and_its_mailed_link_is_confirmed_there()
    {
        var form = await _browser.GetAsync(_a.BaseUrl + "/");

        var posted = await _browser.PostAsync(_b.BaseUrl + "/subscribe", Fields.Of(("form_token", form.FormToken), ("email", "ada@example.org")));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Check your inbox", posted.Text);
        var mail = Assert.Single(await _smtp.WaitForAsync("ada@example.org", 1));
        var link = Regex.Match(mail.TextBody ?? "", @"https?://[^/\s]+(/confirm/[^\s]+)").Groups[1].Value;
        var confirmed = await _browser.SubmitAsync(_a.BaseUrl + link, [], _b.BaseUrl + link);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal("active", Assert.Single(await _app.QueryAsync<string>("SELECT status FROM subscribers")));
        // The key that signed the form token is in the database, not in either node's memory or file system.
        Assert.NotEmpty(await _app.QueryAsync<string>("SELECT name FROM data_protection_keys"));
    }

    [Fact]
    public async Task The_per_address_sign_up_limit_counts_the_sign_ups_of_both_nodes()
    {
        async Task<SitePage> SignUpOnAsync(RunningSite node)
        {
            var form = await _browser.GetAsync(node.BaseUrl + "/");
            return await _browser.PostAsync(node.BaseUrl + "/subscribe", Fields.Of(("form_token", form.FormToken), ("email", "ada@example.org")));
        }

        Assert.Equal(HttpStatusCode.OK, (await SignUpOnAsync(_a)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignUpOnAsync(_b)).Status);
        var third = await SignUpOnAsync(_a);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.InRange(int.Parse(third.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), 3500, 3600);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _smtp.DisposeAsync();
        _app.Dispose();
    }
}
