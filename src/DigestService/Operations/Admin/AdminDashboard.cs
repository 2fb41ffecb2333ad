using DigestService.Config;
using DigestService.Store;
using DigestService.Web;
using Microsoft.Extensions.Options;

namespace DigestService.Operations.Admin;

/// <summary>
/// GET /admin: the operator's one page. Subscribers by status over time and deliveries per day by outcome as charts;
/// the last runs of each job, each source's freshness and last error, and recent bounces as tables.
/// </summary>
public sealed class AdminDashboard(WebPages pages, OperationsStore operations, FeedSourceStore sources, IOptions<FeedOptions> feed, IOptions<HealthOptions> health, TimeProvider clock)
{
    private const int Days = 30;
    private static readonly (string Key, string Label, string Colour)[] Statuses =
        [("active", "Active", "#1a7f37"), ("pending", "Pending", "#9a6700"), ("unsubscribed", "Unsubscribed", "#57606a"), ("bounced", "Bounced", "#cf222e")];
    private static readonly (string Key, string Label, string Colour)[] Outcomes =
        [("sent", "Sent", "#1a7f37"), ("bounced", "Bounced", "#cf222e"), ("failed", "Failed", "#9a6700")];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin", (AdminDashboard dashboard, CancellationToken cancellationToken) => dashboard.ShowAsync(cancellationToken))
            .RequireRateLimiting(AdminRateLimit.Policy)
            .AddEndpointFilter<AdminAccess>();

    private async Task<IResult> ShowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1)).ToList();

        // Daily snapshots come from the retention job; today's counts are read live so the chart ends at now.
        var counts = (await operations.SubscriberCountsSinceAsync(days[0], cancellationToken)).Where(c => c.Day != today).ToList();
        counts.AddRange((await operations.SubscribersByStatusAsync(cancellationToken)).Select(s => new DailyCount(today, s.Key, s.Value)));
        var deliveries = await operations.DeliveriesPerDaySinceAsync(days[0], cancellationToken);

        var statusByName = (await sources.StatusAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var staleBefore = now - health.Value.FeedStaleAfter;
        return pages.Page("admin", "Operations", new
        {
            Subscribers = SvgChart.Lines("Subscribers by status, last 30 days", days, Series(counts, Statuses)),
            Deliveries = SvgChart.StackedBars("Deliveries per day by outcome, last 30 days", days, Series(deliveries, Outcomes)),
            Runs = (await operations.LastRunsAsync(5, cancellationToken)).Select(r => new
            {
                r.Job, StartedAt = Iso.Instant(r.StartedAt), Took = (r.FinishedAt - r.StartedAt).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture), r.Ok, r.Summary,
            }).ToList(),
            Sources = feed.Value.EffectiveSources.Select(source => statusByName.GetValueOrDefault(source.Name) is var status ? new
            {
                source.Name,
                LastSuccess = status?.LastSuccessAt is { } at ? Iso.Instant(at) : "never",
                Fresh = status?.LastSuccessAt >= staleBefore,
                LastError = status?.LastError is { } error && (status.LastSuccessAt is null || status.LastErrorAt > status.LastSuccessAt) ? $"{Iso.Instant(status.LastErrorAt!.Value)}: {error}" : "",
            } : null),
            Bounces = (await operations.RecentBouncesAsync(20, cancellationToken)).Select(b => new { At = Iso.Instant(b.At), b.Email, b.Kind, b.Detail }).ToList(),
        });
    }

    private static List<ChartSeries> Series(IEnumerable<DailyCount> counts, (string Key, string Label, string Colour)[] kinds)
    {
        var byKey = counts.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Day, c => c.Count));
        return [.. kinds.Select(k => new ChartSeries(k.Label, k.Colour, byKey.GetValueOrDefault(k.Key) ?? []))];
    }
}
