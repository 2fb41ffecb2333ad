using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using DigestService.Tests.Support;

namespace DigestService.Tests.Feed;

/// <summary>
/// The fixtures of the three formats come from different days, so one day is served three ways from one source of
/// truth: the real 2024-08-01 papers page. Its embedded <c>dailyPapers</c> is, per the fixtures README, the API's
/// entry shape of that time, so the API answer is that array as JSON; the RSS answer is the real huangboming
/// mirror with its items replaced by the same papers, each written the way that mirror writes an item. Each format
/// is ingested into its own database and the stored papers are compared field by field.
/// </summary>
public class SameDayAcrossFormatsTests : IAsyncLifetime
{
    private const string Day = "2024-08-01";
    private readonly string _page = Fixtures.Read("hf-papers-page-2024-08-01.html");
    private FeedServer _server = null!;

    public Task InitializeAsync()
    {
        var entries = PageEntries(_page);
        var api = entries.ToJsonString();
        var rss = MirrorRss(entries);
        _server = new FeedServer(request => request.Url!.AbsolutePath switch
        {
            "/api/daily_papers" => FeedAnswer.Json(request.QueryString["date"] == Day ? api : "[]"),
            "/papers" => new FeedAnswer(200, _page, "text/html; charset=utf-8"),
            _ => new FeedAnswer(200, rss, "application/rss+xml; charset=utf-8"),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_api_the_page_and_rss_of_one_day_store_the_same_distinct_papers()
    {
        var stored = new List<IReadOnlyList<string>>();
        foreach (var (format, path) in Sources)
        {
            using var app = new TestApp();
            app.WithSources(_server, (format, format, path)).With("Feed:WindowDays", "1");

            var result = await app.RunAsync("ingest", "--date", Day);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"{format}: fetched 13, new 13, updated 0, skipped 0, unchanged 0, errors 0", Assert.Single(result.OutputLines));
            stored.Add(await StoredPapersAsync(app));
        }

        Assert.Equal(13, stored[0].Count);
        Assert.Equal(stored[0], stored[1]);
        Assert.Equal(stored[0], stored[2]);
    }

    [Fact]
    public async Task Three_formats_of_one_day_in_one_database_are_13_papers_not_39()
    {
        using var app = new TestApp();
        app.WithSources(_server, [.. Sources.Select(s => (s.Format, s.Format, s.Path))]).With("Feed:WindowDays", "1");

        var result = await app.RunAsync("ingest", "--date", Day);

        Assert.Equal(
            [
                "hf-api: fetched 13, new 13, updated 0, skipped 0, unchanged 0, errors 0",
                "hf-page: fetched 13, new 0, updated 13, skipped 0, unchanged 0, errors 0",
                "rss: fetched 13, new 0, updated 13, skipped 0, unchanged 0, errors 0",
            ],
            result.OutputLines);
        Assert.Equal(13, (await app.StatsAsync())["papers"]);
    }

    private static readonly (string Format, string Path)[] Sources = [("hf-api", "/api/daily_papers"), ("hf-page", "/papers"), ("rss", "/feed.xml")];

    private static Task<IReadOnlyList<string>> StoredPapersAsync(TestApp app) => app.QueryAsync<string>(
        """
        SELECT p.arxiv_id || '|' || p.title || '|' || p.abstract || '|' || p.authors || '|' || p.upvotes || '|' || s.listed_on
        FROM papers p JOIN sightings s ON s.arxiv_id = p.arxiv_id ORDER BY p.arxiv_id
        """);

    /// <summary>The page's embedded list, read with an HTML parser as any scraper would (not with the code under test).</summary>
    private static JsonArray PageEntries(string page)
    {
        var props = new HtmlParser().ParseDocument(page).QuerySelector("[data-target=\"DailyPapers\"]")!.GetAttribute("data-props")!;
        return JsonNode.Parse(props)!["dailyPapers"]!.AsArray();
    }

    /// <summary>The real mirror feed with its items replaced by these papers, each a copy of its first item re-filled.</summary>
    private static string MirrorRss(JsonArray entries)
    {
        var feed = XDocument.Parse(Fixtures.Read("hf-daily-papers-rss-huangboming-2026-08-08.xml"));
        var channel = feed.Root!.Element("channel")!;
        var template = channel.Element("item")!;
        channel.Elements("item").Remove();
        foreach (var entry in entries)
        {
            var paper = entry!["paper"]!;
            var id = (string)paper["id"]!;
            var authors = paper["authors"]!.AsArray().Where(a => a!["hidden"]?.GetValue<bool>() != true).Select(a => (string)a!["name"]!);
            var item = new XElement(template);
            item.Element("title")!.Value = (string)paper["title"]!;
            item.Element("link")!.Value = $"https://arxiv.org/abs/{id}";
            item.Element("guid")!.Value = $"https://arxiv.org/abs/{id}";
            item.Element("description")!.Value =
                $"<p><img src=\"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{id}.png\" alt=\"Paper thumbnail\" style=\"max-width: 300px; height: auto;\" /></p>" +
                $"<p><b>Authors:</b> {WebUtility.HtmlEncode(string.Join(", ", authors))}</p>" +
                $"<p><b>Upvotes:</b> {(int)paper["upvotes"]!}</p>" +
                $"<p><b>Summary:</b> {WebUtility.HtmlEncode((string)paper["summary"]!)}</p>";
            channel.Add(item);
        }
        return feed.Declaration + "\n" + feed.Root;
    }
}
