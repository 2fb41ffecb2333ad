using System.Text.RegularExpressions;
using DigestService.Store;

namespace DigestService.Digest;

/// <summary>One paper as the templates show it: display text and links only.</summary>
public sealed partial record PaperView
{
    private const int AuthorsShown = 3;

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required string Authors { get; init; }
    public required long Upvotes { get; init; }
    public required long Comments { get; init; }
    public required string Summary { get; init; }
    public required string AbsUrl { get; init; }
    public required string PdfUrl { get; init; }
    public string? GithubUrl { get; init; }
    public long? GithubStars { get; init; }
    public string? ProjectUrl { get; init; }

    /// <summary>
    /// The feed's preview image, web links only. The email declares it 320 × 173 (Hugging Face's cards are 1200 × 648)
    /// so clients reserve its space, and on narrow screens shrinks with height:auto; its alt text names the paper.
    /// </summary>
    public string? ThumbnailUrl { get; init; }

    /// <summary>Who the paper comes from, when the feed says: "KAIST AI · submitted by Kang Liao"; empty otherwise.</summary>
    public string Credit { get; init; } = "";
    public string Why { get; init; } = "";
    public bool InTopics { get; init; }
    public string MoreUrl { get; init; } = "";
    public string LessUrl { get; init; } = "";

    /// <summary>A picked paper with its Why line and its feedback links.</summary>
    public static PaperView From(Pick pick, string moreUrl, string lessUrl) => From(pick.Paper) with
    {
        Why = pick.Why.Text,
        InTopics = pick.Why.InTopics,
        MoreUrl = moreUrl,
        LessUrl = lessUrl,
    };

    public static PaperView From(StoredPaper paper) => new()
    {
        Id = paper.ArxivId,
        Title = paper.Title,
        Url = $"https://huggingface.co/papers/{paper.ArxivId}",
        Authors = AuthorLine(paper.AuthorNames),
        Upvotes = paper.Upvotes,
        Comments = paper.Comments,
        Summary = paper.AiSummary ?? FirstSentences(paper.Abstract, 2),
        AbsUrl = $"https://arxiv.org/abs/{paper.ArxivId}",
        PdfUrl = $"https://arxiv.org/pdf/{paper.ArxivId}",
        GithubUrl = SafeUrl(paper.GithubRepo),
        GithubStars = SafeUrl(paper.GithubRepo) is null ? null : paper.GithubStars,
        ProjectUrl = SafeUrl(paper.ProjectPage),
        ThumbnailUrl = SafeUrl(paper.Thumbnail),
        Credit = CreditLine(paper.Organization, paper.SubmittedBy),
    };

    public static string CreditLine(string? organization, string? submittedBy) => (organization, submittedBy) switch
    {
        (null, null) => "",
        (_, null) => organization,
        (null, _) => $"Submitted by {submittedBy}",
        _ => $"{organization} · submitted by {submittedBy}",
    };

    public static string AuthorLine(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        <= AuthorsShown => string.Join(", ", names),
        _ => string.Join(", ", names.Take(AuthorsShown)) + " et al.",
    };

    /// <summary>The first <paramref name="count"/> sentences, cut at a sentence end that is not a decimal point or "et al.".</summary>
    public static string FirstSentences(string text, int count)
    {
        var ends = SentenceEnd().Matches(text);
        return ends.Count >= count ? text[..(ends[count - 1].Index + 1)] : text;
    }

    // Only web links: a feed could carry javascript: or data: URLs, which must never become an href.
    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    [GeneratedRegex(@"(?<!\bet al|\be\.g|\bi\.e|\bvs|\bFig|\bEq)[.!?](?=\s+[A-Z(])")]
    private static partial Regex SentenceEnd();
}
