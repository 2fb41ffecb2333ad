using System.CommandLine;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary>
/// <c>subscribers import FILE [--confirmed]</c>: RFC 4180 CSV with an <c>email</c> column (and optional topics, keywords,
/// timezone, hour, frequency, weekday, max_papers), or one address per line. Rows are written in batches, each one
/// transaction with its suppression check; a bad or suppressed row is refused with one line and the rest go in.
/// </summary>
public sealed class SubscribersImportVerb(SubscriberStore store, SubscriberRules rules, CliConsole console) : IVerb
{
    private const string FileArgument = "FILE", ConfirmedOption = "--confirmed";

    /// <summary>Rows written per transaction.</summary>
    private const int Batch = 1000;

    public static Command Define() => new("import",
        "Import subscribers: CSV with a header 'email' (optional: topics, keywords, timezone, hour, frequency, weekday, max_papers), or one address per line. "
        + "Bad rows, and people who unsubscribed, bounced, complained or were deleted, are refused with a line each; then 'imported N, updated N, refused N'.")
    {
        new Argument<string>(FileArgument) { Description = "The file to import." },
        VerbOptions.Switch(ConfirmedOption, "Make the imported subscribers active at once, without a confirmation email."),
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService subscribers import list.csv --confirmed"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var path = parsed.GetRequiredValue<string>(FileArgument);
        if (!File.Exists(path))
            throw new UsageException($"no such file: {path}");
        var status = parsed.GetValue<bool>(ConfirmedOption) ? SubscriberStatus.Active : null;
        var cause = new ChangeCause(ChangeSource.Cli, $"subscribers import {Path.GetFileName(path)}");
        int imported = 0, updated = 0, refused = 0;
        var batch = new List<SubscriberChange>(Batch);
        await foreach (var row in SubscriberCsv.ReadAsync(path, cancellationToken))
        {
            var (address, problem) = row.Error is null ? AddressCanonicalizer.Canonicalize(row.Email) : (null, row.Error);
            var (change, fieldProblem) = address is null ? (null, problem) : row.Fields.Check(address, status, rules, column => column);
            if (change is null)
            {
                refused++;
                await console.Error.WriteLineAsync($"{path}:{row.Line}: {fieldProblem}");
                continue;
            }
            batch.Add(change);
            if (batch.Count == Batch)
                await FlushAsync();
        }
        await FlushAsync();
        await console.Out.WriteLineAsync($"imported {imported}, updated {updated}, refused {refused}");
        return 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0)
                return;
            foreach (var result in await store.UpsertAsync(batch, cause, cancellationToken))
            {
                switch (result.Kind)
                {
                    case UpsertKind.Imported: imported++; break;
                    case UpsertKind.Updated: updated++; break;
                    default:
                        refused++;
                        await console.Error.WriteLineAsync(result.Suppression!.Refusal(result.Email));
                        break;
                }
            }
            batch.Clear();
        }
    }
}
