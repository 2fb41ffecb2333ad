using DigestService.Config;
using DigestService.Operations;

namespace DigestService.Tests.Operations;

public class StartupWarningsTests
{
    private static readonly SmtpOptions RealServer = new() { Host = "smtp.example.org", From = "Papers <papers@example.org>" };
    private static readonly SiteOptions PublicSite = new() { BaseUrl = "https://papers.example.org" };
    private static readonly DigestOptions WithAddress = new() { PostalAddress = "1 Main St, Springfield" };

    [Fact]
    public void A_complete_configuration_gets_no_warning() =>
        Assert.Empty(StartupWarnings.Find(RealServer, PublicSite, WithAddress));

    [Theory]
    [InlineData("http://localhost:5000")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://[::1]/")]
    [InlineData("http://app.localhost")]
    public void A_loopback_base_url_is_named(string baseUrl) =>
        Assert.Contains("Site:BaseUrl", Assert.Single(StartupWarnings.Find(RealServer, new SiteOptions { BaseUrl = baseUrl }, WithAddress)));

    [Fact]
    public void An_empty_postal_address_is_named() =>
        Assert.Contains("Digest:PostalAddress", Assert.Single(StartupWarnings.Find(RealServer, PublicSite, new DigestOptions())));

    [Theory]
    [InlineData("DigestService <digest@localhost>")]
    [InlineData("Trending Papers <digest@localhost.localdomain>")]
    public void A_sender_at_localhost_is_named(string from) =>
        Assert.Contains("Smtp:From", Assert.Single(StartupWarnings.Find(new SmtpOptions { Host = "smtp.example.org", From = from }, PublicSite, WithAddress)));

    [Fact]
    public void Without_a_mail_server_nothing_is_sent_so_nothing_is_said() =>
        Assert.Empty(StartupWarnings.Find(new SmtpOptions(), new SiteOptions(), new DigestOptions()));
}
