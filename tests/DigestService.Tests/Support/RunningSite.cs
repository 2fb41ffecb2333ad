using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestService.Tests.Support;

/// <summary>
/// The real service serving its pages on a free loopback port (Kestrel), over a <see cref="TestApp"/>'s database
/// and settings; links in its emails point at this server. The scheduler is off; a fake clock can replace time.
/// </summary>
public sealed class RunningSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSite(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="scheduler">Runs the Quartz scheduler too, as <c>serve</c> does.</param>
    public static async Task<RunningSite> StartAsync(TestApp app, TimeProvider? clock = null, bool scheduler = false)
    {
        var url = $"http://127.0.0.1:{FeedServer.FreePort()}";
        app.With("Site:BaseUrl", url).With("Schedule:Enabled", scheduler ? "true" : "false").With("Logging:LogLevel:Default", "Warning");
        var web = Program.Build(["--urls", url], serve: true, app.Settings, services =>
        {
            if (clock is not null)
                services.AddSingleton(clock);
        });
        await StartupChecks.RunAsync(web.Services);
        await web.StartAsync();
        return new RunningSite(web, url);
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
