using System.Net;
using DigestService.Feed;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

public class HfPageParserTests
{
    private static readonly DateOnly Requested = new(2026, 1, 1);

    [Fact]
    public void The_2024_page_gives_its_13_papers_listed_on_the_page_date()
    {
        var parsed = HfPageParser.Parse(Fixtures.Read("hf-papers-page-2024-08-01.html"), Requested);

        Assert.Equal(13, parsed.Papers.Count);
        Assert.Equal(0, parsed.Skipped);
        Assert.Equal("2407.21783", parsed.Papers[0].ArxivId);
        Assert.Equal(94, parsed.Papers[0].Upvotes);
        Assert.All(parsed.Papers, p =>
        {
            PaperAssert.Normalised(p, new DateOnly(2024, 8, 1));
            Assert.NotEmpty(p.Authors);
            Assert.NotNull(p.Upvotes);
        });
        Assert.Contains(parsed.Papers, p => p.Title == "MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts");
    }

    [Fact]
    public void The_embedded_json_is_entity_decoded_and_hidden_authors_are_skipped()
    {
        var parsed = HfPageParser.Parse(Fixtures.Read("hf-papers-page-2024-08-01.html"), Requested);

        Assert.DoesNotContain(parsed.Papers, p => p.Title.Contains("&quot;", StringComparison.Ordinal) || p.Abstract.Contains("&amp;", StringComparison.Ordinal));
        Assert.Equal(533, parsed.Papers[0].Authors.Count);
        // 2407.21781 lists six authors, one of them hidden.
        Assert.Equal(5, parsed.Papers.Single(p => p.ArxivId == "2407.21781").Authors.Count);
    }

    [Fact]
    public void The_2025_layout_with_dateString_gives_the_same_papers_as_the_api_of_that_day()
    {
        var api = Fixtures.HfDay("2026-08-19");
        var html = $"""
            <!doctype html><html><body><main>
            <div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{WebUtility.HtmlEncode($$"""{"periodType":"day","dateString":"2026-08-19","dailyPapers":{{api}},"prevDate":"2026-08-18"}""")}"></div>
            </main></body></html>
            """;

        var fromPage = HfPageParser.Parse(html, Requested);
        var fromApi = HfApiParser.Parse(api, new DateOnly(2026, 8, 19));

        Assert.Equal(fromApi.Papers, fromPage.Papers, PaperComparer.Instance);
        Assert.All(fromPage.Papers, p => Assert.Equal(new DateOnly(2026, 8, 19), p.ListedOn));
    }

    [Fact]
    public void A_week_page_without_a_day_counts_for_the_requested_day()
    {
        const string html = """<div data-target="DailyPapers" data-props="{&quot;periodType&quot;:&quot;week&quot;,&quot;dateString&quot;:&quot;2026-W33&quot;,&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2608.00001&quot;,&quot;title&quot;:&quot;T&quot;}}]}"></div>""";

        Assert.Equal(Requested, Assert.Single(HfPageParser.Parse(html, Requested).Papers).ListedOn);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>", "no data-target=\"DailyPapers\" block")]
    [InlineData("<div data-target=\"DailyPapers\"></div>", "no data-props")]
    [InlineData("<div data-target=\"DailyPapers\" data-props=\"{&quot;dailyPapers&quot;:[\"></div>", "not valid JSON")]
    [InlineData("<div data-target=\"DailyPapers\" data-props=\"{&quot;papers&quot;:[]}\"></div>", "no dailyPapers list")]
    [InlineData("<div data-target=\"DailyPapers\" data-props=\"{&quot;dailyPapers&quot;:[{&quot;item&quot;:1}]}\"></div>", "none of the 1 entries could be read")]
    public void A_page_that_is_not_the_papers_page_says_why(string html, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => HfPageParser.Parse(html, Requested));

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
