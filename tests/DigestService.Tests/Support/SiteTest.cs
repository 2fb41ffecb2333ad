using System.Text.RegularExpressions;
using DigestService.Config;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DigestService.Tests.Support;

/// <summary>
/// A test against the whole running service: its own database, a real SMTP server catching every email, the site
/// on loopback, and a fake clock. Override <see cref="Configure"/> to change settings before the site starts.
/// </summary>
public abstract class SiteTest : IAsyncLifetime
{
    protected SiteTest() => App = new TestApp(Provider);

    /// <summary>The database the site runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected TestApp App { get; }
    protected TestSmtpServer Smtp { get; } = new();
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 8, 19, 6, 0, 0, TimeSpan.Zero));
    protected RunningSite Site { get; private set; } = null!;
    protected SiteClient Browser { get; private set; } = null!;

    protected virtual void Configure(TestApp app)
    {
    }

    public async Task InitializeAsync()
    {
        App.With(Smtp.Settings).With("RateLimits:SubscribePerMinute", "1000").With("RateLimits:SubscribePerAddressPerHour", "1000");
        Configure(App);
        Site = await RunningSite.StartAsync(App, Clock);
        Browser = new SiteClient(Site);
    }

    public virtual async Task DisposeAsync()
    {
        Browser.Dispose();
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        App.Dispose();
    }

    /// <summary>Fills in the sign-up form of GET / and sends it, as a person would.</summary>
    protected Task<SitePage> SignUpAsync(string email, params string[] topics) =>
        Browser.SubmitAsync("/", [new("email", email), .. topics.Select(t => new KeyValuePair<string, string>("topics", t))], "/subscribe");

    /// <summary>Sends the sign-up form as a client behind the trusted loopback proxy, which names it in X-Forwarded-For.</summary>
    protected async Task<SitePage> SignUpFromAsync(string client, string email)
    {
        var page = await Browser.GetAsync("/");
        return await Browser.PostAsync("/subscribe", Fields.Of(("form_token", page.FormToken), ("email", email)),
            new Dictionary<string, string> { ["X-Forwarded-For"] = client });
    }

    /// <summary>The newest email to <paramref name="address"/>, once it has had <paramref name="count"/> (sign-up emails are sent in the background).</summary>
    protected async Task<MimeMessage> MailToAsync(string address, int count = 1) => (await Smtp.WaitForAsync(address, count))[^1];

    /// <summary>Every email sent, once the site has stopped (which sends what it had queued): for checking what was not sent.</summary>
    protected async Task<IReadOnlyList<MimeMessage>> AllMailAfterStopAsync()
    {
        await Site.DisposeAsync();
        return Smtp.Messages.ToList();
    }

    /// <summary>The path of the first link to <paramref name="route"/> (confirm, preferences, unsubscribe) in the text part of a message.</summary>
    protected string LinkIn(MimeMessage message, string route)
    {
        var match = Regex.Match(message.TextBody ?? "", Regex.Escape(Site.BaseUrl) + "(/" + route + "/[^\\s]+)");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"no /{route}/ link in:\n{message.TextBody}");
    }

    /// <summary>Signs up and confirms through the pages; returns the preferences path from the confirmation email.</summary>
    protected async Task<string> SubscribeAndConfirmAsync(string email, params string[] topics)
    {
        var before = Smtp.To(email).Count;
        await SignUpAsync(email, topics);
        var mail = await MailToAsync(email, before + 1);
        var confirmed = await Browser.SubmitAsync(LinkIn(mail, "confirm"), []);
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmed.Status);
        return LinkIn(mail, "preferences");
    }

    /// <summary>One value straight from the database.</summary>
    protected async Task<T?> QueryAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await App.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
            command.Parameters.Add(parameter);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected Task<string?> StatusOfAsync(string email) =>
        QueryAsync<string>("SELECT status FROM subscribers WHERE lower(email) = lower(@email)", ("@email", email));
}
