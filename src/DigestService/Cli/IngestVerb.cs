using System.CommandLine;
using DigestService.Digest;
using DigestService.Feed;

namespace DigestService.Cli;

/// <summary><c>ingest [--date YYYY-MM-DD]</c>: one line per source; exit 1 when every source failed.</summary>
public sealed class IngestVerb(IngestService ingest, EditionClock clock, CliConsole console) : IVerb
{
    private const string DateOption = "--date";

    public static Command Define() => new("ingest", "Fetch every feed source for the window ending at a date and store its papers; one line per source.")
    {
        VerbOptions.Date(DateOption, "The last day of the window to fetch (default: today, UTC)."),
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService ingest", "DigestService ingest --date 2026-11-26"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var date = parsed.GetValue<DateOnly?>(DateOption) ?? clock.Today;
        var results = await ingest.IngestAsync(date, cancellationToken);
        foreach (var result in results)
            await console.Out.WriteLineAsync(result.ToString());
        if (!results.All(r => r.Failed))
            return 0;
        await console.Error.WriteLineAsync($"ingest: every source failed ({string.Join("; ", results.Select(r => r.ToString()))})");
        return 1;
    }
}
