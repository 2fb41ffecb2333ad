using DigestService.Store;

namespace DigestService.Cli;

/// <summary><c>stats</c>: one <c>name: N</c> line per counter.</summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(Arguments args, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        args.Allow();
        foreach (var (name, value) in await services.GetRequiredService<StatsStore>().ReadAsync(cancellationToken))
            await output.WriteLineAsync($"{name}: {value}");
        return 0;
    }
}
