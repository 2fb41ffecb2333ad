using DigestService.Store;

namespace DigestService.Feed;

/// <summary>What one answer held: the papers read and how many entries were skipped as unreadable.</summary>
public sealed record ParsedFeed(IReadOnlyList<FeedPaper> Papers, int Skipped);

/// <summary>
/// Collects a parser's papers. One odd entry is skipped and counted; an answer whose entries are all unreadable is a
/// layout change and fails the request, so nothing is stored from it.
/// </summary>
public sealed class ParsedFeedBuilder(string entriesName)
{
    private readonly List<FeedPaper> _papers = [];
    private int _skipped;
    private string? _firstProblem;

    /// <summary>Adds the paper an entry describes, or skips the entry when it has no arXiv id or no title to key and show it by.</summary>
    public void Add(string? arxivId, string title, Func<string, string, FeedPaper> paper)
    {
        if (arxivId is null || title.Length == 0)
            Skip($"{entriesName} without an arXiv id or a title");
        else
            _papers.Add(paper(arxivId, title));
    }

    public void Skip(string problem)
    {
        _skipped++;
        _firstProblem ??= problem;
    }

    public ParsedFeed Build() => _papers.Count == 0 && _skipped > 0
        ? throw new FeedFormatException($"none of the {_skipped} {entriesName} could be read ({_firstProblem}); the layout may have changed")
        : new ParsedFeed(_papers, _skipped);
}
