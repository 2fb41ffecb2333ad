using DigestService.Addresses;
using DigestService.Digest;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>preview EMAIL [--date D] [--out FILE]</c>: the HTML of that subscriber's digest, without sending or recording anything.</summary>
public static class PreviewCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.Allow(2, "date", "out");
        var email = args.Word(1, "the email address");
        var subscriber = await services.GetRequiredService<SubscriberStore>().FindByEmailAsync(AddressCanonicalizer.Canonicalize(email).Address ?? email.Trim(), cancellationToken)
            ?? throw new InvalidOperationException($"no subscriber {email}");
        var edition = args.Date("date") ?? DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var papers = await services.GetRequiredService<PaperSelector>().SelectAsync(subscriber, edition, cancellationToken);
        var digest = services.GetRequiredService<DigestRenderer>().Render(subscriber, edition, papers);
        var path = args.Option("out") ?? $"preview-{edition:yyyy-MM-dd}.html";
        await File.WriteAllTextAsync(path, digest.Html, cancellationToken);
        await output.WriteLineAsync($"{path}: {papers.Count} papers for {subscriber.Email}, edition {edition:yyyy-MM-dd}");
        return 0;
    }
}
