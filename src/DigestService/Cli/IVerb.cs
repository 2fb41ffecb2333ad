using System.CommandLine;

namespace DigestService.Cli;

/// <summary>
/// One verb of the command line. <see cref="Define"/> says what it takes — words, options, help text — and is built
/// fresh for every parse; the instance, made by dependency injection with the services it needs, runs it.
/// </summary>
public interface IVerb
{
    static abstract Command Define();

    /// <summary>Command lines shown under "Examples:" in the verb's <c>--help</c>.</summary>
    static abstract IReadOnlyList<string> Examples { get; }

    Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken);
}
