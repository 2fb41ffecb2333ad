using DigestService.Feed;

namespace DigestService.Cli;

/// <summary><c>ingest [--date YYYY-MM-DD]</c>: one line per source; exit 1 when every source failed.</summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.Allow("date");
        var date = args.Date("date") ?? DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var results = await services.GetRequiredService<IngestService>().IngestAsync(date, cancellationToken);
        foreach (var result in results)
            await output.WriteLineAsync(result.ToString());
        return results.All(r => r.Failed) ? 1 : 0;
    }
}
