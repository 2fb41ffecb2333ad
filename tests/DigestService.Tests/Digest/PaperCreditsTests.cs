using AngleSharp.Html.Parser;
using DigestService.Tests.Support;

namespace DigestService.Tests.Digest;

/// <summary>Thumbnails and who a paper comes from, as the feed gives them, in a digest sent over real SMTP.</summary>
public class PaperCreditsTests : IAsyncLifetime
{
    private FixtureApp _fixture = null!;

    public async Task InitializeAsync() => _fixture = await FixtureApp.StartAsync(1);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private async Task<MimeKit.MimeMessage> SendAsync(string date)
    {
        await _fixture.RunOkAsync("ingest", "--date", date);
        await _fixture.AddAsync("ada@example.org", "--max-papers", "50");
        await _fixture.RunOkAsync("send", "--date", date);
        return Assert.Single(_fixture.Smtp.To("ada@example.org"));
    }

    /// <summary>The text part's block of one paper, from its number to the next.</summary>
    private static string TextBlock(MimeKit.MimeMessage digest, string id) =>
        Assert.Single((digest.TextBody ?? "").Split("\n\n"), block => block.Contains($"huggingface.co/papers/{id}\n", StringComparison.Ordinal));

    private static AngleSharp.Dom.IElement HtmlBlock(MimeKit.MimeMessage digest, string id) =>
        Assert.Single(new HtmlParser().ParseDocument(digest.HtmlBody ?? "").QuerySelectorAll(".paper"),
            paper => paper.QuerySelector($"a[href='https://huggingface.co/papers/{id}']") is not null);

    [Fact]
    public async Task Each_paper_shows_its_thumbnail_with_alt_and_size_and_its_organization_and_submitter_in_both_parts()
    {
        var digest = await SendAsync("2026-08-14");

        var first = HtmlBlock(digest, "2608.13489");
        var image = Assert.Single(first.QuerySelectorAll("img"));
        Assert.Equal("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2608.13489.png", image.GetAttribute("src"));
        Assert.Equal("320", image.GetAttribute("width"));
        Assert.Equal("173", image.GetAttribute("height"));
        Assert.StartsWith("Preview image of the paper ", image.GetAttribute("alt"));
        Assert.Contains(first.QuerySelector("h2")!.TextContent.Trim(), image.GetAttribute("alt"));
        Assert.Contains("alibaba · submitted by xiaochonglinghu", first.TextContent);
        Assert.Contains("\n   alibaba · submitted by xiaochonglinghu\n", TextBlock(digest, "2608.13489"));
        Assert.Contains("University of Illinois at Urbana-Champaign · submitted by Tao Feng", HtmlBlock(digest, "2608.06867").TextContent);
        // No organization in the feed: only the submitter, and no empty separator.
        Assert.Contains("\n   Submitted by taesiri\n", TextBlock(digest, "2608.13546"));
        Assert.DoesNotContain("·  submitted", HtmlBlock(digest, "2608.13546").TextContent);
        Assert.DoesNotContain("<img", digest.TextBody);
    }

    [Fact]
    public async Task Only_web_thumbnails_are_shown_escaped_and_absent_credits_stay_absent()
    {
        _fixture.Feed.Handler = _ => FeedAnswer.Json("""
            [{"paper":{"id":"2609.00001","title":"Quoted","summary":"S.","upvotes":9,"authors":[{"name":"A"}],"organization":{"fullname":"<b>Org</b> & Co"}},
              "thumbnail":"https://img.example/a.png?x=\"><script>alert(1)</script>","submittedBy":{"name":"handle-only"}},
             {"paper":{"id":"2609.00002","title":"Script","summary":"S.","upvotes":8,"authors":[{"name":"B"}]},"thumbnail":"javascript:alert(1)"},
             {"paper":{"id":"2609.00003","title":"Data","summary":"S.","upvotes":7,"authors":[{"name":"C"}]},"thumbnail":"data:image/png;base64,AAAA"},
             {"paper":{"id":"2609.00004","title":"Bare","summary":"S.","upvotes":6,"authors":[{"name":"D"}]}}]
            """);

        var digest = await SendAsync("2026-09-01");

        var quoted = HtmlBlock(digest, "2609.00001");
        var image = Assert.Single(quoted.QuerySelectorAll("img"));
        Assert.Equal("https://img.example/a.png?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", image.GetAttribute("src"));
        Assert.Empty(quoted.QuerySelectorAll("script, b"));
        Assert.Contains("<b>Org</b> & Co · submitted by handle-only", quoted.TextContent);
        Assert.Empty(HtmlBlock(digest, "2609.00002").QuerySelectorAll("img"));
        Assert.Empty(HtmlBlock(digest, "2609.00003").QuerySelectorAll("img"));
        Assert.DoesNotContain("javascript:", digest.HtmlBody);
        Assert.DoesNotContain("data:image", digest.HtmlBody);
        var bare = TextBlock(digest, "2609.00004");
        Assert.DoesNotContain("ubmitted by", bare);
        Assert.Matches(@"\n   \d+ upvotes?[^\n]*\n   Why: ", bare);
    }
}
