using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DigestService.Cli;

/// <summary>
/// Runs one verb: builds the host, checks the start-up conditions, and turns every failure into one line on stderr
/// (exit 2 for a usage error, 1 for anything else). Operators and tests go through here.
/// </summary>
public static class CommandLine
{
    public const string Usage =
        "usage: DigestService [serve] | ingest [--date D] | send [--date D] | send --due [--at INSTANT] | " +
        "subscribers add|import|list|remove|unsuppress ... | preview EMAIL [--date D] [--out FILE] | stats";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var parsed = Arguments.Parse(args);
            if (parsed.Has("help") || parsed.Verb is "help")
            {
                await output.WriteLineAsync(Usage);
                return 0;
            }
            if (parsed.Verb is not ("serve" or "ingest" or "send" or "subscribers" or "preview" or "stats"))
                throw new UsageException($"unknown verb '{parsed.Verb}'");
            await using var app = Program.Build([.. parsed.ConfigurationArgs], serve: parsed.Verb == "serve", settings);
            await StartupChecks.RunAsync(app.Services, cancellationToken);
            return parsed.Verb switch
            {
                "serve" => await ServeAsync(app, cancellationToken),
                "ingest" => await IngestCommand.RunAsync(parsed, app.Services, output, error, cancellationToken),
                "send" => await SendCommand.RunAsync(parsed, app.Services, output, error, cancellationToken),
                "subscribers" => await SubscribersCommand.RunAsync(parsed, app.Services, output, error, cancellationToken),
                "preview" => await PreviewCommand.RunAsync(parsed, app.Services, output, cancellationToken),
                _ => await StatsCommand.RunAsync(parsed, app.Services, output, cancellationToken),
            };
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
        catch (SqliteException e)
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

    /// <summary>Messages may quote user input; line breaks in it are shown escaped so an error stays one line.</summary>
    private static string OneLine(string message) =>
        message.ReplaceLineEndings("\\n");

    private static async Task<int> ServeAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
