using DigestService.Config;
using DigestService.Papers;
using DigestService.Store;

namespace DigestService.Feed;

/// <summary>Everything one source's requests brought: papers, skipped entries, unchanged (304) answers and failures.</summary>
public sealed class SourceRead
{
    public List<FeedPaper> Papers { get; } = [];

    public int Skipped { get; set; }

    public int Unchanged { get; set; }

    /// <summary>One-line reasons of the requests that failed, in request order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The validators of every URL that answered (200 or 304), to be saved once the papers are stored.</summary>
    public Dictionary<string, CacheValidators> Answered { get; } = new(StringComparer.Ordinal);

    /// <summary>No request got an answer: the source is down or broken, not merely partly.</summary>
    public bool Failed => Answered.Count == 0 && Errors.Count > 0;
}

/// <summary>Makes a source's requests for a window. A failed request is recorded and the others still count.</summary>
public sealed class SourceReader(FeedHttp http)
{
    public async Task<SourceRead> ReadAsync(IFeedFormat format, FeedSourceOptions source, IReadOnlyList<DateOnly> days,
        IReadOnlyDictionary<string, CacheValidators> known, CancellationToken cancellationToken)
    {
        var read = new SourceRead();
        var silent = false;
        foreach (var request in format.Requests(source, days))
        {
            var url = request.Url.AbsoluteUri;
            if (silent)
            {
                read.Errors.Add(request.Describe("not tried: the source did not answer an earlier request"));
                continue;
            }
            try
            {
                var response = await http.GetAsync(request.Url, format.Content, known.GetValueOrDefault(url), cancellationToken);
                if (response.Body is null)
                {
                    read.Unchanged++;
                }
                else
                {
                    var parsed = format.Parse(response.Body, request);
                    read.Papers.AddRange(parsed.Papers.Select(Clean));
                    read.Skipped += parsed.Skipped;
                }
                read.Answered[url] = response.Validators;
            }
            catch (Exception e) when (e is FeedFormatException or HttpRequestException)
            {
                read.Errors.Add(Text.CollapseWhitespace(request.Describe(e.Message)));
                // A silent source would cost the full timeout once per day of the window.
                silent = e is FeedTimeoutException;
            }
        }
        return read;
    }

    /// <summary>Every text field without the characters XML forbids, whatever the format: what is stored is safe to publish.</summary>
    private static FeedPaper Clean(FeedPaper paper) => paper with
    {
        Title = Text.CollapseWhitespace(XmlSafeText.Clean(paper.Title)),
        Abstract = Text.CollapseWhitespace(XmlSafeText.Clean(paper.Abstract)),
        Authors = paper.Authors.Select(XmlSafeText.Clean).ToList(),
        AiSummary = paper.AiSummary is null ? null : Text.CollapseWhitespace(XmlSafeText.Clean(paper.AiSummary)),
        AiKeywords = paper.AiKeywords.Select(XmlSafeText.Clean).ToList(),
        Categories = paper.Categories.Select(XmlSafeText.Clean).ToList(),
        GithubRepo = paper.GithubRepo is null ? null : XmlSafeText.Clean(paper.GithubRepo),
        ProjectPage = paper.ProjectPage is null ? null : XmlSafeText.Clean(paper.ProjectPage),
    };
}
