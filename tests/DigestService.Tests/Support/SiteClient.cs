using System.Net;
using System.Text.RegularExpressions;

namespace DigestService.Tests.Support;

/// <summary>An HTTP answer of the site: status, body and headers.</summary>
public sealed partial record SitePage(HttpStatusCode Status, string Html, HttpResponseMessage Response)
{
    /// <summary>The page with its HTML entities decoded, for checking the words it shows.</summary>
    public string Text => WebUtility.HtmlDecode(Html);

    /// <summary>The antiforgery token of the page's forms.</summary>
    public string FormToken => FormTokenField().Match(Html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no form token:\n" + Html);

    public string? Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [GeneratedRegex("name=\"form_token\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}

/// <summary>A browser without JavaScript: keeps cookies, never follows redirects, posts forms with their token.</summary>
public sealed class SiteClient : IDisposable
{
    private readonly HttpClient _http;

    public SiteClient(RunningSite site, bool cookies = true)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(site.BaseUrl),
        };
    }

    public CookieContainer Cookies { get; }

    public Task<SitePage> GetAsync(string pathOrUrl) => SendAsync(new HttpRequestMessage(HttpMethod.Get, pathOrUrl));

    public Task<SitePage> HeadAsync(string pathOrUrl) => SendAsync(new HttpRequestMessage(HttpMethod.Head, pathOrUrl));

    /// <summary>Posts urlencoded fields as they are, with no form token unless given.</summary>
    public Task<SitePage> PostAsync(string pathOrUrl, IEnumerable<KeyValuePair<string, string>> fields, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathOrUrl) { Content = new FormUrlEncodedContent(fields) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.Add(name, value);
        return SendAsync(request);
    }

    public Task<SitePage> PostAsync(string pathOrUrl, HttpContent content) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, pathOrUrl) { Content = content });

    /// <summary>Opens <paramref name="pagePath"/> and posts its form to <paramref name="formPath"/> (the page itself by default), as a browser would.</summary>
    public async Task<SitePage> SubmitAsync(string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? formPath = null)
    {
        var page = await GetAsync(pagePath);
        return await PostAsync(formPath ?? pagePath, [new("form_token", page.FormToken), .. fields]);
    }

    private async Task<SitePage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            var response = await _http.SendAsync(request);
            return new SitePage(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Form fields in the order given; names may repeat (topics).</summary>
public static class Fields
{
    public static List<KeyValuePair<string, string>> Of(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
}
