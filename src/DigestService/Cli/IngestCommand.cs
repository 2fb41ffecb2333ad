using DigestService.Feed;

namespace DigestService.Cli;

/// <summary><c>ingest [--date YYYY-MM-DD]</c>: one line per source; exit 1 when every source failed.</summary>
public static class IngestCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(1, "date");
        var date = args.Date("date") ?? DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var results = await services.GetRequiredService<IngestService>().IngestAsync(date, cancellationToken);
        foreach (var result in results)
            await output.WriteLineAsync(result.ToString());
        if (!results.All(r => r.Failed))
            return 0;
        await error.WriteLineAsync($"ingest: every source failed ({string.Join("; ", results.Select(r => r.ToString()))})");
        return 1;
    }
}
