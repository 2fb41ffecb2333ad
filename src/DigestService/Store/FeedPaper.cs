namespace DigestService.Store;

/// <summary>One paper as a source listed it on one day, normalised (bare id, collapsed whitespace).</summary>
public sealed record FeedPaper
{
    public required string ArxivId { get; init; }
    public required string Title { get; init; }
    public required string Abstract { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public required DateOnly ListedOn { get; init; }
    public int? Upvotes { get; init; }
    public int? Comments { get; init; }
    public string? AiSummary { get; init; }
    public IReadOnlyList<string> AiKeywords { get; init; } = [];

    /// <summary>arXiv categories, primary first; only arXiv sources carry them.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? GithubRepo { get; init; }
    public int? GithubStars { get; init; }
    public string? ProjectPage { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The feed's preview image URL, as given (only web links are ever shown).</summary>
    public string? Thumbnail { get; init; }

    /// <summary>The organization the paper is filed under, and who submitted it to the list; names for display.</summary>
    public string? Organization { get; init; }

    public string? SubmittedBy { get; init; }
}
