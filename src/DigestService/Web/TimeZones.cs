namespace DigestService.Web;

/// <summary>The IANA time zones offered on the preferences page.</summary>
public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } =
    [
        "UTC",
        .. TimeZoneInfo.GetSystemTimeZones()
            .Select(zone => zone.Id)
            .Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>True for any zone the system knows, listed or not (a browser may report an older alias).</summary>
    public static bool IsKnown(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
