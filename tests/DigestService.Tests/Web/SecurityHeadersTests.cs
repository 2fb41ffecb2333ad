using System.Net;
using DigestService.Tests.Support;

namespace DigestService.Tests.Web;

public class SecurityHeadersTests : SiteTest
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static void AssertSecurityHeaders(SitePage page)
    {
        Assert.Equal(ContentSecurityPolicy, page.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", page.Header("Referrer-Policy"));
        Assert.Equal("DENY", page.Header("X-Frame-Options"));
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers_and_is_not_cached()
    {
        await SignUpAsync("ada@example.org", "llm");
        var mail = await MailToAsync("ada@example.org");
        var pages = new List<SitePage>
        {
            await Browser.GetAsync("/"),
            await SignUpAsync("bad address"),
            await Browser.GetAsync(LinkIn(mail, "confirm")),
            await Browser.GetAsync(LinkIn(mail, "preferences")),
            await Browser.GetAsync("/unsubscribe/1.db.0.forged"),
            await Browser.GetAsync("/no/such/page"),
            await Browser.PostAsync("/", Fields.Of()),
        };

        Assert.All(pages, AssertSecurityHeaders);
        Assert.All(pages, page => Assert.Equal("no-store", page.Header("Cache-Control")));
    }

    [Fact]
    public async Task Unknown_pages_and_wrong_methods_get_a_friendly_page_not_an_empty_answer()
    {
        var missing = await Browser.GetAsync("/no/such/page");
        var wrongMethod = await Browser.PostAsync("/", Fields.Of());

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Page not found", missing.Html);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Contains("That request did not work", wrongMethod.Html);
    }

    [Fact]
    public async Task The_stylesheet_and_script_are_served_from_the_same_origin()
    {
        var page = await Browser.GetAsync("/");
        var css = await Browser.GetAsync("/assets/site.css");
        var script = await Browser.GetAsync("/assets/time-zone.js");

        Assert.Contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">", page.Html);
        Assert.DoesNotContain("<style", page.Html);
        Assert.DoesNotContain("style=", page.Html);
        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.StartsWith("text/css", css.Header("Content-Type"));
        Assert.Equal(HttpStatusCode.OK, script.Status);
        Assert.Contains("resolvedOptions().timeZone", script.Html);
        AssertSecurityHeaders(css);
    }
}
