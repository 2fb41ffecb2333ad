using System.Net;
using DigestService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using DigestService.Links;

namespace DigestService.Tests.Web;

/// <summary>Forged, tampered, truncated or wrong-purpose tokens: a plain 404 on every route, and nothing changes.</summary>
public class SignedLinkTests : SiteTest
{
    public static TheoryData<string> Routes => new() { "confirm", "preferences", "unsubscribe" };

    private static IEnumerable<string> BadTokens(string token)
    {
        var parts = token.Split('.');
        yield return $"{long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 1}.{parts[1]}.{parts[2]}.{parts[3]}";
        yield return token[..^3];
        yield return token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        yield return $"{parts[0]}.{parts[1]}.{parts[2]}.{new string('A', 43)}";
        yield return $"{parts[0]}.nokey.{parts[2]}.{parts[3]}";
        yield return "not-a-token";
    }

    /// <summary>What a route's token is signed for and the id it carries: a confirmation request's, or the subscriber's.</summary>
    private async Task<(TokenPurpose Purpose, long Id)> SignedForAsync(string route) => route == "confirm"
        ? (TokenPurpose.Confirmation, await QueryAsync<long>("SELECT id FROM confirmations"))
        : (Enum.Parse<TokenPurpose>(route, ignoreCase: true), await QueryAsync<long>("SELECT id FROM subscribers"));

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task HEAD_on_a_link_is_answered_like_GET_without_a_body_and_changes_nothing(string route)
    {
        await SignUpAsync("ada@example.org", "llm");
        var (purpose, id) = await SignedForAsync(route);
        var link = $"/{route}/" + Site.Services.GetRequiredService<TokenSigner>().Sign(purpose, id, purpose == TokenPurpose.Confirmation ? TimeSpan.FromDays(1) : null);
        var before = (await App.RunAsync("subscribers", "list")).Output;

        var head = await Browser.HeadAsync(link);
        var forged = await Browser.HeadAsync(link[..^1] + (link[^1] == 'A' ? 'B' : 'A'));

        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal("text/html; charset=utf-8", head.Header("Content-Type"));
        Assert.Equal("", head.Html);
        Assert.NotNull(head.Header("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(before, (await App.RunAsync("subscribers", "list")).Output);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_bad_token_gets_a_plain_404_on_get_and_post_and_changes_nothing(string route)
    {
        await SignUpAsync("ada@example.org", "llm");
        var signer = Site.Services.GetRequiredService<TokenSigner>();
        var (purpose, id) = await SignedForAsync(route);
        var good = signer.Sign(purpose, id, purpose == TokenPurpose.Confirmation ? TimeSpan.FromDays(1) : null);
        var formToken = (await Browser.GetAsync("/")).FormToken;
        var before = (await App.RunAsync("subscribers", "list")).Output;

        foreach (var bad in BadTokens(good))
        {
            var get = await Browser.GetAsync($"/{route}/{bad}");
            var post = await Browser.PostAsync($"/{route}/{bad}", Fields.Of(("form_token", formToken), ("do", "unsubscribe"), ("List-Unsubscribe", "One-Click")));

            Assert.Equal(HttpStatusCode.NotFound, get.Status);
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
            Assert.Contains("This link does not work", get.Html);
            Assert.DoesNotContain("ada@example.org", get.Html + post.Html);
        }
        Assert.Equal(before, (await App.RunAsync("subscribers", "list")).Output);
        Assert.Equal("pending", await StatusOfAsync("ada@example.org"));
    }

    [Fact]
    public async Task A_token_signed_for_one_purpose_is_refused_on_the_other_routes()
    {
        await SignUpAsync("ada@example.org");
        var id = await QueryAsync<long>("SELECT id FROM subscribers");
        var unsubscribe = Site.Services.GetRequiredService<TokenSigner>().Sign(TokenPurpose.Unsubscribe, id);

        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync($"/preferences/{unsubscribe}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.GetAsync($"/confirm/{unsubscribe}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Browser.GetAsync($"/unsubscribe/{unsubscribe}")).Status);
    }

    [Fact]
    public async Task Links_keep_working_after_a_new_signing_key_is_added()
    {
        await SubscribeAndConfirmAsync("ada@example.org");
        var id = await QueryAsync<long>("SELECT id FROM subscribers");
        var old = Site.Services.GetRequiredService<SiteLinks>().PreferencesPath(id);
        await Site.DisposeAsync();

        App.With("Tokens:Keys:k2", new string('k', 40)).With("Tokens:CurrentKeyId", "k2");
        await using var rotated = await RunningSite.StartAsync(App, Clock);
        using var browser = new SiteClient(rotated);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(old)).Status);
        Assert.Contains(".k2.", rotated.Services.GetRequiredService<SiteLinks>().PreferencesPath(id));
    }
}
