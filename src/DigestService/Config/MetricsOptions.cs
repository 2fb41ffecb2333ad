using System.Net;

namespace DigestService.Config;

/// <summary>Who may read GET /metrics: a scrape exposes counts an outsider has no business seeing.</summary>
public sealed class MetricsOptions : ISelfValidatingOptions
{
    /// <summary>CIDR ranges (or single addresses); loopback by default.</summary>
    public List<string> AllowFrom { get; set; } = [];

    public IReadOnlyList<IPNetwork> Networks =>
        (AllowFrom.Count == 0 ? ["127.0.0.0/8", "::1/128"] : AllowFrom).Select(Parse).OfType<IPNetwork>().ToList();

    public IEnumerable<string> Validate()
    {
        foreach (var entry in AllowFrom.Where(e => Parse(e) is null))
            yield return $"Metrics:AllowFrom has '{entry}', which is neither an address nor a CIDR range such as 10.0.0.0/8.";
    }

    private static IPNetwork? Parse(string entry)
    {
        var text = entry.Trim();
        if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single))
            return new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return IPNetwork.TryParse(text, out var network) ? network : null;
    }
}
