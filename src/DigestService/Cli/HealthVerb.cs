using System.CommandLine;
using System.Text.Json;

namespace DigestService.Cli;

/// <summary>
/// <c>health [--url URL]</c>: asks a running service's /readyz, for container health checks (the runtime image has no
/// curl). Exit 0 when Healthy or Degraded, 1 when Unhealthy or unreachable; one line saying which.
/// </summary>
public sealed class HealthVerb(IConfiguration configuration, CliConsole console) : IVerb
{
    private const string UrlOption = "--url";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Command Define() => new("health", "Ask a running service's /readyz; exit 0 when healthy or degraded, 1 otherwise (for container health checks).")
    {
        VerbOptions.Text(UrlOption, "URL", "The service's base URL (default: the first of ASPNETCORE_URLS / --urls, else http://127.0.0.1:5000)."),
    };

    public static IReadOnlyList<string> Examples { get; } = ["DigestService health", "DigestService health --url http://127.0.0.1:8080"];

    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var baseUrl = parsed.GetValue<string?>(UrlOption) ?? LocalUrl(configuration["urls"]);
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/readyz", UriKind.Absolute, out var readyz) || readyz.Scheme is not ("http" or "https"))
            throw new UsageException($"--url must be an absolute http(s) URL, got '{baseUrl}'");
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(readyz, cancellationToken);
            var (status, problems) = await StatusOfAsync(response, cancellationToken);
            await console.Out.WriteLineAsync($"{readyz}: {(int)response.StatusCode} {string.Join("; ", [status, .. problems])}");
            return response.IsSuccessStatusCode && status is "Healthy" or "Degraded" ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"health: {readyz} did not answer: {e.Message}");
            return 1;
        }
    }

    /// <summary>The overall status, and the checks that are not Healthy with what they say.</summary>
    private static async Task<(string Status, IReadOnlyList<string> Problems)> StatusOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var status = body.RootElement.GetProperty("status").GetString() ?? "?";
            var problems = body.RootElement.GetProperty("checks").EnumerateObject()
                .Where(check => check.Value.GetProperty("status").GetString() != "Healthy")
                .Select(check => $"{check.Name}: {check.Value.GetProperty("status").GetString()} ({check.Value.GetProperty("description").GetString()})")
                .ToList();
            return (status, problems);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ("not a readiness report", []);
        }
    }

    /// <summary>Where this machine reaches the service: the first listening URL, a wildcard host read as loopback.</summary>
    private static string LocalUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
            return "http://127.0.0.1:5000";
        foreach (var wildcard in new[] { "://0.0.0.0", "://*", "://+", "://[::]" })
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        return first;
    }
}
