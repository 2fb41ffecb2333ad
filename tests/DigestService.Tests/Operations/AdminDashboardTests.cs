using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DigestService.Config;
using DigestService.Tests.Support;

namespace DigestService.Tests.Operations;

/// <summary>GET /admin: off by default, HTTP Basic over Admin:PasswordHash, or loopback with Admin:AllowLoopback.</summary>
public class AdminDashboardTests : DeliveryHarness
{
    private const string Password = "operator passphrase 42";

    private static async Task<HttpResponseMessage> GetAdminAsync(RunningSite site, string? password = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, site.BaseUrl + "/admin");
        if (password is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task Without_a_hash_or_loopback_permission_the_dashboard_does_not_exist()
    {
        await using var site = await RunningSite.StartAsync(App);
        using var response = await GetAdminAsync(site, Password);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task It_refuses_without_the_password_and_shows_the_charts_with_it()
    {
        await App.ImportSubscribersAsync(3);
        Smtp.RecipientReply = (address, _) => address.StartsWith("reader-2", StringComparison.Ordinal)
            ? new SmtpServer.Protocol.SmtpResponse(SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable, "5.1.1 no such user") : null;
        Assert.Equal(0, (await App.RunAsync("send", "--date", Edition)).ExitCode);
        App.With("Admin:PasswordHash", PasswordHash.Create(Password));
        await using var site = await RunningSite.StartAsync(App);

        using (var anonymous = await GetAdminAsync(site))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.StartsWith("Basic realm=", anonymous.Headers.WwwAuthenticate.ToString());
        }
        using (var wrong = await GetAdminAsync(site, "not the password"))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        using var page = await GetAdminAsync(site, Password);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(2, html.Split("<svg class=\"chart\"").Length - 1);
        Assert.Contains("aria-label=\"Subscribers by status, last 30 days\"", html);
        Assert.Contains("Sent: 2</title>", html);
        Assert.Contains("Bounced: 1</title>", html);
        Assert.Contains("reader-2@example.org", html);
        Assert.Contains("5.1.1 no such user", html);
        Assert.Contains("huggingface", html);
        Assert.Equal(SecurityHeadersPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task With_AllowLoopback_a_loopback_client_needs_no_password()
    {
        App.With("Admin:AllowLoopback", "true");
        await using var site = await RunningSite.StartAsync(App);
        using var page = await GetAdminAsync(site);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task One_client_gets_Admin_RequestsPerMinute_tries_then_429_whatever_password_it_sends()
    {
        App.With("Admin:PasswordHash", PasswordHash.Create(Password)).With("Admin:RequestsPerMinute", "3");
        await using var site = await RunningSite.StartAsync(App);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await GetAdminAsync(site, "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var limited = await GetAdminAsync(site, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public void A_verified_credential_is_remembered_for_a_few_minutes_by_its_hash_only()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-08-14T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var verified = new DigestService.Operations.Admin.VerifiedCredentials(clock);
        const string header = "Basic YWRtaW46b3BlcmF0b3IgcGFzc3BocmFzZSA0Mg==";

        Assert.False(verified.Contains(header));
        verified.Add(header);
        Assert.True(verified.Contains(header));
        Assert.False(verified.Contains(header + "x"));
        clock.Advance(DigestService.Operations.Admin.VerifiedCredentials.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(verified.Contains(header));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(verified.Contains(header));
    }

    [Fact]
    public async Task A_malformed_hash_stops_the_start_naming_the_key()
    {
        var result = await App.With("Admin:PasswordHash", "hunter2").RunAsync("stats");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Admin:PasswordHash", result.Error);
    }

    private static string SecurityHeadersPolicy => DigestService.Web.SecurityHeaders.ContentSecurityPolicy;
}
