using System.Net;
using DigestService.Tests.Support;

namespace DigestService.Tests.Operations;

/// <summary>The Data Protection keys that sign form tokens live in the database, so forms survive a restart.</summary>
public class KeyRingTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync()
    {
        _app.With(_smtp.Settings);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_sign_up_form_loaded_before_a_restart_submits_after_it()
    {
        var before = await RunningSite.StartAsync(_app);
        using var browser = new SiteClient(before);
        var form = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        await before.DisposeAsync();

        await using var after = await RunningSite.StartAsync(_app);
        var answer = await browser.PostAsync(after.BaseUrl + "/subscribe", [new("form_token", form.FormToken), new("email", "restart@example.org")]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("pending", (await _app.QueryAsync<string>("SELECT status FROM subscribers WHERE email = 'restart@example.org'")).Single());
        Assert.NotEmpty(await _app.QueryAsync<string>("SELECT name FROM data_protection_keys"));
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _app.Dispose();
    }
}
