using System.Runtime.InteropServices;
using DigestService.Delivery;
using DigestService.Digest;
using DigestService.Feed;
using DigestService.Jobs;
using DigestService.Links;
using DigestService.Operations;
using DigestService.Store;
using DigestService.Telemetry;
using DigestService.Web;
using Microsoft.Extensions.Configuration.Memory;

namespace DigestService;

/// <summary>The composition root: each stage registers itself; the CLI decides what runs.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        // SIGTERM (docker stop, systemctl stop) and SIGINT stop a verb the same way: it finishes what is in flight.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancellationToken: stop.Token);

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }

    /// <param name="serve">Run the scheduler and show logs (the serve verb); other verbs are quiet unless <paramref name="verbose"/>.</param>
    /// <param name="overrideServices">Registrations applied last: the CLI's verbs, or for tests a fake clock, for instance.</param>
    public static WebApplication Build(string[] configurationArgs, bool serve, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? overrideServices = null, bool verbose = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = ContentRoot.Find() });
        if (!serve && !verbose)
        {
            // A verb speaks through its own output lines; logs stay quiet unless the configuration asks for them.
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = [new("Logging:Console:LogLevel:Default", "None")] });
        }
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        // One line per entry; Logging:Console:FormatterName=json switches to JSON lines for log shippers.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions>(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        var configuration = builder.Configuration;
        builder.Services
            .AddStore(configuration)
            .AddLinks(configuration)
            .AddFeed(configuration)
            .AddDigest(configuration)
            .AddDelivery(configuration)
            .AddWeb(configuration)
            .AddTelemetry(configuration)
            .AddOperations(configuration)
            .AddJobs(configuration, runScheduler: serve);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapWeb().MapTelemetry().MapOperations();
        return app;
    }
}
