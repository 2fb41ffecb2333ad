using System.CommandLine;
using DigestService.Delivery;
using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>send [--date D]</c> or <c>send --due [--at INSTANT]</c>; exit 1 when the run had to stop.</summary>
public sealed class SendVerb(SendService send, EditionClock clock, CliConsole console) : IVerb
{
    private const string DateOption = "--date", DueOption = "--due", AtOption = "--at";

    public static Command Define()
    {
        var date = VerbOptions.Date(DateOption, "The edition to deliver to everyone, ignoring delivery hours (default: today, UTC). Not with --due.");
        var due = VerbOptions.Switch(DueOption, "Deliver only to subscribers whose local delivery time has come, each their local date's edition.");
        var at = VerbOptions.Instant(AtOption, "With --due: the instant to judge \"due\" at (default: now).");
        var command = new Command("send", "Deliver digests: one edition to every active subscriber who has not had it, or (--due) to those whose local delivery time has come.")
        {
            date, due, at,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(due) is null)
            {
                if (result.GetResult(at) is not null)
                    result.AddError("--at goes with --due");
            }
            else if (result.GetResult(date) is not null)
                result.AddError("use either --due [--at INSTANT] or --date D, not both");
        });
        return command;
    }

    public static IReadOnlyList<string> Examples { get; } =
        ["DigestService send --date 2026-11-26", "DigestService send --due", "DigestService send --due --at 2026-11-26T07:00:00Z"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        SendSummary summary;
        if (parsed.GetValue<bool>(DueOption))
        {
            var at = parsed.GetValue<DateTimeOffset?>(AtOption) ?? clock.Now;
            summary = await send.SendDueAsync(at, cancellationToken);
            await console.Out.WriteLineAsync($"due at {Iso.Instant(at)}: {summary}");
        }
        else
        {
            var edition = parsed.GetValue<DateOnly?>(DateOption) ?? clock.Today;
            summary = await send.SendEditionAsync(edition, cancellationToken);
            await console.Out.WriteLineAsync($"edition {edition:yyyy-MM-dd}: {summary}");
            if (summary.Unavailable.Count > 0)
            {
                await console.Error.WriteLineAsync($"send: no papers are ingested for the window ending {edition:yyyy-MM-dd}; run `ingest --date {edition:yyyy-MM-dd}` first");
                return 1;
            }
        }
        if (summary.Drain.StoppedBecause is { } reason)
        {
            await console.Error.WriteLineAsync($"send: {reason}");
            return 1;
        }
        return 0;
    }
}
