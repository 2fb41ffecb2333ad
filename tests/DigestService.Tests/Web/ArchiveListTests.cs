using System.Net;
using System.Text.RegularExpressions;
using DigestService.Tests.Support;
using DigestService.Web.Archive;

namespace DigestService.Tests.Web;

/// <summary><c>GET /archive</c>: every edition, newest first, a page at a time, each linking to its day.</summary>
public partial class ArchiveListTests : SiteTest
{
    /// <summary>Ingests <paramref name="days"/> listing days ending on 2026-08-31, the same fixture papers listed on each.</summary>
    private async Task IngestDaysAsync(int days)
    {
        await using var feed = new FeedServer(_ => FeedAnswer.Json(Fixtures.HfDay("2026-08-14")));
        App.With("Feed:Url", feed.Url).With("Feed:WindowDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, (await App.RunAsync("ingest", "--date", "2026-08-31")).ExitCode);
    }

    private static List<string> EditionLinks(SitePage page) => EditionLink().Matches(page.Html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<li><a href=\"/archive/([0-9]{4}-[0-9]{2}-[0-9]{2})\">")]
    private static partial Regex EditionLink();

    [Fact]
    public async Task The_archive_lists_editions_newest_first_a_page_at_a_time_with_the_rss_link()
    {
        await IngestDaysAsync(ArchiveListPage.PageSize + 2);

        var first = await Browser.GetAsync("/archive");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var expected = Enumerable.Range(0, ArchiveListPage.PageSize + 2).Select(d => new DateOnly(2026, 8, 31).AddDays(-d).ToString("yyyy-MM-dd")).ToList();
        Assert.Equal(expected.Take(ArchiveListPage.PageSize), EditionLinks(first));
        Assert.Contains(">Monday, August 31, 2026</a>", first.Html);
        Assert.Contains("href=\"/archive/feed.xml\"", first.Html);
        Assert.Contains("<a href=\"/archive?page=2\" rel=\"next\">Older editions</a>", first.Html);
        Assert.DoesNotContain("Newer editions", first.Html);

        var second = await Browser.GetAsync("/archive?page=2");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(expected.Skip(ArchiveListPage.PageSize), EditionLinks(second));
        Assert.Contains("<a href=\"/archive\" rel=\"prev\">Newer editions</a>", second.Html);
        Assert.DoesNotContain("Older editions", second.Html);
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync("/archive/" + expected[^1])).Status);
    }

    [Fact]
    public async Task With_nothing_ingested_the_archive_says_so()
    {
        var page = await Browser.GetAsync("/archive");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No editions yet", page.Text);
        Assert.Empty(EditionLinks(page));
    }

    [Theory]
    [InlineData("/archive?page=3")]
    [InlineData("/archive?page=0")]
    [InlineData("/archive?page=-1")]
    [InlineData("/archive?page=two")]
    [InlineData("/archive?page=99999999999999999999")]
    public async Task A_page_that_does_not_exist_is_a_404_page_that_links_to_the_first(string path)
    {
        await IngestDaysAsync(3);

        var page = await Browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("There is no such page of the archive", page.Text);
        Assert.Contains("<a href=\"/archive\">", page.Html);
    }
}
