using System.Diagnostics.Metrics;

namespace DigestService.Telemetry;

/// <summary>
/// The service's own instruments on the meter "DigestService". Instrument names follow OpenTelemetry's dotted style;
/// the Prometheus exporter writes them as digest_deliveries_total, digest_smtp_send_duration_seconds and so on
/// (dots become underscores, counters get _total, the unit "s" becomes _seconds).
/// </summary>
public sealed class DigestMetrics
{
    public const string MeterName = "DigestService";

    // The SDK's default buckets are made for milliseconds; these are seconds, from a fast local relay to a slow one.
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] };

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _ingestPapers;
    private readonly Counter<long> _ingestErrors;
    private readonly Counter<long> _signUps;
    private readonly Histogram<double> _smtpSend;
    private readonly Histogram<double> _render;

    public DigestMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _deliveries = Meter.CreateCounter<long>("digest.deliveries", description: "Delivery attempts by result: sent, retry, bounced, failed.");
        _ingestPapers = Meter.CreateCounter<long>("digest.ingest.papers", description: "Papers stored by ingest, by source and kind (new, updated).");
        _ingestErrors = Meter.CreateCounter<long>("digest.ingest.errors", description: "Failed feed requests, by source.");
        _signUps = Meter.CreateCounter<long>("digest.signups", description: "Subscription events: requested, confirmed, unsubscribed, deleted.");
        _smtpSend = Meter.CreateHistogram("digest.smtp.send.duration", unit: "s", description: "Time to hand one digest to the mail server.", advice: Seconds);
        _render = Meter.CreateHistogram("digest.render.duration", unit: "s", description: "Time to render one digest (templates and CSS inlining).", advice: Seconds);
    }

    /// <summary>The meter, for the gauges read from the database at scrape time.</summary>
    public Meter Meter { get; }

    public void Delivered(string result) => _deliveries.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Ingested(string source, int newPapers, int updatedPapers, int errors)
    {
        var from = new KeyValuePair<string, object?>("source", source);
        _ingestPapers.Add(newPapers, from, new KeyValuePair<string, object?>("kind", "new"));
        _ingestPapers.Add(updatedPapers, from, new KeyValuePair<string, object?>("kind", "updated"));
        _ingestErrors.Add(errors, from);
    }

    public void SignUpEvent(string name) => _signUps.Add(1, new KeyValuePair<string, object?>("event", name));

    public void SmtpSent(TimeSpan elapsed) => _smtpSend.Record(elapsed.TotalSeconds);

    public void Rendered(TimeSpan elapsed) => _render.Record(elapsed.TotalSeconds);
}

/// <summary>The <c>event</c> label values of digest_signups_total.</summary>
public static class SignUpEvents
{
    public const string Requested = "requested";
    public const string Confirmed = "confirmed";
    public const string Unsubscribed = "unsubscribed";
    public const string Deleted = "deleted";
}
