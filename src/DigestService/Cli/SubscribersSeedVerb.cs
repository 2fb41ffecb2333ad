using System.CommandLine;
using DigestService.Config;
using DigestService.Feed;
using DigestService.Store;
using Microsoft.Extensions.Options;

namespace DigestService.Cli;

/// <summary><c>subscribers seed EMAIL FILE</c>: teaches a subscriber's digest from their library (BibTeX, CSL-JSON, arXiv ids).</summary>
public sealed class SubscribersSeedVerb(SubscriberStore subscribers, ProfileStore profiles, IOptions<ProfileOptions> options, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL", FileArgument = "FILE";

    public static Command Define() => new("seed", "Seed a subscriber's ranking from their library: each paper counts as one they liked. Nothing is fetched from the internet.")
    {
        new Argument<string>(EmailArgument) { Description = "The subscriber's email address." },
        new Argument<string>(FileArgument) { Description = "A BibTeX (.bib) or CSL-JSON export (Zotero, Mendeley, Google Scholar), or arXiv ids/URLs one a line." },
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService subscribers seed ada@example.org ~/Downloads/My\\ Library.bib"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var email = parsed.GetRequiredValue<string>(EmailArgument).Trim();
        var path = parsed.GetRequiredValue<string>(FileArgument);
        var subscriber = await subscribers.FindByEmailAsync(email, cancellationToken)
            ?? throw new InvalidOperationException($"no subscriber {email}");
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{path}: {e.Message}");
        }
        IReadOnlyList<LibraryEntry> entries;
        try
        {
            entries = LibraryFile.Parse(text, options.Value.MaxSeedEntries);
        }
        catch (LibraryFormatException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}; nothing was seeded");
        }
        var added = await profiles.SeedAsync(subscriber.Id, entries, cancellationToken);
        await console.Out.WriteLineAsync($"{subscriber.Email}: seeded {added} of {entries.Count} papers from {Path.GetFileName(path)}");
        return 0;
    }
}
