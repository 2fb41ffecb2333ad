namespace DigestService.Config;

public sealed class SiteOptions : ISelfValidatingOptions
{
    /// <summary>The public address of the web pages; every link in an email starts with it.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public string Name { get; set; } = "Trending Papers Digest";

    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            yield return $"Site:BaseUrl must be an absolute http(s) URL, got '{BaseUrl}'.";
    }
}
