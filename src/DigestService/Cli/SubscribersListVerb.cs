using System.CommandLine;
using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>subscribers list</c>: one tab-separated line per subscriber.</summary>
public sealed class SubscribersListVerb(SubscriberStore store, CliConsole console) : IVerb
{
    public static Command Define() => new("list", "List every subscriber: address, status, topics, keywords, time zone, delivery hour, frequency (tab-separated).");

    public static IReadOnlyList<string> Examples { get; } = ["DigestService subscribers list"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        foreach (var s in await store.ListAsync(cancellationToken))
            await console.Out.WriteLineAsync($"{s.Email}\t{s.Status}\ttopics={s.Topics}\tkeywords={s.Keywords}\t{s.TimeZone}\t{s.DeliveryHour:00}:00\t{FrequencyNames.Of(s.Frequency)}");
        return 0;
    }
}
