namespace DigestService.Config;

public sealed class FeedOptions : ISelfValidatingOptions
{
    public const string DefaultUrl = "https://huggingface.co/api/daily_papers";

    /// <summary>Shorthand for one hf-api source; replaced by <see cref="Sources"/> when those are given.</summary>
    public string Url { get; set; } = DefaultUrl;

    public List<FeedSourceOptions> Sources { get; set; } = [];

    /// <summary>Papers are listed late and upvotes keep moving, so each ingest re-reads this many days.</summary>
    public int WindowDays { get; set; } = 3;

    /// <summary>The most one request may take, retries and body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a failed request is tried again (5xx, 408, 429, timeouts, connection errors).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff; it doubles (with jitter) on each retry unless the server sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A bigger answer is refused while it streams in, so a runaway server cannot fill the memory.</summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The least time between two requests to a host (or any host under a domain): arXiv asks for one request
    /// every three seconds.
    /// </summary>
    public Dictionary<string, TimeSpan> HostIntervals { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["arxiv.org"] = TimeSpan.FromSeconds(3),
    };

    /// <summary>Each attempt gets half the request's time, so one hung attempt still leaves room for another.</summary>
    public TimeSpan AttemptTimeout => Timeout / 2;

    public IReadOnlyList<FeedSourceOptions> EffectiveSources =>
        Sources.Count > 0 ? Sources : [new FeedSourceOptions { Name = "huggingface", Url = Url, Format = "hf-api" }];

    public IEnumerable<string> Validate()
    {
        if (WindowDays is < 1 or > 60)
            yield return "Feed:WindowDays must be between 1 and 60.";
        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromHours(1))
            yield return "Feed:Timeout must be a TimeSpan between 00:00:00.1 and 01:00:00, such as 00:00:30.";
        if (MaxRetries is < 0 or > 10)
            yield return "Feed:MaxRetries must be between 0 and 10.";
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(10))
            yield return "Feed:RetryDelay must be a TimeSpan between 00:00:00 and 00:10:00.";
        if (MaxResponseBytes < 1024)
            yield return "Feed:MaxResponseBytes must be at least 1024.";
        foreach (var (host, interval) in HostIntervals)
        {
            if (interval < TimeSpan.Zero || interval > TimeSpan.FromMinutes(10))
                yield return $"Feed:HostIntervals:{host} must be a TimeSpan between 00:00:00 and 00:10:00.";
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < EffectiveSources.Count; i++)
        {
            var source = EffectiveSources[i];
            var key = Sources.Count > 0 ? $"Feed:Sources:{i}" : "Feed:Url";
            var url = source.Url.Replace(FeedSourceOptions.DatePlaceholder, "2000-01-01", StringComparison.Ordinal);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                yield return $"{key} must be an absolute http(s) URL, got '{source.Url}'.";
            if (string.IsNullOrWhiteSpace(source.Name))
                yield return $"{key}:Name must not be empty.";
            else if (!names.Add(source.Name))
                yield return $"{key}:Name '{source.Name}' is used by another source; names key the stored history.";
            if (!FeedSourceOptions.Formats.Contains(source.Format))
                yield return $"{key}:Format must be one of {string.Join(", ", FeedSourceOptions.Formats)}, got '{source.Format}'.";
        }
    }
}

public sealed class FeedSourceOptions
{
    public static readonly IReadOnlyList<string> Formats = ["hf-api", "hf-page", "arxiv-atom", "rss"];

    /// <summary>In a listing URL, where the day goes: such a URL is an archive read one day at a time.</summary>
    public const string DatePlaceholder = "{date}";

    public string Name { get; set; } = "";

    /// <summary><c>{date}</c> in the URL is replaced by each day of the window (hf-api adds a date parameter without it).</summary>
    public string Url { get; set; } = "";

    public string Format { get; set; } = "hf-api";
}
