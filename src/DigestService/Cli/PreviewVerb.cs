using System.CommandLine;
using System.Globalization;
using DigestService.Addresses;
using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>preview EMAIL [--date D] [--out FILE]</c>: the HTML of that subscriber's digest, without sending or recording anything.</summary>
public sealed class PreviewVerb(SubscriberStore subscribers, EditionStore editions, PaperSelector selector, DigestRenderer renderer, EditionClock clock, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL", DateOption = "--date", OutOption = "--out";

    public static Command Define() => new("preview", "Render a subscriber's digest (its HTML part) to a file, without sending or recording anything: the digest made for that edition when there is one, else what would be sent now.")
    {
        new Argument<string>(EmailArgument) { Description = "The subscriber's email address." },
        VerbOptions.Date(DateOption, "The edition to render (default: today, UTC)."),
        VerbOptions.Text(OutOption, "FILE", "Where to write the HTML (default: preview-DATE.html in the working directory)."),
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService preview ada@example.org --date 2026-11-26 --out ada.html"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var email = parsed.GetRequiredValue<string>(EmailArgument);
        var subscriber = await subscribers.FindByEmailAsync(AddressCanonicalizer.Canonicalize(email).Address ?? email.Trim(), cancellationToken)
            ?? throw new InvalidOperationException($"no subscriber {email}");
        var edition = parsed.GetValue<DateOnly?>(DateOption) ?? clock.Today;
        var path = parsed.GetValue<string?>(OutOption) ?? $"preview-{edition:yyyy-MM-dd}.html";
        var date = edition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A digest already made for this edition is shown as it was made: a new selection would leave out what it sent.
        var (state, sent) = await editions.SentEditionAsync(subscriber.Id, edition, cancellationToken);
        if (state is not null)
        {
            var picks = sent.Select(s => new Pick(s.Paper, Why.Stated(s.Why, s.Paper.Upvotes))).ToList();
            await File.WriteAllTextAsync(path, renderer.Render(subscriber, edition, picks).Html, cancellationToken);
            await console.Out.WriteLineAsync(picks.Count > 0
                ? $"{path}: the digest made for {subscriber.Email}, edition {date} ({state}): {picks.Count} papers"
                : $"{path}: nothing new for {subscriber.Email}, edition {date} ({state}): no digest with papers was made");
            return 0;
        }
        if (await selector.IsEmptyAsync(subscriber, edition, cancellationToken))
        {
            await console.Error.WriteLineAsync($"no papers ingested for the window ending {date}; run ingest --date {date}");
            return 1;
        }
        var papers = await selector.SelectAsync(subscriber, edition, cancellationToken);
        await File.WriteAllTextAsync(path, renderer.Render(subscriber, edition, papers).Html, cancellationToken);
        await console.Out.WriteLineAsync($"{path}: {papers.Count} papers for {subscriber.Email}, edition {date} (not sent yet)");
        return 0;
    }
}
