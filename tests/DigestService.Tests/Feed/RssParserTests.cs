using DigestService.Feed;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

public class RssParserTests
{
    private static readonly DateOnly Day = new(2026, 8, 8);

    [Theory]
    [InlineData("arxiv-rss-cs.LG-2026-04-27-excerpt.xml", 3)]
    [InlineData("hf-daily-papers-rss-huangboming-2026-08-08.xml", 30)]
    [InlineData("hf-daily-papers-rss-takara-2026-04-30.xml", 50)]
    public void Every_feed_parses_to_papers_keyed_by_the_bare_id_in_their_urls(string file, int items)
    {
        var parsed = RssParser.Parse(Fixtures.Read(file), Day);

        Assert.Equal(items, parsed.Papers.Count);
        Assert.Equal(0, parsed.Skipped);
        Assert.Equal(items, parsed.Papers.Select(p => p.ArxivId).Distinct().Count());
        Assert.All(parsed.Papers, p =>
        {
            PaperAssert.Normalised(p, Day);
            Assert.DoesNotMatch("<[a-zA-Z/][^>]*>", p.Abstract);
        });
    }

    [Fact]
    public void Arxiv_items_give_the_abstract_after_its_label_the_creators_and_categories()
    {
        var paper = RssParser.Parse(Fixtures.Read("arxiv-rss-cs.LG-2026-04-27-excerpt.xml"), Day).Papers[0];

        Assert.Equal("2604.21952", paper.ArxivId);
        Assert.StartsWith("This work presents a multi-layered methodology", paper.Abstract);
        Assert.Contains("visual resolution & stride", paper.Abstract);
        Assert.Equal(["Muhammad Shafique", "Abdul Basit", "Muhammad Abdullah Hanif", "Alberto Marchisio", "Rachmad Vidya Wicaksana Putra", "Minghao Shao"], paper.Authors);
        Assert.Equal(["cs.LG", "cs.AI", "cs.AR", "cs.NE", "cs.RO"], paper.Categories);
        Assert.Null(paper.Upvotes);
    }

    [Fact]
    public void The_huangboming_mirror_description_html_gives_authors_upvotes_and_summary()
    {
        var papers = RssParser.Parse(Fixtures.Read("hf-daily-papers-rss-huangboming-2026-08-08.xml"), Day).Papers;
        var first = papers[0];

        Assert.Equal("2607.28609", first.ArxivId);
        Assert.Equal(52, first.Upvotes);
        Assert.Equal(23, first.Authors.Count);
        Assert.Equal("Qiushi Sun", first.Authors[0]);
        Assert.StartsWith("Computer-using agents (CUAs) are advancing rapidly", first.Abstract);
        Assert.DoesNotContain("Paper thumbnail", first.Abstract);
        Assert.All(papers, p => Assert.NotNull(p.Upvotes));
        Assert.All(papers, p => Assert.NotEmpty(p.Authors));
    }

    [Fact]
    public void The_takara_mirror_gives_the_abstract_only()
    {
        var paper = RssParser.Parse(Fixtures.Read("hf-daily-papers-rss-takara-2026-04-30.xml"), Day).Papers[0];

        Assert.Equal("2604.26238", paper.ArxivId);
        Assert.Equal("EnerGS: Energy-Based Gaussian Splatting with Partial Geometric Priors", paper.Title);
        Assert.StartsWith("3D Gaussian Splatting (3DGS) has been widely adopted", paper.Abstract);
        Assert.Empty(paper.Authors);
        Assert.Null(paper.Upvotes);
    }

    [Fact]
    public void Items_without_an_arxiv_id_are_skipped_and_a_feed_of_only_those_fails()
    {
        const string mixed = """
            <rss version="2.0"><channel><title>Mixed</title>
              <item><title>Site news</title><link>https://example.org/news/welcome</link></item>
              <item><title>A paper</title><link>https://arxiv.org/abs/2608.00001</link><description>Plain abstract.</description></item>
            </channel></rss>
            """;
        const string none = """<rss version="2.0"><channel><item><title>Site news</title><link>https://example.org/news</link></item></channel></rss>""";

        var parsed = RssParser.Parse(mixed, Day);
        var error = Assert.Throws<FeedFormatException>(() => RssParser.Parse(none, Day));

        Assert.Equal("2608.00001", Assert.Single(parsed.Papers).ArxivId);
        Assert.Equal(1, parsed.Skipped);
        Assert.Contains("none of the 1 items could be read", error.Message);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><item><title>cut", "not valid XML")]
    [InlineData("<rss version=\"2.0\"></rss>", "no <channel>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "expected an RSS 2.0 feed")]
    public void A_document_that_is_not_an_rss_feed_says_why(string xml, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => RssParser.Parse(xml, Day));

        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
