using System.Text.Json;

namespace DigestService.Store;

/// <summary>A paper row as the digest reads it.</summary>
public sealed record StoredPaper
{
    public string ArxivId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Abstract { get; init; } = "";
    public string Authors { get; init; } = "[]";
    public long Upvotes { get; init; }
    public long Comments { get; init; }
    public string? AiSummary { get; init; }
    public string? AiKeywords { get; init; }
    public string? GithubRepo { get; init; }
    public long? GithubStars { get; init; }
    public string? ProjectPage { get; init; }
    public string? PublishedAt { get; init; }
    public string? Thumbnail { get; init; }
    public string? Organization { get; init; }
    public string? SubmittedBy { get; init; }
    public string FirstListedOn { get; init; } = "";
    public string LastListedOn { get; init; } = "";

    public IReadOnlyList<string> AuthorNames => JsonSerializer.Deserialize<List<string>>(Authors) ?? [];

    public IReadOnlyList<string> Keywords => AiKeywords is null ? [] : JsonSerializer.Deserialize<List<string>>(AiKeywords) ?? [];
}
