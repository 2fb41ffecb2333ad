using System.Globalization;
using System.Net;
using System.Xml.Linq;
using DigestService.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace DigestService.Tests.Web;

/// <summary>The archive page and its RSS feed over HTTP, from the real app on Kestrel at 127.0.0.1.</summary>
public class ArchiveTests : IAsyncLifetime
{
    private const string HostileTitle = "Attention <script>alert('x')</script> & \"Friends\"";
    private FixtureApp _fixture = null!;
    private WebApplication? _web;
    private HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _fixture = await FixtureApp.StartAsync(3);
        _fixture.App.With("Schedule:Enabled", "false");
        // The day's most voted paper carries a title that must come out escaped.
        var day = Fixtures.HfDay("2026-08-14");
        _fixture.Feed.Handler = request => request.QueryString["date"] == "2026-08-14"
            ? FeedAnswer.Json(day.Replace("DreamX-Phi 1.0: Action-Conditioned", HostileTitle.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal))
            : FeedServer.ServeFixtureDays(request);
        await _fixture.RunOkAsync("ingest", "--date", "2026-08-14");

        var port = FeedServer.FreePort();
        _web = Program.Build([$"--urls=http://127.0.0.1:{port}"], serve: true, _fixture.App.Settings);
        await StartupChecks.RunAsync(_web.Services);
        await _web.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task The_archive_page_of_a_day_shows_everyones_edition_of_that_day_escaped()
    {
        var response = await _http.GetAsync("/archive/2026-08-14");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(Digest.RankingTests.Everyone0814.Take(10), DigestMail.PaperIds(html));
        Assert.Contains("Friday, August 14, 2026", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Attention &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Friends&quot;", html);
        Assert.Contains("href=\"/archive/feed.xml\"", html);
        Assert.Contains("<a href=\"/archive\">All editions</a>", html);
    }

    [Theory]
    [InlineData("/archive/2020-01-01")]
    [InlineData("/archive/2026-13-45")]
    [InlineData("/archive/yesterday")]
    [InlineData("/archive/0001-01-01")]
    [InlineData("/archive/%3Cb%3Ebold%3C%2Fb%3E")]
    public async Task A_day_without_an_edition_is_a_404_page_that_says_so(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is no edition for this date", html);
        Assert.DoesNotContain("<b>bold", html);
    }

    [Fact]
    public async Task The_feed_is_rss_2_with_one_item_per_listing_day_newest_first()
    {
        var response = await _http.GetAsync("/archive/feed.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var items = rss.Root.Element("channel")!.Elements("item").ToList();
        Assert.Equal(
            ["https://digest.example.org/archive/2026-08-14", "https://digest.example.org/archive/2026-08-13"],
            items.Select(i => i.Element("link")!.Value));
        Assert.Equal(items.Select(i => i.Element("link")!.Value), items.Select(i => i.Element("guid")!.Value));
        Assert.Equal(new DateTimeOffset(2026, 8, 14, 0, 0, 0, TimeSpan.Zero),
            DateTimeOffset.Parse(items[0].Element("pubDate")!.Value, CultureInfo.InvariantCulture));
        // The description is HTML carried as text: the hostile title is escaped in that HTML, and parses back to it.
        var description = items[0].Element("description")!.Value;
        Assert.StartsWith("<ol><li><a href=\"https://huggingface.co/papers/2608.13489\">Attention &lt;script&gt;", description);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(description, "<li>").Count);
    }

    [Fact]
    public async Task The_feed_stays_valid_XML_when_a_stored_title_holds_characters_XML_forbids()
    {
        // Stored before ingest cleaned such text, or written by hand: the feed must still be well-formed.
        await _fixture.App.QueryAsync<int>("UPDATE papers SET title = 'Bad' || char(1) || 'title' || char(31) || char(65535) || char(65534) WHERE arxiv_id = '2608.13489'");

        var response = await _http.GetAsync("/archive/feed.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(">Badtitle</a>", rss.Root!.Element("channel")!.Elements("item").First().Element("description")!.Value);
    }
}
