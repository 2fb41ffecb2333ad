using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DigestService.Tests.Support;
using DigestService.Links;
using Microsoft.Extensions.DependencyInjection;

namespace DigestService.Tests.Web;

/// <summary>Bodies no browser sends, on every form route: a clear 400 or 415, nothing changed, never a 500.</summary>
public class MalformedBodyTests : SiteTest
{
    public static TheoryData<string, string> Malformed => new()
    {
        // route × body: no boundary; a boundary the body never uses; a part cut off before its end.
        { "subscribe", "multipart/form-data" },
        { "subscribe", "multipart/form-data; boundary=XYZ|--nope\r\n" },
        { "subscribe", "multipart/form-data; boundary=XYZ|--XYZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nada@exa" },
        { "confirm", "multipart/form-data" },
        { "confirm", "multipart/form-data; boundary=XYZ|--XYZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny" },
        { "preferences", "multipart/form-data" },
        { "preferences", "multipart/form-data; boundary=XYZ|--XYZ\r\nContent-Disposition: form-data; name=\"do\"\r\n\r\nunsubscribe" },
        { "unsubscribe", "multipart/form-data" },
        { "unsubscribe", "multipart/form-data; boundary=XYZ|--XYZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click" },
    };

    public static TheoryData<string, string> Unsupported => new()
    {
        { "subscribe", "application/json" },
        { "confirm", "text/plain" },
        { "preferences", "application/xml" },
        { "unsubscribe", "text/plain" },
    };

    /// <summary>A pending subscriber and the path of <paramref name="route"/> for them (the form's own path for subscribe).</summary>
    private async Task<string> PathAsync(string route)
    {
        await SignUpAsync("ada@example.org");
        var mail = await MailToAsync("ada@example.org");
        if (route == "confirm")
            return LinkIn(mail, "confirm");
        await Browser.SubmitAsync(LinkIn(mail, "confirm"), []);
        var id = await QueryAsync<long>("SELECT id FROM subscribers");
        var links = Site.Services.GetRequiredService<SiteLinks>();
        return route switch { "preferences" => links.PreferencesPath(id), "unsubscribe" => links.UnsubscribePath(id), _ => "/subscribe" };
    }

    private static HttpContent Body(string spec)
    {
        var (type, body) = spec.Split('|') is [var t, var b] ? (t, b) : (spec, "--XYZ\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_multipart_body_gets_400_and_changes_nothing(string route, string body)
    {
        var path = await PathAsync(route);
        var before = await QueryAsync<string>("SELECT status || topics || frequency FROM subscribers");
        await Browser.GetAsync(path == "/subscribe" ? "/" : path);

        var answer = await Browser.PostAsync(path, Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("could not be read", answer.Text);
        Assert.Equal(before, await QueryAsync<string>("SELECT status || topics || frequency FROM subscribers"));
        Assert.Equal(1, (await App.StatsAsync())["subscribers"]);
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task A_body_that_is_no_form_gets_415_and_changes_nothing(string route, string type)
    {
        var path = await PathAsync(route);
        var before = await QueryAsync<string>("SELECT status || topics || frequency FROM subscribers");

        var answer = await Browser.PostAsync(path, new StringContent("{\"email\":\"eve@example.org\"}", Encoding.UTF8, type));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("only as a web form", answer.Text);
        Assert.Equal(before, await QueryAsync<string>("SELECT status || topics || frequency FROM subscribers"));
    }
}
