using DigestService.Delivery;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>send [--date D]</c> or <c>send --due [--at INSTANT]</c>; exit 1 when the run had to stop.</summary>
public static class SendCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        args.Allow(1, "date", "due", "at");
        var send = services.GetRequiredService<SendService>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        SendSummary summary;
        if (args.Has("due"))
        {
            if (args.Has("date"))
                throw new UsageException("use either --due [--at INSTANT] or --date D, not both");
            var at = args.Instant("at") ?? now;
            summary = await send.SendDueAsync(at, cancellationToken);
            await output.WriteLineAsync($"due at {Iso.Instant(at)}: {summary}");
        }
        else
        {
            if (args.Has("at"))
                throw new UsageException("--at goes with --due");
            var edition = args.Date("date") ?? DateOnly.FromDateTime(now.UtcDateTime);
            summary = await send.SendEditionAsync(edition, cancellationToken);
            await output.WriteLineAsync($"edition {edition:yyyy-MM-dd}: {summary}");
            if (summary.Unavailable.Count > 0)
            {
                await error.WriteLineAsync($"send: no papers are ingested for the window ending {edition:yyyy-MM-dd}; run `ingest --date {edition:yyyy-MM-dd}` first");
                return 1;
            }
        }
        if (summary.Drain.StoppedBecause is { } reason)
        {
            await error.WriteLineAsync($"send: {reason}");
            return 1;
        }
        return 0;
    }
}
