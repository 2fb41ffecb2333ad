using System.CommandLine;

namespace DigestService.Cli;

/// <summary>A verb as the command tree and the container know it: under which group, defined how, run by which class.</summary>
public sealed record VerbEntry(string? Group, Type Handler, Func<Command> Define, IReadOnlyList<string> Examples)
{
    public static VerbEntry Of<TVerb>(string? group = null) where TVerb : class, IVerb =>
        new(group, typeof(TVerb), TVerb.Define, TVerb.Examples);
}

/// <summary>Every verb. Adding one: write its <see cref="IVerb"/> class in this folder and add its line here.</summary>
public static class Verbs
{
    public static IReadOnlyList<VerbEntry> All { get; } =
    [
        VerbEntry.Of<ServeVerb>(),
        VerbEntry.Of<IngestVerb>(),
        VerbEntry.Of<SendVerb>(),
        VerbEntry.Of<SubscribersAddVerb>("subscribers"),
        VerbEntry.Of<SubscribersImportVerb>("subscribers"),
        VerbEntry.Of<SubscribersListVerb>("subscribers"),
        VerbEntry.Of<SubscribersRemoveVerb>("subscribers"),
        VerbEntry.Of<SubscribersSeedVerb>("subscribers"),
        VerbEntry.Of<SubscribersUnsuppressVerb>("subscribers"),
        VerbEntry.Of<PreviewVerb>(),
        VerbEntry.Of<StatsVerb>(),
        VerbEntry.Of<HealthVerb>(),
        VerbEntry.Of<AdminHashVerb>(),
    ];

    /// <summary>The words that group verbs, with their help text.</summary>
    public static IReadOnlyDictionary<string, string> Groups { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["subscribers"] = "Add, import, list, remove or seed subscribers, or send a suppressed address a confirmation link.",
    };

    /// <summary>Every verb's class, and where verbs write their output lines and their one-line failures.</summary>
    public static IServiceCollection AddCli(this IServiceCollection services, TextWriter output, TextWriter error)
    {
        services.AddSingleton(new CliConsole(output, error));
        foreach (var verb in All)
            services.AddTransient(verb.Handler);
        return services;
    }
}
