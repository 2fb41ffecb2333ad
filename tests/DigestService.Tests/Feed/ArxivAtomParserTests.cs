using DigestService.Feed;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

public class ArxivAtomParserTests
{
    private static readonly DateOnly Day = new(2026, 4, 30);

    [Theory]
    [InlineData("arxiv-api-query-cs.LG-cs.AI-2026-04-30.xml", 20)]
    [InlineData("arxiv-api-query-cs.RO-2025-10-17.xml", 2)]
    [InlineData("arxiv-api-idlist-1601.00001-2020-09-04.xml", 1)]
    public void Both_response_styles_parse_to_normalised_papers(string file, int entries)
    {
        var parsed = ArxivAtomParser.Parse(Fixtures.Read(file), Day);

        Assert.Equal(entries, parsed.Papers.Count);
        Assert.Equal(0, parsed.Skipped);
        Assert.All(parsed.Papers, p =>
        {
            PaperAssert.Normalised(p, Day);
            Assert.NotEmpty(p.Authors);
            Assert.NotEmpty(p.Categories);
            Assert.NotNull(p.PublishedAt);
            Assert.Null(p.Upvotes);
        });
    }

    [Fact]
    public void The_classic_style_gives_versionless_ids_unwrapped_text_and_the_primary_category_first()
    {
        var paper = ArxivAtomParser.Parse(Fixtures.Read("arxiv-api-query-cs.RO-2025-10-17.xml"), Day).Papers[0];

        Assert.Equal("2510.14968", paper.ArxivId);
        Assert.Equal("RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks", paper.Title);
        Assert.StartsWith("To tackle long-horizon tasks, recent hierarchical vision-language-action (VLAs) frameworks", paper.Abstract);
        Assert.Equal(["Mingxuan Yan", "Yuping Wang", "Zechun Liu", "Jiachen Li"], paper.Authors);
        Assert.Equal(["cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY"], paper.Categories);
        Assert.Equal(new DateTimeOffset(2025, 10, 16, 17, 59, 37, TimeSpan.Zero), paper.PublishedAt);
    }

    [Fact]
    public void The_2025_style_with_namespaces_on_the_root_reads_the_same_fields()
    {
        var paper = ArxivAtomParser.Parse(Fixtures.Read("arxiv-api-query-cs.LG-cs.AI-2026-04-30.xml"), Day).Papers[0];

        Assert.Equal("2604.26951", paper.ArxivId);
        Assert.Equal("Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models", paper.Title);
        Assert.Equal("cs.CL", paper.Categories[0]);
        Assert.Equal(["cs.CL", "cs.AI", "cs.LG"], paper.Categories);
        Assert.Equal("Gongbo Zhang", paper.Authors[0]);
    }

    [Fact]
    public void An_api_error_answer_is_reported_not_stored()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry>
                <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234v</id>
                <title>Error</title>
                <summary>incorrect id format for 1234.1234v</summary>
              </entry>
            </feed>
            """;

        var error = Assert.Throws<FeedFormatException>(() => ArxivAtomParser.Parse(xml.Trim(), Day));

        Assert.Equal("the arXiv API answered with an error: incorrect id format for 1234.1234v", error.Message);
    }

    [Fact]
    public void An_empty_result_is_no_papers()
    {
        Assert.Empty(ArxivAtomParser.Parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>arXiv Query</title></feed>", Day).Papers);
    }

    [Fact]
    public void Truncated_xml_rss_instead_of_atom_and_a_dtd_say_why_in_one_line()
    {
        var atom = Fixtures.Read("arxiv-api-query-cs.LG-cs.AI-2026-04-30.xml");

        var truncated = Assert.Throws<FeedFormatException>(() => ArxivAtomParser.Parse(atom[..(atom.Length / 2)], Day));
        var rss = Assert.Throws<FeedFormatException>(() => ArxivAtomParser.Parse(Fixtures.Read("arxiv-rss-cs.LG-2026-04-27-excerpt.xml"), Day));
        var dtd = Assert.Throws<FeedFormatException>(() => ArxivAtomParser.Parse("<!DOCTYPE feed [<!ENTITY x \"y\">]><feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>", Day));

        Assert.Contains("not valid XML", truncated.Message);
        Assert.Contains("expected an Atom feed", rss.Message);
        Assert.Contains("not valid XML", dtd.Message);
        Assert.All([truncated, rss, dtd], e => Assert.DoesNotContain('\n', e.Message));
    }
}
