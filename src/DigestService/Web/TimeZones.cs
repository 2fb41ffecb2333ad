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
}
