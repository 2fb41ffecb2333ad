using System.CommandLine;
using DigestService.Addresses;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>subscribers import FILE [--confirmed]</c>: one address per line, or CSV with an <c>email</c> column.</summary>
public sealed class SubscribersImportVerb(SubscriberStore store, CliConsole console) : IVerb
{
    private const string FileArgument = "FILE", ConfirmedOption = "--confirmed";

    public static Command Define() => new("import",
        "Import addresses: one per line, or CSV with a header 'email'. Bad addresses, and people who unsubscribed or bounced, are refused with a line each.")
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
        var confirmed = parsed.GetValue<bool>(ConfirmedOption);
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var column = 0;
        var start = 0;
        if (lines.Length > 0 && lines[0].Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList() is var header && header.Contains("email"))
        {
            column = header.IndexOf("email");
            start = 1;
        }
        int added = 0, refused = 0;
        for (var i = start; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var cells = lines[i].Split(',');
            var (address, problem) = AddressCanonicalizer.Canonicalize(column < cells.Length ? cells[column].Trim().Trim('"') : "");
            if (address is null)
            {
                refused++;
                await console.Error.WriteLineAsync($"{path}:{i + 1}: {problem}");
                continue;
            }
            // Re-importing an old list must not undo anyone's unsubscribe or a hard bounce.
            if (await store.FindByEmailAsync(address, cancellationToken) is { Status: SubscriberStatus.Unsubscribed or SubscriberStatus.Bounced } left)
            {
                refused++;
                await console.Error.WriteLineAsync($"{path}:{i + 1}: {address} is {left.Status}; only they can subscribe again");
                continue;
            }
            await store.UpsertAsync(new SubscriberChange(address) { Status = confirmed ? SubscriberStatus.Active : null }, cancellationToken);
            added++;
        }
        await console.Out.WriteLineAsync($"imported {added}, refused {refused}");
        return 0;
    }
}
