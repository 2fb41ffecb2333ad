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

    public void Add(FeedPaper paper) => _papers.Add(paper);

    public void Skip(string problem)
    {
        _skipped++;
        _firstProblem ??= problem;
    }

    public ParsedFeed Build() => _papers.Count == 0 && _skipped > 0
        ? throw new FeedFormatException($"none of the {_skipped} {entriesName} could be read ({_firstProblem}); the layout may have changed")
        : new ParsedFeed(_papers, _skipped);
}
