using System.Net;
using DigestService.Tests.Support;

namespace DigestService.Tests.Web;

public class RateLimitTests : SiteTest
{
    protected override void Configure(TestApp app) =>
        app.With("RateLimits:SubscribePerMinute", "3").With("RateLimits:SubscribePerAddressPerHour", "2");

    [Fact]
    public async Task A_burst_of_sign_ups_from_one_client_gets_429_with_a_friendly_page_while_others_go_on()
    {
        var answers = new List<SitePage>();
        for (var i = 0; i < 5; i++)
            answers.Add(await SignUpFromAsync("203.0.113.7", $"person{i}@example.org"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.Status));
        var refused = answers[^1];
        Assert.Contains("Please wait a little", refused.Html);
        Assert.Contains("Too many sign-ups from your network", refused.Html);
        Assert.NotNull(refused.Header("Retry-After"));
        Assert.Equal(SecurityHeadersTests.ContentSecurityPolicy, refused.Header("Content-Security-Policy"));
        Assert.Equal(3, (await App.StatsAsync())["subscribers"]);

        Assert.Equal(HttpStatusCode.OK, (await SignUpFromAsync("198.51.100.9", "other@example.org")).Status);
        Assert.Equal(4, (await AllMailAfterStopAsync()).Count);
    }

    [Fact]
    public async Task The_clients_of_one_IPv6_64_share_a_limit()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignUpFromAsync($"2001:db8:1:2::{i + 1}", $"person{i}@example.org")).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignUpFromAsync("2001:db8:1:2:ffff::1", "next@example.org")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignUpFromAsync("2001:db8:1:3::1", "next@example.org")).Status);
    }

    [Fact]
    public async Task One_address_sent_from_many_clients_gets_429_after_its_hourly_share()
    {
        var answers = new List<SitePage>();
        for (var i = 0; i < 3; i++)
            answers.Add(await SignUpFromAsync($"192.0.2.{i + 1}", i switch { 0 => "ada@example.org", 1 => "ADA@example.org", _ => "\"ada\"@ｅｘａｍｐｌｅ.org" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.Status));
        Assert.Contains("This address was entered many times", answers[^1].Html);
        Assert.NotNull(answers[^1].Header("Retry-After"));
        Assert.Equal(2, (await AllMailAfterStopAsync()).Count);
    }
}
