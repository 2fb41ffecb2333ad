namespace DigestService.Config;

public sealed class FeedOptions : ISelfValidatingOptions
{
    public const string DefaultUrl = "https://huggingface.co/api/daily_papers";

    /// <summary>Shorthand for one hf-api source; replaced by <see cref="Sources"/> when those are given.</summary>
    public string Url { get; set; } = DefaultUrl;

    public List<FeedSourceOptions> Sources { get; set; } = [];

    /// <summary>Papers are listed late and upvotes keep moving, so each ingest re-reads this many days.</summary>
    public int WindowDays { get; set; } = 3;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<FeedSourceOptions> EffectiveSources =>
        Sources.Count > 0 ? Sources : [new FeedSourceOptions { Name = "huggingface", Url = Url, Format = "hf-api" }];

    public IEnumerable<string> Validate()
    {
        if (WindowDays is < 1 or > 60)
            yield return "Feed:WindowDays must be between 1 and 60.";
        if (Timeout <= TimeSpan.Zero)
            yield return "Feed:Timeout must be a positive TimeSpan such as 00:00:30.";
        for (var i = 0; i < EffectiveSources.Count; i++)
        {
            var source = EffectiveSources[i];
            var key = Sources.Count > 0 ? $"Feed:Sources:{i}" : "Feed:Url";
            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                yield return $"{key} must be an absolute http(s) URL, got '{source.Url}'.";
            if (string.IsNullOrWhiteSpace(source.Name))
                yield return $"{key}:Name must not be empty.";
            if (!FeedSourceOptions.Formats.Contains(source.Format))
                yield return $"{key}:Format must be one of {string.Join(", ", FeedSourceOptions.Formats)}, got '{source.Format}'.";
        }
    }
}

public sealed class FeedSourceOptions
{
    public static readonly IReadOnlyList<string> Formats = ["hf-api"];

    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Format { get; set; } = "hf-api";
}
