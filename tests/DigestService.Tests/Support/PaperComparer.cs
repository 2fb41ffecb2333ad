using DigestService.Store;

namespace DigestService.Tests.Support;

/// <summary>Compares what a parser read of a paper (records compare lists by reference, so this compares them by content).</summary>
public sealed class PaperComparer : IEqualityComparer<FeedPaper>
{
    public static readonly PaperComparer Instance = new();

    public bool Equals(FeedPaper? x, FeedPaper? y) =>
        x is not null && y is not null
        && x.ArxivId == y.ArxivId && x.Title == y.Title && x.Abstract == y.Abstract && x.Authors.SequenceEqual(y.Authors)
        && x.Upvotes == y.Upvotes && x.Comments == y.Comments && x.AiSummary == y.AiSummary && x.AiKeywords.SequenceEqual(y.AiKeywords)
        && x.GithubRepo == y.GithubRepo && x.GithubStars == y.GithubStars && x.ProjectPage == y.ProjectPage && x.PublishedAt == y.PublishedAt;

    public int GetHashCode(FeedPaper paper) => paper.ArxivId.GetHashCode(StringComparison.Ordinal);
}
