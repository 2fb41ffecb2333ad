using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DigestService.Tests.Support;
using MimeKit;

namespace DigestService.Tests.Digest;

/// <summary>
/// A digest that learns each reader, end to end on generated themed feeds served by the real feed server: ratings
/// through the feedback links of a real digest, a seeded library, a followed author, and the Why line of every paper.
/// </summary>
public class LearningDigestTests : SiteTest
{
    private static readonly DateOnly Day1 = new(2026, 9, 1);
    private static readonly DateOnly Day3 = Day1.AddDays(2);
    private const int Theme = 2;
    private readonly ThemedFeed _feed = new(seed: 4242, Day1, days: 3, papersPerThemePerDay: 10);
    private readonly FeedServer _server;

    public LearningDigestTests() => _server = new FeedServer(request => _feed.Answer(request));

    protected override void Configure(TestApp app) => app.With("Feed:Url", _server.Url);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task RunOkAsync(params string[] args)
    {
        var result = await App.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Error} {result.Output}");
    }

    private async Task<MimeMessage> SendAsync(DateOnly day, string to)
    {
        var before = Smtp.To(to).Count;
        await RunOkAsync("ingest", "--date", Iso(day));
        await RunOkAsync("send", "--date", Iso(day));
        return Assert.Single(Smtp.To(to).Skip(before));
    }

    private double ThemeShare(MimeMessage digest)
    {
        var ids = DigestMail.PaperIds(digest);
        Assert.NotEmpty(ids);
        return (double)ids.Count(id => _feed.Find(id).Theme == Theme) / ids.Count;
    }

    /// <summary>The feedback link ("more" or "less") of a paper in the text part of a digest.</summary>
    private string FeedbackLink(MimeMessage digest, string id, string direction)
    {
        var block = Regex.Match(digest.TextBody ?? "", @"huggingface\.co/papers/" + Regex.Escape(id) + @"[\s\S]*?More like this: (\S+)\s+Less like this: (\S+)");
        Assert.True(block.Success, $"no feedback links for {id}");
        return new Uri(block.Groups[direction == "more" ? 1 : 2].Value).PathAndQuery;
    }

    [Fact]
    public async Task A_reader_who_rates_a_theme_up_and_the_rest_down_gets_mostly_that_theme_two_days_later()
    {
        await RunOkAsync("subscribers", "add", "rater@example.org", "--confirmed");
        await RunOkAsync("subscribers", "add", "plain@example.org", "--confirmed");
        var first = await SendAsync(Day1, "rater@example.org");

        foreach (var id in DigestMail.PaperIds(first))
        {
            var link = FeedbackLink(first, id, _feed.Find(id).Theme == Theme ? "more" : "less");
            Assert.Equal(HttpStatusCode.OK, (await Browser.SubmitAsync(link, [])).Status);
        }
        await RunOkAsync("ingest", "--date", Iso(Day1.AddDays(1)));
        var rater = await SendAsync(Day3, "rater@example.org");
        var plain = Smtp.To("plain@example.org")[^1];

        var (learned, untaught) = (ThemeShare(rater), ThemeShare(plain));
        Assert.True(learned >= 0.5 && learned >= 3 * untaught, $"theme share {learned:P0} for the rater, {untaught:P0} without ratings");
    }

    [Fact]
    public async Task A_reader_seeded_from_a_bib_file_of_a_theme_gets_mostly_that_theme_from_the_first_digest()
    {
        await RunOkAsync("subscribers", "add", "seeded@example.org", "--confirmed");
        await RunOkAsync("subscribers", "add", "plain@example.org", "--confirmed");
        var bib = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            var paper = _feed.Unlisted(Theme);
            bib.Append(CultureInfo.InvariantCulture, $"@article{{ref{i},\n  title = {{{paper.Title}}},\n  author = {{Doe, Jane and Roe, Richard}},\n  abstract = {{{paper.Abstract}}},\n  year = {{2025}}\n}}\n\n");
        }
        var path = Path.Combine(App.Directory, "library.bib");
        await File.WriteAllTextAsync(path, bib.ToString());
        await RunOkAsync("ingest", "--date", Iso(Day1));
        await RunOkAsync("subscribers", "seed", "seeded@example.org", path);

        await RunOkAsync("send", "--date", Iso(Day1));

        var (seeded, untaught) = (ThemeShare(Smtp.To("seeded@example.org")[0]), ThemeShare(Smtp.To("plain@example.org")[0]));
        Assert.True(seeded >= 0.5 && seeded >= 3 * untaught, $"theme share {seeded:P0} for the seeded reader, {untaught:P0} without a library");
    }

    [Fact]
    public async Task A_followed_authors_new_paper_with_one_upvote_is_in_the_digest_with_its_why_line()
    {
        var mine = _feed.Add(Day1, theme: 0, ["Jané Doé", "Richard Roe"], upvotes: 1);
        await RunOkAsync("subscribers", "add", "fan@example.org", "--confirmed", "--authors", "J. Doe, Someone Else");

        var digest = await SendAsync(Day1, "fan@example.org");

        Assert.Equal(mine.Id, DigestMail.PaperIds(digest)[0]);
        Assert.Contains("Why: you follow J. Doe", digest.TextBody);
    }

    [Fact]
    public async Task Every_paper_of_a_personalized_digest_has_a_why_line_in_the_text_part()
    {
        await RunOkAsync("subscribers", "add", "mixed@example.org", "--confirmed", "--keywords", _feed.Day(Day1)[0].Keywords[0], "--authors", "Ana Kim");
        var digest = await SendAsync(Day1, "mixed@example.org");

        var blocks = Regex.Split(digest.TextBody ?? "", @"\n(?=\d+\. )").Skip(1).ToList();
        Assert.Equal(DigestMail.PaperIds(digest).Count, blocks.Count);
        Assert.All(blocks, block => Assert.Matches(@"\n   Why: \S", block));
    }

    [Fact]
    public async Task Feedback_get_changes_nothing_post_is_idempotent_and_forged_tokens_get_404()
    {
        await RunOkAsync("subscribers", "add", "rater@example.org", "--confirmed");
        var digest = await SendAsync(Day1, "rater@example.org");
        var id = DigestMail.PaperIds(digest)[0];
        var more = FeedbackLink(digest, id, "more");

        var page = await Browser.GetAsync(more);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(_feed.Find(id).Title, page.Text);
        Assert.Equal(HttpStatusCode.OK, (await Browser.HeadAsync(more)).Status);
        Assert.Equal(0, await QueryAsync<long>("SELECT COUNT(*) FROM profile_papers"));

        var posted = await Browser.SubmitAsync(more, []);
        Assert.Contains("Papers like this will rank higher in your digest", posted.Text);
        var again = await Browser.SubmitAsync(more, []);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(1, await QueryAsync<long>("SELECT COUNT(*) FROM profile_papers WHERE paper_key = @id AND weight = 1", ("@id", id)));

        var token = more["/feedback/".Length..];
        var parts = token.Split('.');
        var otherPaper = Convert.ToBase64String(Encoding.UTF8.GetBytes(DigestMail.PaperIds(digest)[1] + " more")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        foreach (var forged in new[] { $"{parts[0]}.{parts[1]}.{parts[2]}.{otherPaper}.{parts[4]}", token[..^2], "2" + token[1..], $"{parts[0]}.{parts[1]}.{parts[2]}.{parts[4]}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync("/feedback/" + forged)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await Browser.PostAsync("/feedback/" + forged, [])).Status);
        }
        Assert.Equal(1, await QueryAsync<long>("SELECT COUNT(*) FROM profile_papers"));
    }

    [Fact]
    public async Task Download_my_data_includes_the_readers_ratings_and_library()
    {
        await RunOkAsync("subscribers", "add", "rater@example.org", "--confirmed");
        var digest = await SendAsync(Day1, "rater@example.org");
        var ids = DigestMail.PaperIds(digest);
        await Browser.SubmitAsync(FeedbackLink(digest, ids[0], "more"), []);
        await Browser.SubmitAsync(FeedbackLink(digest, ids[1], "less"), []);
        var preferences = LinkIn(digest, "preferences");
        await UploadAsync(preferences, "mine.bib", "@article{mine, title = {My Own Paper}, abstract = {What I wrote.}}\n");

        var download = await Browser.SubmitAsync(preferences, [new("do", "export")]);

        using var json = System.Text.Json.JsonDocument.Parse(download.Html);
        var ratings = json.RootElement.GetProperty("ratings").EnumerateArray()
            .Select(r => (Paper: r.GetProperty("paper_key").GetString(), Direction: r.GetProperty("direction").GetString(), Source: r.GetProperty("source").GetString(),
                          Title: r.GetProperty("title").GetString(), At: r.GetProperty("added_at").GetString()))
            .OrderBy(r => r.Paper, StringComparer.Ordinal).ToList();
        Assert.Equal(3, ratings.Count);
        Assert.Contains((ids[0], "more", "rating", _feed.Find(ids[0]).Title), ratings.Select(r => (r.Paper, r.Direction, r.Source, r.Title)));
        Assert.Contains((ids[1], "less", "rating", _feed.Find(ids[1]).Title), ratings.Select(r => (r.Paper, r.Direction, r.Source, r.Title)));
        Assert.Contains(("title:my own paper", "more", "library", "My Own Paper"), ratings.Select(r => (r.Paper, r.Direction, r.Source, r.Title)));
        Assert.All(ratings, r => Assert.False(string.IsNullOrEmpty(r.At)));
    }

    [Fact]
    public async Task The_preferences_page_lists_rated_papers_with_undo_follows_authors_and_takes_a_library()
    {
        await RunOkAsync("subscribers", "add", "rater@example.org", "--confirmed");
        var digest = await SendAsync(Day1, "rater@example.org");
        var id = DigestMail.PaperIds(digest)[0];
        await Browser.SubmitAsync(FeedbackLink(digest, id, "less"), []);
        var preferences = LinkIn(digest, "preferences");

        var page = await Browser.GetAsync(preferences);
        Assert.Contains(_feed.Find(id).Title, page.Text);
        Assert.Contains("(less like this)", page.Text);
        var undone = await Browser.SubmitAsync(preferences, [new("do", "unrate"), new("paper", id)]);
        Assert.Contains("Undone", undone.Text);
        Assert.Equal(0, await QueryAsync<long>("SELECT COUNT(*) FROM profile_papers"));

        var followed = await Browser.SubmitAsync(preferences, [new("do", "authors"), new("authors", " Jane  Doe, J. Doe , Ada Lovelace")]);
        Assert.Contains("You follow Jane Doe, Ada Lovelace", followed.Text);
        Assert.Equal("Jane Doe, Ada Lovelace", await QueryAsync<string>("SELECT authors FROM subscribers WHERE email = 'rater@example.org'"));

        var ids = string.Join("\n", _feed.Day(Day1).Take(3).Select(p => "https://arxiv.org/abs/" + p.Id + "v2")) + "\n";
        var uploaded = await UploadAsync(preferences, "ids.txt", ids);
        Assert.Contains("Added 3 of the 3 papers in ids.txt", uploaded.Text);
        var bad = await UploadAsync(preferences, "broken.bib", "@article{x, title = {Unclosed}\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("broken.bib: the BibTeX entry at line 1 is not closed", bad.Text);
        Assert.Equal(3, await QueryAsync<long>("SELECT COUNT(*) FROM profile_papers WHERE source = 'library'"));
    }

    [Fact]
    public async Task Seeding_from_the_command_line_refuses_a_bad_or_too_large_file_with_one_line_and_adds_nothing()
    {
        App.With("Profiles:MaxSeedEntries", "2");
        await RunOkAsync("subscribers", "add", "seeded@example.org", "--confirmed");
        var path = Path.Combine(App.Directory, "library.json");
        await File.WriteAllTextAsync(path, """[{"title": "One", "URL": "https://arxiv.org/abs/2401.00001"}, {"title": "Two"}, {"title": "Three"}]""");

        var tooMany = await App.RunAsync("subscribers", "seed", "seeded@example.org", path);
        await File.WriteAllTextAsync(path, "[{\"title\": ");
        var broken = await App.RunAsync("subscribers", "seed", "seeded@example.org", path);

        Assert.Equal((1, 1), (tooMany.ExitCode, broken.ExitCode));
        Assert.Contains("the file holds 3 papers and at most 2 are read at once (Profiles:MaxSeedEntries)", tooMany.Error);
        Assert.Contains("the file is not valid CSL-JSON", broken.Error);
        Assert.Single(broken.Error.Trim().Split('\n'));
        Assert.Equal(0, await QueryAsync<long>("SELECT COUNT(*) FROM profile_papers"));
    }

    [Fact]
    public async Task View_in_browser_opens_the_readers_own_edition_as_sent_and_a_forged_link_gets_404()
    {
        await RunOkAsync("subscribers", "add", "fan@example.org", "--confirmed", "--authors", "Ana Kim");
        await RunOkAsync("subscribers", "add", "plain@example.org", "--confirmed");
        var digest = await SendAsync(Day1, "fan@example.org");
        var view = Regex.Match(digest.TextBody ?? "", @"View in browser: (\S+)").Groups[1].Value;
        Assert.StartsWith(Site.BaseUrl + "/edition/", view);
        Assert.Contains(view.Replace("&", "&amp;", StringComparison.Ordinal), digest.HtmlBody);

        var page = await Browser.GetAsync(new Uri(view).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(DigestMail.PaperIds(digest), DigestMail.PaperIds(page.Html));
        foreach (var why in Regex.Matches(digest.TextBody ?? "", @"Why: (.+)").Select(m => m.Groups[1].Value.Trim()))
            Assert.Contains("Why: " + why, page.Text);
        var plainView = Regex.Match(Smtp.To("plain@example.org")[0].TextBody ?? "", @"View in browser: (\S+)").Groups[1].Value;
        Assert.NotEqual(view, plainView);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync(new Uri(view).PathAndQuery[..^3])).Status);
    }

    private async Task<SitePage> UploadAsync(string preferences, string name, string content)
    {
        var page = await Browser.GetAsync(preferences);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(page.FormToken), "form_token" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "library", name },
        };
        return await Browser.PostAsync(preferences + "/library", form);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
