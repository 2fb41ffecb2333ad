using DigestService.Config;

namespace DigestService.Tests.Support;

/// <summary>
/// What the delivery tests share: the feed on loopback with the 2026-08-14 papers ingested (one day's window), a real
/// SMTP server the app points at, and the app's own temporary database. Tests add subscribers and settings.
/// </summary>
public abstract class DeliveryHarness : IAsyncLifetime
{
    public const string Edition = "2026-08-14";

    protected FeedServer Feed { get; } = new();

    protected TestSmtpServer Smtp { get; } = new();

    protected DeliveryHarness() => App = new TestApp(Provider);

    /// <summary>The database the app runs on; a test class per provider overrides it.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected TestApp App { get; }

    public virtual async Task InitializeAsync()
    {
        App.With("Feed:Url", Feed.Url).With("Feed:WindowDays", "1").With(Smtp.Settings);
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", Edition)).ExitCode);
    }

    /// <summary>Runs `send` for the edition, expecting it to fail with exit code 1 and one line on stderr, which it returns.</summary>
    protected async Task<string> FailedSendAsync()
    {
        var result = await App.RunAsync("send", "--date", Edition);
        Assert.Equal(1, result.ExitCode);
        return Assert.Single(result.Error.Trim().Split('\n'));
    }

    /// <summary>`dotnet DigestService.dll send --date D` as a real child process, configured through environment variables as in production.</summary>
    protected BuiltService StartSend() => new(App, "send", "--date", Edition);

    public virtual async Task DisposeAsync()
    {
        await Feed.DisposeAsync();
        await Smtp.DisposeAsync();
        App.Dispose();
    }
}
