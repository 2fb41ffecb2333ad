using DigestService.Digest;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>A list longer than the head a ranking starts with (<see cref="SelectionSession.RankedHead"/>) is read to its end.</summary>
public class LongListTests : IAsyncLifetime
{
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(7, "2026-08-14", "2026-08-19");

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_keyword_matching_more_papers_than_the_ranked_head_gets_every_one_of_them()
    {
        await _fixture.AddAsync("many@example.org", "--keywords", "the", "--max-papers", "100");

        var ids = await _fixture.PreviewAsync("many@example.org", "2026-08-19");

        var expected = FixtureApp.PapersMatching(@"\bthe", "2026-08-13", "2026-08-14", "2026-08-19");
        Assert.True(expected.Count > SelectionSession.RankedHead);
        Assert.Equal(expected, ids.ToHashSet());
        Assert.Equal(expected.Count, ids.Count);
    }
}
