using System.CommandLine;
using DigestService.Addresses;
using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>preview EMAIL [--date D] [--out FILE]</c>: the HTML of that subscriber's digest, without sending or recording anything.</summary>
public sealed class PreviewVerb(SubscriberStore subscribers, PaperSelector selector, DigestRenderer renderer, EditionClock clock, CliConsole console) : IVerb
{
    private const string EmailArgument = "EMAIL", DateOption = "--date", OutOption = "--out";

    public static Command Define() => new("preview", "Render a subscriber's digest (its HTML part) to a file, without sending or recording anything.")
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
        var papers = await selector.SelectAsync(subscriber, edition, cancellationToken);
        var digest = renderer.Render(subscriber, edition, papers);
        var path = parsed.GetValue<string?>(OutOption) ?? $"preview-{edition:yyyy-MM-dd}.html";
        await File.WriteAllTextAsync(path, digest.Html, cancellationToken);
        await console.Out.WriteLineAsync($"{path}: {papers.Count} papers for {subscriber.Email}, edition {edition:yyyy-MM-dd}");
        return 0;
    }
}
