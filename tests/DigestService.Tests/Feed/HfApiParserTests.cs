using DigestService.Feed;
using DigestService.Tests.Support;
using DigestService.Papers;

namespace DigestService.Tests.Feed;

public class HfApiParserTests
{
    [Theory]
    [InlineData("2024-05-27", 13)]
    [InlineData("2025-10-13", 33)]
    [InlineData("2026-07-29", 20)]
    [InlineData("2026-08-13", 20)]
    [InlineData("2026-08-14", 23)]
    [InlineData("2026-08-19", 26)]
    public void Every_fixture_generation_parses_to_normalised_papers(string date, int items)
    {
        var papers = HfApiParser.Parse(Fixtures.HfDay(date), DateOnly.Parse(date)).Papers;

        Assert.Equal(items, papers.Count);
        Assert.All(papers, p =>
        {
            PaperAssert.Normalised(p, DateOnly.Parse(date));
            Assert.NotEmpty(p.Authors);
            Assert.NotNull(p.Upvotes);
        });
    }

    [Fact]
    public void Every_fixture_file_in_the_folder_is_covered()
    {
        Assert.Equal(["2024-05-27", "2025-10-13", "2026-07-29", "2026-08-13", "2026-08-14", "2026-08-19"], Fixtures.HfDays.ToArray());
    }

    [Fact]
    public void Hard_wrapped_titles_are_collapsed()
    {
        var papers = HfApiParser.Parse(Fixtures.HfDay("2025-10-13"), new DateOnly(2025, 10, 13)).Papers;

        Assert.Contains(papers, p => p.Title == "Thinking with Camera: A Unified Multimodal Model for Camera-Centric Understanding and Generation");
    }

    [Fact]
    public void Optional_enrichment_is_read_when_present_and_absent_otherwise()
    {
        var enriched = HfApiParser.Parse(Fixtures.HfDay("2025-10-13"), new DateOnly(2025, 10, 13)).Papers;
        var bare = HfApiParser.Parse(Fixtures.HfDay("2026-07-29"), new DateOnly(2026, 7, 29)).Papers;

        Assert.All(enriched, p => Assert.False(string.IsNullOrEmpty(p.AiSummary)));
        Assert.All(enriched, p => Assert.NotEmpty(p.AiKeywords));
        Assert.Equal(15, enriched.Count(p => p.GithubRepo is not null));
        Assert.Equal(14, enriched.Count(p => p.GithubStars is not null));
        Assert.Equal(10, enriched.Count(p => p.ProjectPage is not null));
        Assert.All(bare, p => Assert.Null(p.AiSummary));
        Assert.All(bare, p => Assert.Empty(p.AiKeywords));
    }

    [Theory]
    [InlineData("2024-05-27", 13, 0, 0)]
    [InlineData("2025-10-13", 33, 9, 33)]
    [InlineData("2026-07-29", 20, 17, 20)]
    public void Thumbnail_organization_and_submitter_are_read_in_each_schema_and_absent_when_the_feed_has_none(string date, int thumbnails, int organizations, int submitters)
    {
        var papers = HfApiParser.Parse(Fixtures.HfDay(date), DateOnly.Parse(date)).Papers;

        Assert.Equal(thumbnails, papers.Count(p => p.Thumbnail is not null));
        Assert.Equal(organizations, papers.Count(p => p.Organization is not null));
        Assert.Equal(submitters, papers.Count(p => p.SubmittedBy is not null));
        Assert.All(papers, p => Assert.StartsWith("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/" + p.ArxivId, p.Thumbnail));
    }

    [Fact]
    public void Names_are_full_names_with_the_handle_when_there_is_none()
    {
        var papers = HfApiParser.Parse(Fixtures.HfDay("2025-10-13"), new DateOnly(2025, 10, 13)).Papers;
        var fromPaper = HfApiParser.Parse("""
            [{"paper":{"id":"2609.00001","title":"T","authors":[{"name":"A"}],"submittedOnDailyBy":{"user":"handle"},"organization":{"name":"org-handle"}}}]
            """, new DateOnly(2026, 9, 1)).Papers;

        Assert.Contains(papers, p => p.Organization == "KAIST AI");
        Assert.Contains(papers, p => p.SubmittedBy == "Kang Liao");
        Assert.Equal(("org-handle", "handle"), (fromPaper[0].Organization, fromPaper[0].SubmittedBy));
        Assert.Null(fromPaper[0].Thumbnail);
    }

    [Fact]
    public void Hidden_authors_are_skipped()
    {
        const string json = """
            [{"paper":{"id":"2601.00001v2","title":"T","summary":"S","upvotes":3,
              "authors":[{"_id":"a","name":"Ada Lovelace","hidden":false},{"_id":"b","name":"Secret Person","hidden":true}],
              "publishedAt":"2026-01-01T00:00:00.000Z"},"numComments":2,"publishedAt":"2026-01-01T00:00:00.000Z","title":"T"}]
            """;

        var paper = Assert.Single(HfApiParser.Parse(json, new DateOnly(2026, 1, 2)).Papers);

        Assert.Equal(["Ada Lovelace"], paper.Authors);
        Assert.Equal("2601.00001", paper.ArxivId);
        Assert.Equal(2, paper.Comments);
    }

    [Fact]
    public void An_unreadable_entry_among_good_ones_is_skipped_and_counted()
    {
        const string json = """
            [{"paper":{"id":"2601.00001","title":"Kept","summary":"S","upvotes":1,"authors":[]}},
             {"paper":{"title":"No id"}},
             {"title":"No paper object"}]
            """;

        var parsed = HfApiParser.Parse(json, new DateOnly(2026, 1, 2));

        Assert.Equal("2601.00001", Assert.Single(parsed.Papers).ArxivId);
        Assert.Equal(2, parsed.Skipped);
    }

    [Theory]
    [InlineData("[{\"paper\": {\"id\": \"2601.0", "not valid JSON")]
    [InlineData("{\"error\": \"Invalid date\"}", "expected a JSON array")]
    [InlineData("[{\"title\": \"no paper\"}]", "no 'paper' object")]
    public void Broken_answers_say_what_is_wrong(string json, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => HfApiParser.Parse(json, new DateOnly(2026, 1, 1)));

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("2608.12313", "2608.12313")]
    [InlineData("2510.14968v1", "2510.14968")]
    [InlineData("http://arxiv.org/abs/2604.26951v3", "2604.26951")]
    [InlineData("oai:arXiv.org:2604.26951v1", "2604.26951")]
    [InlineData("https://tldr.takara.ai/p/2604.26951", "2604.26951")]
    [InlineData("1601.00001", "1601.00001")]
    [InlineData("hep-th/9901001v2", "hep-th/9901001")]
    [InlineData("http://arxiv.org/abs/math.GT/0309136v1", "math.GT/0309136")]
    [InlineData("not an id", null)]
    public void Arxiv_ids_are_reduced_to_the_bare_id(string text, string? expected)
    {
        Assert.Equal(expected, ArxivId.Normalize(text));
    }
}
