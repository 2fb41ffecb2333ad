using System.Net;

namespace DigestService.Feed;

/// <summary>GETs a feed URL and returns its body, turning every kind of bad answer into a one-line error.</summary>
public sealed class FeedHttp(HttpClient http)
{
    public const string ClientName = "feed";

    public async Task<string> GetAsync(Uri url, string expectedKind, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {url.GetLeftPart(UriPartial.Path)}", null, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (LooksLikeHtml(body) && !expectedKind.Equals("html", StringComparison.Ordinal))
            throw new FeedFormatException($"expected {expectedKind} but the answer is an HTML page ({(mediaType.Length > 0 ? mediaType : "no content type")})");
        if (string.IsNullOrWhiteSpace(body))
            throw new FeedFormatException("the answer is empty");
        return body;
    }

    private static bool LooksLikeHtml(string body)
    {
        var start = body.AsSpan().TrimStart();
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
