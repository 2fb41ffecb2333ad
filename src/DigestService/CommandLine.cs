using System.CommandLine;
using DigestService.Cli;
using System.Data.Common;
using Microsoft.Extensions.Options;

namespace DigestService;

/// <summary>
/// Runs one command line: parses it (<see cref="CommandTree"/>), builds the host for the verb, checks the start-up
/// conditions, and turns every failure into one line on stderr (exit 2 for a usage error, 1 for anything else).
/// Operators and tests go through here.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var (hostArgs, verbArgs) = HostArguments.Split(args);
            // `DigestService help [VERB...]` reads as `DigestService [VERB...] --help`.
            if (verbArgs is ["help", .. var rest])
                verbArgs = [.. rest, "--help"];
            var parsed = CommandTree.Build((verb, parsed, token) => RunVerbAsync(verb, parsed, hostArgs, output, error, settings, token))
                .Parse(verbArgs);
            if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
                throw new UsageException(CommandTree.Problem(parsed));
            // Failures are worded below; Ctrl+C and SIGTERM stay with Program and the host, which stop gracefully.
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(OneLine($"error: {e.Message} (DigestService --help shows the usage)"));
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync(OneLine($"configuration error: {string.Join(" ", e.Failures)}"));
            return 1;
        }
        catch (DbException e)
        {
            await error.WriteLineAsync(OneLine($"database error: {e.Message}"));
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("interrupted");
            return 1;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync(OneLine($"error: {e.Message}"));
            return 1;
        }
    }

    /// <summary>The one place a verb's handler is resolved: the container builds it with the services it takes.</summary>
    private static async Task<int> RunVerbAsync(VerbEntry verb, ParseResult parsed, string[] hostArgs, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var serve = verb.Handler == typeof(ServeVerb);
        await using var app = Program.Build(hostArgs, serve, settings, services => services.AddCli(output, error),
            verbose: parsed.GetValue<bool>(CommandTree.Verbose));
        // `health` only asks a running service over HTTP and `admin-hash` only hashes: neither opens the database.
        if (verb.Handler != typeof(HealthVerb) && verb.Handler != typeof(AdminHashVerb))
            await StartupChecks.RunAsync(app.Services, cancellationToken);
        var handler = (IVerb)app.Services.GetRequiredService(verb.Handler);
        return await handler.RunAsync(parsed, cancellationToken);
    }

    /// <summary>Messages may quote user input; line breaks in it are shown escaped so an error stays one line.</summary>
    private static string OneLine(string message) =>
        message.ReplaceLineEndings("\\n");
}
