using System.CommandLine;

namespace DigestService.Cli;

/// <summary><c>serve</c> (the default): the web pages and the Quartz scheduler, until stopped.</summary>
public sealed class ServeVerb(IHost host) : IVerb
{
    public static Command Define() => new("serve", "Serve the web pages and run the scheduler until stopped (the default); --urls says where to listen.");

    public static IReadOnlyList<string> Examples { get; } = ["DigestService serve --urls http://127.0.0.1:5000"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
