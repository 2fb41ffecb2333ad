using System.Text.RegularExpressions;
using DigestService.Digest;
using DigestService.Feed;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>A list longer than the head a ranking starts with (<see cref="SelectionSession.RankedHead"/>) is read to its end.</summary>
public class LongListTests : IAsyncLifetime
{
    private readonly FeedServer _feed = new();
    private readonly TestApp _app = new();

    public async Task InitializeAsync()
    {
        _app.With("Feed:Url", _feed.Url).With("Feed:WindowDays", "7");
        foreach (var day in new[] { "2026-08-14", "2026-08-19" })
            Assert.Equal(0, (await _app.RunAsync("ingest", "--date", day)).ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task A_keyword_matching_more_papers_than_the_ranked_head_gets_every_one_of_them()
    {
        await _app.RunAsync("subscribers", "add", "many@example.org", "--confirmed", "--keywords", "the", "--max-papers", "100");
        var preview = Path.Combine(_app.Directory, "many.html");

        Assert.Equal(0, (await _app.RunAsync("preview", "many@example.org", "--date", "2026-08-19", "--out", preview)).ExitCode);

        var papers = new[] { "2026-08-13", "2026-08-14", "2026-08-19" }
            .SelectMany(day => HfApiParser.Parse(Fixtures.HfDay(day), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(p => Regex.IsMatch($"{p.Title} {p.Abstract} {string.Join(" ", p.AiKeywords)}", @"\bthe", RegexOptions.IgnoreCase))
            .Select(p => p.ArxivId)
            .ToHashSet();
        var ids = DigestMail.PaperIds(await File.ReadAllTextAsync(preview));
        Assert.True(papers.Count > SelectionSession.RankedHead);
        Assert.Equal(papers, ids.ToHashSet());
        Assert.Equal(papers.Count, ids.Count);
    }
}
